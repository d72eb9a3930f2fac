#include "engine/train/degradation/noise.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include <cmath>

namespace rsd::engine::train {
namespace {

at::Tensor per_image(std::vector<float> values) { return at::tensor(values, at::kFloat); }

TEST(Noise, GaussianStdMatchesSigma) {
  at::Generator gen = at::detail::createCPUGenerator(1);
  const at::Tensor img = at::full({2, 3, 128, 128}, 0.5f);
  const at::Tensor out = add_gaussian_noise(img, per_image({10, 25}), per_image({0, 0}), gen);
  for (int i = 0; i < 2; ++i) {
    const at::Tensor noise = out[i] - img[i];
    const double sigma = (i == 0 ? 10.0 : 25.0) / 255.0;
    EXPECT_NEAR(noise.std().item<double>(), sigma, 0.03 * sigma) << "image " << i;
    EXPECT_NEAR(noise.mean().item<double>(), 0.0, 0.05 * sigma);
  }
  EXPECT_FALSE(at::equal(out[0][0], out[0][1])) << "colour noise differs per channel";
}

TEST(Noise, GrayGaussianNoiseIsSharedByChannels) {
  at::Generator gen = at::detail::createCPUGenerator(2);
  const at::Tensor img = at::full({2, 3, 32, 32}, 0.5f);
  const at::Tensor out = add_gaussian_noise(img, per_image({20, 20}), per_image({1, 0}), gen);
  EXPECT_TRUE(at::equal(out[0][0], out[0][1]) && at::equal(out[0][1], out[0][2]));
  EXPECT_FALSE(at::equal(out[1][0], out[1][1]));
  EXPECT_NEAR((out[0][0] - 0.5).std().item<double>(), 20.0 / 255.0, 0.1 * 20.0 / 255.0);
}

TEST(Noise, GaussianOutputIsClipped) {
  at::Generator gen = at::detail::createCPUGenerator(3);
  const at::Tensor img = at::rand({1, 3, 32, 32});
  const at::Tensor out = add_gaussian_noise(img, per_image({30}), per_image({0}), gen);
  EXPECT_GE(out.min().item<float>(), 0.0f);
  EXPECT_LE(out.max().item<float>(), 1.0f);
}

// Columns hold every 8-bit level, so each image has 256 levels and noise ~ sqrt(x / 256) · scale.
at::Tensor ramp_image() {
  const at::Tensor ramp = at::arange(256, at::kFloat) / 255.0;
  return ramp.view({1, 1, 1, 256}).expand({1, 3, 256, 256}).contiguous();
}

double column_std(const at::Tensor& noise, int from, int to) {
  return noise.slice(3, from, to).std().item<double>();
}

TEST(Noise, PoissonNoiseGrowsWithIntensity) {
  at::Generator gen = at::detail::createCPUGenerator(4);
  const at::Tensor img = ramp_image();
  const at::Tensor noise = add_poisson_noise(img, per_image({1.0f}), per_image({0}), gen) - img;
  const double dark = column_std(noise, 46, 56);     // x ≈ 0.2
  const double bright = column_std(noise, 199, 209);  // x ≈ 0.8
  EXPECT_NEAR(dark, std::sqrt(0.2 / 256.0), 0.1 * std::sqrt(0.2 / 256.0));
  EXPECT_NEAR(bright, std::sqrt(0.8 / 256.0), 0.1 * std::sqrt(0.8 / 256.0));
  EXPECT_NEAR(bright / dark, 2.0, 0.25);
}

TEST(Noise, PoissonNoiseScalesWithScaleAndVanishesOnBlack) {
  at::Generator gen = at::detail::createCPUGenerator(5);
  const at::Tensor img = ramp_image();
  const at::Tensor n1 = add_poisson_noise(img, per_image({1.0f}), per_image({0}), gen) - img;
  const at::Tensor n2 = add_poisson_noise(img, per_image({2.0f}), per_image({0}), gen) - img;
  EXPECT_NEAR(column_std(n2, 100, 150) / column_std(n1, 100, 150), 2.0, 0.2);
  const at::Tensor black = at::zeros({1, 3, 16, 16});
  EXPECT_TRUE(at::equal(add_poisson_noise(black, per_image({3.0f}), per_image({0}), gen), black));
}

TEST(Noise, GrayPoissonNoiseIsSharedByChannels) {
  at::Generator gen = at::detail::createCPUGenerator(6);
  const at::Tensor img = ramp_image();
  const at::Tensor noise = add_poisson_noise(img, per_image({1.0f}), per_image({1}), gen) - img;
  // Equal up to clipping at 0 / 1, which the ramp's middle columns never reach.
  const at::Tensor mid = noise.slice(3, 64, 192);
  EXPECT_TRUE(at::allclose(mid[0][0], mid[0][1], 1e-5, 1e-6));
  EXPECT_GT(mid.abs().max().item<float>(), 0.0f);
}

}  // namespace
}  // namespace rsd::engine::train
