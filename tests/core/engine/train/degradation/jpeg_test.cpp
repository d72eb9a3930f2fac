#include "engine/train/degradation/jpeg.h"

#include <ATen/ATen.h>
#include <c10/util/MathConstants.h>
#include <gtest/gtest.h>

#include <cmath>

namespace rsd::engine::train {
namespace {


// Smooth mid-range test image, so no pixel clips at 0 or 255 after compression.
at::Tensor smooth_image(std::int64_t n, std::int64_t h, std::int64_t w) {
  at::manual_seed(9);
  const at::Tensor coarse = at::rand({n, 3, h / 4 + 1, w / 4 + 1});
  const at::Tensor up = at::upsample_bilinear2d(coarse, {h, w}, false);
  return 0.3 + 0.4 * up + 0.02 * at::rand({n, 3, h, w});
}

// Textbook 8×8 DCT-II of one block (written out, independent of the library's matrix form).
double dct_coefficient(const at::Tensor& block, int u, int v) {
  auto a = block.accessor<double, 2>();
  double sum = 0.0;
  for (int x = 0; x < 8; ++x) {
    for (int y = 0; y < 8; ++y) {
      sum += a[x][y] * std::cos((2 * x + 1) * u * c10::pi<double> / 16) * std::cos((2 * y + 1) * v * c10::pi<double> / 16);
    }
  }
  const double cu = u == 0 ? 1.0 / std::sqrt(2.0) : 1.0;
  const double cv = v == 0 ? 1.0 / std::sqrt(2.0) : 1.0;
  return 0.25 * cu * cv * sum;
}

TEST(Jpeg, QualityFactorFollowsIjgScaling) {
  const at::Tensor f = jpeg_quality_factor(at::tensor({30.0f, 50.0f, 95.0f}));
  EXPECT_NEAR(f[0].item<double>(), 5000.0 / 30.0 / 100.0, 1e-5);
  EXPECT_NEAR(f[1].item<double>(), 1.0, 1e-6);
  EXPECT_NEAR(f[2].item<double>(), 0.1, 1e-6);
}

TEST(Jpeg, DctMatrixIsOrthonormal) {
  const at::Tensor d = dct8_matrix();
  EXPECT_TRUE(at::allclose(at::matmul(d, d.t()), at::eye(8), 1e-5, 1e-6));
}

TEST(Jpeg, LumaDctOfOutputIsMultipleOfTheQuantizationTable) {
  const at::Tensor img = smooth_image(2, 32, 48);
  const at::Tensor quality = at::tensor({30.0f, 50.0f});
  const at::Tensor out = jpeg_compress(img, quality).to(at::kDouble) * 255.0;
  ASSERT_GT(out.min().item<double>(), 1.0);
  ASSERT_LT(out.max().item<double>(), 254.0);
  const at::Tensor luma = out.select(1, 0) * 0.299 + out.select(1, 1) * 0.587 + out.select(1, 2) * 0.114 - 128.0;
  const at::Tensor table = jpeg_luma_table().to(at::kDouble);
  const double factors[2] = {5000.0 / 30.0 / 100.0, 1.0};
  int nonzero_ac = 0;
  for (int i = 0; i < 2; ++i) {
    for (int by = 0; by < 32; by += 8) {
      for (int bx = 0; bx < 48; bx += 8) {
        const at::Tensor block = luma[i].slice(0, by, by + 8).slice(1, bx, bx + 8).contiguous();
        for (int u = 0; u < 8; ++u) {
          for (int v = 0; v < 8; ++v) {
            const double q = dct_coefficient(block, u, v) / (table[u][v].item<double>() * factors[i]);
            ASSERT_NEAR(q, std::round(q), 0.02) << "image " << i << " block " << by << "," << bx << " (" << u << "," << v << ")";
            if ((u || v) && std::round(q) != 0) ++nonzero_ac;
          }
        }
      }
    }
  }
  EXPECT_GT(nonzero_ac, 0) << "the check must see some AC energy";
}

TEST(Jpeg, HigherQualityDiffersLess) {
  const at::Tensor img = smooth_image(1, 64, 64) + 0.05 * at::randn({1, 3, 64, 64});
  const at::Tensor clamped = at::clamp(img, 0.0, 1.0);
  const double err30 = (jpeg_compress(clamped, at::tensor({30.0f})) - clamped).pow(2).mean().item<double>();
  const double err95 = (jpeg_compress(clamped, at::tensor({95.0f})) - clamped).pow(2).mean().item<double>();
  EXPECT_GT(err30, 0.0);
  EXPECT_LT(err95, 0.5 * err30);
}

TEST(Jpeg, AnySizeKeepsItsShapeAndRange) {
  const at::Tensor img = at::rand({2, 3, 37, 50});
  const at::Tensor out = jpeg_compress(img, at::tensor({40.0f, 80.0f}));
  EXPECT_EQ(out.sizes(), img.sizes());
  EXPECT_GE(out.min().item<float>(), 0.0f);
  EXPECT_LE(out.max().item<float>(), 1.0f);
}

TEST(Jpeg, ChromaIsSubsampled) {
  // A one-pixel colour checkerboard on constant luma cannot survive 2×2 chroma averaging.
  at::Tensor img = at::full({1, 3, 16, 16}, 0.5f);
  const at::Tensor checker = (at::arange(16).view({16, 1}) + at::arange(16).view({1, 16})).remainder(2).to(at::kFloat);
  img[0][0] = 0.5 + 0.2 * (checker - 0.5);
  img[0][2] = 0.5 - 0.2 * (checker - 0.5);
  const at::Tensor out = jpeg_compress(img, at::tensor({95.0f}));
  const at::Tensor rb = out[0][0] - out[0][2];
  EXPECT_LT(rb.abs().max().item<float>(), 0.05f);  // input swings ±0.2
}

}  // namespace
}  // namespace rsd::engine::train
