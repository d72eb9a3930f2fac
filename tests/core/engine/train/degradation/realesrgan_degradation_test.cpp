#include "engine/train/degradation/realesrgan_degradation.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/train/degradation/image_ops.h"

namespace rsd::engine::train {
namespace {

const c10::Device kCpu(c10::kCPU);

at::Tensor test_batch(std::int64_t n, std::int64_t size) {
  at::manual_seed(21);
  const at::Tensor coarse = at::rand({n, 3, size / 8, size / 8});
  return at::clamp(at::upsample_bilinear2d(coarse, {size, size}, false) + 0.05 * at::randn({n, 3, size, size}), 0, 1);
}

bool on_8bit_grid(const at::Tensor& x) {
  const at::Tensor levels = x * 255.0;
  return at::allclose(levels, at::round(levels), 0.0, 1e-3);
}

TEST(ImageOps, ResizeSizes) {
  const at::Tensor x = at::rand({2, 3, 64, 48});
  for (ResizeMode mode : {ResizeMode::Area, ResizeMode::Bilinear, ResizeMode::Bicubic}) {
    EXPECT_EQ(resize_by(x, 0.5, mode).sizes(), (std::vector<std::int64_t>{2, 3, 32, 24})) << to_string(mode);
    EXPECT_EQ(resize_by(x, 1.3, mode).sizes(), (std::vector<std::int64_t>{2, 3, 83, 62})) << to_string(mode);
    EXPECT_EQ(resize_by(x, 0.15, mode).sizes(), (std::vector<std::int64_t>{2, 3, 9, 7})) << to_string(mode);
    EXPECT_EQ(resize_to(x, 17, 5, mode).sizes(), (std::vector<std::int64_t>{2, 3, 17, 5})) << to_string(mode);
    const at::Tensor flat = at::full({1, 3, 20, 20}, 0.25f);
    EXPECT_TRUE(at::allclose(resize_to(flat, 13, 7, mode), at::full({1, 3, 13, 7}, 0.25f), 1e-5, 1e-6));
  }
  EXPECT_EQ(bicubic_downscale(x, 4).sizes(), (std::vector<std::int64_t>{2, 3, 16, 12}));
}

TEST(ImageOps, Filter2dUsesOneKernelPerImage) {
  const at::Tensor x = at::rand({2, 3, 16, 16});
  at::Tensor kernels = at::zeros({2, 5, 5});
  kernels[0][2][2] = 1.0f;             // identity
  kernels[1].fill_(1.0f / 25.0f);      // box blur
  const at::Tensor y = filter2d(x, kernels);
  EXPECT_EQ(y.sizes(), x.sizes());
  EXPECT_TRUE(at::allclose(y[0], x[0]));
  EXPECT_NEAR(y[1][0][8][8].item<float>(), x[1][0].slice(0, 6, 11).slice(1, 6, 11).mean().item<float>(), 1e-5);
  // Kernels that sum to 1 keep a flat image flat, borders included (reflect padding).
  const at::Tensor flat = at::full({2, 3, 16, 16}, 0.7f);
  EXPECT_TRUE(at::allclose(filter2d(flat, kernels), flat, 1e-5, 1e-6));
  // Images smaller than the kernel radius fall back to replicate padding.
  EXPECT_EQ(filter2d(at::rand({2, 3, 3, 3}), at::full({2, 9, 9}, 1.0f / 81)).sizes(),
            (std::vector<std::int64_t>{2, 3, 3, 3}));
}

TEST(RealEsrganDegradation, OutputIsQuarterSizeQuantizedAndInRange) {
  const RealEsrganDegradation degradation;
  const at::Tensor hr = test_batch(3, 64);
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    DegradationRng rng(seed, kCpu);
    const at::Tensor lq = degradation.degrade(hr, rng);
    ASSERT_EQ(lq.sizes(), (std::vector<std::int64_t>{3, 3, 16, 16})) << "seed " << seed;
    ASSERT_GE(lq.min().item<float>(), 0.0f);
    ASSERT_LE(lq.max().item<float>(), 1.0f);
    ASSERT_TRUE(on_8bit_grid(lq)) << "seed " << seed;
    ASSERT_TRUE(at::isfinite(lq).all().item<bool>());
  }
}

TEST(RealEsrganDegradation, SeedReproducesTheBatch) {
  const RealEsrganDegradation degradation;
  const at::Tensor hr = test_batch(2, 64);
  DegradationRng a(42, kCpu), b(42, kCpu), c(43, kCpu);
  const at::Tensor la = degradation.degrade(hr, a);
  EXPECT_TRUE(at::equal(la, degradation.degrade(hr, b)));
  EXPECT_FALSE(at::equal(la, degradation.degrade(hr, c)));
}

TEST(RealEsrganDegradation, ImagesOfABatchGetDifferentDegradations) {
  const RealEsrganDegradation degradation;
  const at::Tensor hr = test_batch(1, 64).expand({2, 3, 64, 64}).contiguous();
  DegradationRng rng(7, kCpu);
  const at::Tensor lq = degradation.degrade(hr, rng);
  EXPECT_FALSE(at::equal(lq[0], lq[1]));
}

TEST(RealEsrganDegradation, KernelsPerImageHaveConfiguredSizes) {
  DegradationRng rng(1, kCpu);
  const DegradationKernels k = sample_degradation_kernels(DegradationConfig{}, 4, rng);
  EXPECT_EQ(k.blur1.sizes(), (std::vector<std::int64_t>{4, 21, 21}));
  EXPECT_EQ(k.blur2.sizes(), (std::vector<std::int64_t>{4, 15, 15}));
  EXPECT_EQ(k.final_sinc.sizes(), (std::vector<std::int64_t>{4, 15, 15}));
}

TEST(RealEsrganDegradation, CleanProbMixesInThePlainDownscale) {
  const at::Tensor hr = test_batch(6, 64);
  const at::Tensor area = quantize_8bit(resize_to(hr, 16, 16, ResizeMode::Area));
  const at::Tensor bicubic = quantize_8bit(bicubic_downscale(hr, 4));
  auto is_clean = [&](const at::Tensor& lq, std::int64_t i) {
    return at::equal(lq[i], area[i]) || at::equal(lq[i], bicubic[i]);
  };
  DegradationConfig all_clean;
  all_clean.clean_prob = 1.0;
  for (std::uint64_t seed = 0; seed < 4; ++seed) {
    DegradationRng rng(seed, kCpu);
    const at::Tensor lq = RealEsrganDegradation(all_clean).degrade(hr, rng);
    for (std::int64_t i = 0; i < 6; ++i) EXPECT_TRUE(is_clean(lq, i)) << "seed " << seed << " image " << i;
  }
  // Half clean: over 8 batches of 6 some images are clean and some degraded.
  DegradationConfig half;
  half.clean_prob = 0.5;
  int clean = 0;
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    DegradationRng rng(seed, kCpu);
    const at::Tensor lq = RealEsrganDegradation(half).degrade(hr, rng);
    for (std::int64_t i = 0; i < 6; ++i) clean += is_clean(lq, i) ? 1 : 0;
  }
  EXPECT_GT(clean, 8);
  EXPECT_LT(clean, 40);
  EXPECT_FALSE(degradation_config_from_json(nlohmann::json{{"clean_prob", 1.5}}).ok());
  auto parsed = degradation_config_from_json(nlohmann::json{{"clean_prob", 0.25}});
  ASSERT_TRUE(parsed.ok());
  EXPECT_DOUBLE_EQ(parsed->clean_prob, 0.25);
}

