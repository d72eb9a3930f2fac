#include "engine/train/degradation/jpeg.h"

#include <ATen/ATen.h>

#include <cmath>
#include <vector>

namespace rsd::engine::train {
namespace {

constexpr float kLuma[64] = {
    16, 11, 10, 16, 24,  40,  51,  61,   //
    12, 12, 14, 19, 26,  58,  60,  55,   //
    14, 13, 16, 24, 40,  57,  69,  56,   //
    14, 17, 22, 29, 51,  87,  80,  62,   //
    18, 22, 37, 56, 68,  109, 103, 77,   //
    24, 35, 55, 64, 81,  104, 113, 92,   //
    49, 64, 78, 87, 103, 121, 120, 101,  //
    72, 92, 95, 98, 112, 100, 103, 99};
constexpr float kChroma[64] = {
    17, 18, 24, 47, 99, 99, 99, 99,  //
    18, 21, 26, 66, 99, 99, 99, 99,  //
    24, 26, 56, 99, 99, 99, 99, 99,  //
    47, 66, 99, 99, 99, 99, 99, 99,  //
    99, 99, 99, 99, 99, 99, 99, 99,  //
    99, 99, 99, 99, 99, 99, 99, 99,  //
    99, 99, 99, 99, 99, 99, 99, 99,  //
    99, 99, 99, 99, 99, 99, 99, 99};

at::Tensor table_from(const float* values) {
  return at::tensor(std::vector<float>(values, values + 64), at::kFloat).view({8, 8});
}

// [N, H, W] -> [N, H/8, W/8, 8, 8]
at::Tensor to_blocks(const at::Tensor& plane) {
  const std::int64_t n = plane.size(0), h = plane.size(1), w = plane.size(2);
  return plane.reshape({n, h / 8, 8, w / 8, 8}).permute({0, 1, 3, 2, 4});
}

// [N, H/8, W/8, 8, 8] -> [N, H, W]
at::Tensor from_blocks(const at::Tensor& blocks) {
  const std::int64_t n = blocks.size(0), bh = blocks.size(1), bw = blocks.size(2);
  return blocks.permute({0, 1, 3, 2, 4}).reshape({n, bh * 8, bw * 8});
}

// One plane on the 0..255 scale through DCT, quantization with `table`·factor, and back.
// D·B·Dᵀ on a row-major flattened block is (D ⊗ D)·vec(B), so all blocks go through one
// [blocks, 64] × [64, 64] product instead of millions of tiny 8×8 products.
at::Tensor quantize_plane(const at::Tensor& plane, const at::Tensor& table, const at::Tensor& factor) {
  const at::Tensor d = dct8_matrix().to(plane.options());
  const at::Tensor basis = at::kron(d, d);  // [64, 64], orthonormal
  const at::Tensor blocks = to_blocks(plane - 128.0);
  const auto block_shape = blocks.sizes().vec();
  const at::Tensor coeff = at::matmul(blocks.reshape({plane.size(0), -1, 64}), basis.t());
  const at::Tensor step = table.to(plane.options()).reshape({1, 1, 64}) * factor.view({-1, 1, 1});
  const at::Tensor quantized = at::round(coeff / step) * step;
  return from_blocks(at::matmul(quantized, basis).reshape(block_shape) + 128.0);
}

}  // namespace

at::Tensor jpeg_luma_table() { return table_from(kLuma); }
at::Tensor jpeg_chroma_table() { return table_from(kChroma); }

at::Tensor jpeg_quality_factor(const at::Tensor& quality) {
  TORCH_CHECK((quality >= 1.0).all().item<bool>() && (quality <= 100.0).all().item<bool>(),
              "JPEG quality must lie in [1, 100]");
  return at::where(quality < 50.0, 5000.0 / quality, 200.0 - 2.0 * quality) / 100.0;
}

at::Tensor dct8_matrix() {
  std::vector<float> m(64);
  const double pi = 3.14159265358979323846;
  for (int u = 0; u < 8; ++u) {
    const double c = u == 0 ? std::sqrt(1.0 / 8.0) : std::sqrt(2.0 / 8.0);
    for (int x = 0; x < 8; ++x) m[u * 8 + x] = static_cast<float>(c * std::cos((2 * x + 1) * u * pi / 16.0));
  }
  return at::tensor(m, at::kFloat).view({8, 8});
}

at::Tensor jpeg_compress(const at::Tensor& images, const at::Tensor& quality) {
  TORCH_CHECK(images.dim() == 4 && images.size(1) == 3, "JPEG expects [N, 3, H, W], got ", images.sizes());
  TORCH_CHECK(quality.numel() == images.size(0), "JPEG needs one quality per image");
  const std::int64_t h = images.size(2), w = images.size(3);
  const at::Tensor factor = jpeg_quality_factor(quality.to(images.options()).reshape({-1}));

  // Pad to whole 16×16 macroblocks (4:2:0 chroma blocks cover 16×16 pixels).
  const std::int64_t ph = (16 - h % 16) % 16, pw = (16 - w % 16) % 16;
  at::Tensor x = images * 255.0;
  if (ph > 0 || pw > 0) x = at::replication_pad2d(x, {0, pw, 0, ph});
  const at::Tensor r = x.select(1, 0), g = x.select(1, 1), b = x.select(1, 2);

  // JFIF RGB -> YCbCr
  const at::Tensor y = r * 0.299 + g * 0.587 + b * 0.114;
  const at::Tensor cb = r * -0.168736 + g * -0.331264 + b * 0.5 + 128.0;
  const at::Tensor cr = r * 0.5 + g * -0.418688 + b * -0.081312 + 128.0;

  const at::Tensor y_q = quantize_plane(y, jpeg_luma_table(), factor);
  const auto subsample = [](const at::Tensor& plane) {
    return at::avg_pool2d(plane.unsqueeze(1), {2, 2}, {2, 2}).squeeze(1);
  };
  const auto upsample = [&](const at::Tensor& plane) {
    return at::upsample_nearest2d(plane.unsqueeze(1), {y.size(1), y.size(2)}).squeeze(1);
  };
  const at::Tensor cb_q = upsample(quantize_plane(subsample(cb), jpeg_chroma_table(), factor)) - 128.0;
  const at::Tensor cr_q = upsample(quantize_plane(subsample(cr), jpeg_chroma_table(), factor)) - 128.0;

  // JFIF YCbCr -> RGB
  const at::Tensor rgb = at::stack({y_q + cr_q * 1.402, y_q + cb_q * -0.344136 + cr_q * -0.714136,
                                    y_q + cb_q * 1.772},
                                   1);
  return at::clamp(rgb.slice(2, 0, h).slice(3, 0, w), 0.0, 255.0) / 255.0;
}

}  // namespace rsd::engine::train
