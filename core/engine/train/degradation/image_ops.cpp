#include "engine/train/degradation/image_ops.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace rsd::engine::train {

const char* to_string(ResizeMode mode) {
  switch (mode) {
    case ResizeMode::Area: return "area";
    case ResizeMode::Bilinear: return "bilinear";
    case ResizeMode::Bicubic: return "bicubic";
  }
  return "?";
}

at::Tensor filter2d(const at::Tensor& images, const at::Tensor& kernels) {
  TORCH_CHECK(images.dim() == 4, "filter2d expects [N, C, H, W], got ", images.sizes());
  const std::int64_t n = images.size(0), c = images.size(1), h = images.size(2), w = images.size(3);
  const std::int64_t k = kernels.size(-1);
  TORCH_CHECK(k % 2 == 1 && kernels.size(-2) == k, "filter2d needs odd square kernels");
  TORCH_CHECK(kernels.dim() == 2 || (kernels.dim() == 3 && kernels.size(0) == n),
              "filter2d needs one kernel per image or one for all");
  const std::int64_t p = k / 2;
  const std::vector<std::int64_t> pad{p, p, p, p};
  const at::Tensor padded = (p < h && p < w) ? at::reflection_pad2d(images, pad)
                                             : at::replication_pad2d(images, pad);
  at::Tensor weight = kernels.to(images.options());
  if (weight.dim() == 2) weight = weight.unsqueeze(0).expand({n, k, k});
  // Grouped convolution: every (image, channel) plane is its own group.
  weight = weight.unsqueeze(1).expand({n, c, k, k}).reshape({n * c, 1, k, k});
  const at::Tensor planes = padded.reshape({1, n * c, h + 2 * p, w + 2 * p});
  const std::vector<std::int64_t> unit{1, 1}, none{0, 0};
  return at::conv2d(planes, weight, at::Tensor(), at::IntArrayRef(unit), at::IntArrayRef(none),
                    at::IntArrayRef(unit), n * c)
      .view({n, c, h, w});
}

namespace {

at::Tensor interpolate(const at::Tensor& images, std::int64_t oh, std::int64_t ow, ResizeMode mode,
                       c10::optional<double> scale_h, c10::optional<double> scale_w) {
  TORCH_CHECK(images.dim() == 4, "resize expects [N, C, H, W], got ", images.sizes());
  TORCH_CHECK(oh > 0 && ow > 0, "resize to an empty size ", oh, "x", ow);
  switch (mode) {
    case ResizeMode::Area: return at::adaptive_avg_pool2d(images, {oh, ow});
    case ResizeMode::Bilinear: return at::upsample_bilinear2d(images, {oh, ow}, false, scale_h, scale_w);
    case ResizeMode::Bicubic: return at::upsample_bicubic2d(images, {oh, ow}, false, scale_h, scale_w);
  }
  TORCH_CHECK(false, "unknown resize mode");
}

}  // namespace

at::Tensor resize_to(const at::Tensor& images, std::int64_t height, std::int64_t width, ResizeMode mode) {
  return interpolate(images, height, width, mode, c10::nullopt, c10::nullopt);
}

at::Tensor resize_by(const at::Tensor& images, double scale, ResizeMode mode) {
  TORCH_CHECK(scale > 0.0, "resize scale must be positive");
  const auto oh = static_cast<std::int64_t>(std::floor(static_cast<double>(images.size(2)) * scale));
  const auto ow = static_cast<std::int64_t>(std::floor(static_cast<double>(images.size(3)) * scale));
  return interpolate(images, std::max<std::int64_t>(oh, 1), std::max<std::int64_t>(ow, 1), mode, scale, scale);
}

at::Tensor bicubic_downscale(const at::Tensor& images, int sf) {
  TORCH_CHECK(images.dim() == 4 && sf >= 1, "bicubic_downscale expects [N, C, H, W] and sf >= 1");
  TORCH_CHECK(images.size(2) % sf == 0 && images.size(3) % sf == 0, "image size ", images.sizes(),
              " is not divisible by ", sf);
  return at::_upsample_bicubic2d_aa(images, {images.size(2) / sf, images.size(3) / sf}, false,
                                    c10::nullopt, c10::nullopt);
}

at::Tensor rgb_to_gray(const at::Tensor& images) {
  TORCH_CHECK(images.dim() == 4 && images.size(1) == 3, "rgb_to_gray expects [N, 3, H, W]");
  return (images.select(1, 0) * 0.2989 + images.select(1, 1) * 0.587 + images.select(1, 2) * 0.114)
      .unsqueeze(1);
}

at::Tensor quantize_8bit(const at::Tensor& images) {
  return at::clamp(at::round(images * 255.0), 0.0, 255.0) / 255.0;
}

}  // namespace rsd::engine::train