TEST(RealEsrganDegradation, BicubicModeIsQuarterSizeQuantized) {
  const at::Tensor lq = bicubic_degrade(test_batch(2, 64), 4);
  EXPECT_EQ(lq.sizes(), (std::vector<std::int64_t>{2, 3, 16, 16}));
  EXPECT_TRUE(on_8bit_grid(lq));
  EXPECT_GE(lq.min().item<float>(), 0.0f);
  EXPECT_LE(lq.max().item<float>(), 1.0f);
}

TEST(DegradationConfig, DefaultsAreResShiftAndJsonOverrides) {
  const DegradationConfig d;
  EXPECT_TRUE(d.validate().ok());
  EXPECT_EQ(d.blur1.kernel_size, 21);
  EXPECT_EQ(d.blur2.kernel_size, 15);
  EXPECT_DOUBLE_EQ(d.resize1.prob[1], 0.7);
  EXPECT_DOUBLE_EQ(d.noise2.sigma[1], 25.0);
  auto c = degradation_config_from_json(nlohmann::json{
      {"second_order_prob", 0.0}, {"kernel_list", {"iso", "plateau_aniso"}}, {"kernel_prob", {0.5, 0.5}}});
  ASSERT_TRUE(c.ok()) << c.error().what();
  EXPECT_DOUBLE_EQ(c->second_order_prob, 0.0);
  EXPECT_DOUBLE_EQ(c->blur1.kernel_prob[0], 0.5);
  EXPECT_DOUBLE_EQ(c->blur1.kernel_prob[1], 0.0);
  EXPECT_DOUBLE_EQ(c->blur1.kernel_prob[5], 0.5);
  EXPECT_FALSE(degradation_config_from_json(nlohmann::json{{"gray_noise_prob", 1.5}}).ok());
  EXPECT_FALSE(degradation_config_from_json(nlohmann::json{{"blur_kernel_size", 20}}).ok());
  EXPECT_FALSE(degradation_config_from_json(nlohmann::json{{"kernel_list", {"box"}}, {"kernel_prob", {1.0}}}).ok());
  EXPECT_FALSE(degradation_config_from_json(nlohmann::json{{"noise_range", "x"}}).ok());
}

}  // namespace
}  // namespace rsd::engine::train
