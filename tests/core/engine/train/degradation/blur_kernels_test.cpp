#include "engine/train/degradation/blur_kernels.h"

#include <ATen/ATen.h>
#include <c10/util/MathConstants.h>
#include <gtest/gtest.h>

#include <cmath>

namespace rsd::engine::train {
namespace {


bool sums_to_one(const at::Tensor& k) { return std::abs(k.sum().item<double>() - 1.0) < 1e-5; }
bool point_symmetric(const at::Tensor& k) { return at::allclose(k, k.flip({0, 1}), 1e-5, 1e-7); }
bool mirror_symmetric(const at::Tensor& k) {
  return at::allclose(k, k.flip({0}), 1e-5, 1e-7) && at::allclose(k, k.flip({1}), 1e-5, 1e-7) &&
         at::allclose(k, k.t(), 1e-5, 1e-7);
}

TEST(BlurKernels, EveryShapeSumsToOneAndIsSymmetric) {
  for (KernelShape shape : {KernelShape::Gaussian, KernelShape::Generalized, KernelShape::Plateau}) {
    const at::Tensor iso = bivariate_kernel(shape, 13, 1.7, 1.7, 0.0, 0.7);
    EXPECT_EQ(iso.sizes(), (std::vector<std::int64_t>{13, 13}));
    EXPECT_TRUE(sums_to_one(iso));
    EXPECT_TRUE(mirror_symmetric(iso)) << "isotropic kernels are symmetric under flips and transpose";
    EXPECT_GT(iso.min().item<float>(), 0.0f);

    const at::Tensor aniso = bivariate_kernel(shape, 15, 2.5, 0.8, 0.6, 1.6);
    EXPECT_TRUE(sums_to_one(aniso));
    EXPECT_TRUE(point_symmetric(aniso)) << "rotated anisotropic kernels are point-symmetric";
    EXPECT_FALSE(at::allclose(aniso, aniso.t(), 1e-4, 1e-6)) << "but not symmetric under transpose";
  }
}

TEST(BlurKernels, IsotropicGaussianMatchesClosedForm) {
  const double sigma = 1.3;
  const at::Tensor k = bivariate_kernel(KernelShape::Gaussian, 9, sigma, sigma, 0.0);
  const double c = std::exp(-(2.0 * 2.0 + 1.0) / (2.0 * sigma * sigma)) / std::exp(0.0);
  EXPECT_NEAR(k[4 + 2][4 + 1].item<double>() / k[4][4].item<double>(), c, 1e-5);
}

TEST(BlurKernels, AnisotropicSpreadFollowsSigmaAndRotation) {
  // sigma_x > sigma_y at theta 0: wider along columns (x) than rows (y); a quarter turn swaps them.
  const at::Tensor k = bivariate_kernel(KernelShape::Gaussian, 21, 3.0, 1.0, 0.0);
  const at::Tensor r = bivariate_kernel(KernelShape::Gaussian, 21, 3.0, 1.0, c10::pi<double> / 2);
  const at::Tensor ax = at::arange(-10, 11, at::kFloat);
  const double var_x = (k.sum(0) * ax * ax).sum().item<double>();
  const double var_y = (k.sum(1) * ax * ax).sum().item<double>();
  EXPECT_NEAR(var_x, 9.0, 0.2);
  EXPECT_NEAR(var_y, 1.0, 0.05);
  EXPECT_TRUE(at::allclose(r, k.t(), 1e-5, 1e-7));
}

TEST(BlurKernels, PlateauIsFlatterThanGaussianAtTheTop) {
  const at::Tensor g = bivariate_kernel(KernelShape::Gaussian, 21, 4.0, 4.0, 0.0);
  const at::Tensor p = bivariate_kernel(KernelShape::Plateau, 21, 4.0, 4.0, 0.0, 2.0);
  // ratio of centre to a pixel half a sigma away: 1 + q^2 = 1.0625 for the plateau, e^(q/2) = 1.13
  // for the Gaussian (q = 0.25)
  const double rg = g[10][10].item<double>() / g[10][12].item<double>();
  const double rp = p[10][10].item<double>() / p[10][12].item<double>();
  EXPECT_LT(rp, rg);
}

TEST(BlurKernels, SincIsSymmetricAndSumsToOne) {
  const at::Tensor k = circular_lowpass_kernel(c10::pi<double> / 2, 13, 21);
  EXPECT_EQ(k.sizes(), (std::vector<std::int64_t>{21, 21}));
  EXPECT_TRUE(sums_to_one(k));
  EXPECT_TRUE(mirror_symmetric(k));
  EXPECT_EQ(k[0][0].item<float>(), 0.0f) << "padding is zeros";
  EXPECT_LT(k.min().item<float>(), 0.0f) << "an ideal low-pass has negative side lobes";
}

TEST(BlurKernels, SincFrequencyResponseIsLowPass) {
  const double cutoff = c10::pi<double> / 2;
  const at::Tensor k = circular_lowpass_kernel(cutoff, 21).to(at::kDouble);
  const int n = 64;
  const at::Tensor response = at::fft_fft2(k, std::vector<std::int64_t>{n, n}).abs();
  // radial frequency of every DFT bin, in radians per pixel
  const at::Tensor f = at::fft_fftfreq(n, 1.0, at::kDouble) * (2 * c10::pi<double>);
  const at::Tensor radius = at::sqrt(f.unsqueeze(1).pow(2) + f.unsqueeze(0).pow(2));
  const double dc = response[0][0].item<double>();
  EXPECT_NEAR(dc, 1.0, 1e-6);
  const double pass = response.masked_select(radius < 0.6 * cutoff).mean().item<double>();
  const double stop = response.masked_select(radius > 1.4 * cutoff).mean().item<double>();
  EXPECT_GT(pass, 0.9);
  EXPECT_LT(stop, 0.1);
}

TEST(BlurKernels, SampledKernelsHaveThePaddedSizeAndSumToOne) {
  DegradationRng rng(3, c10::Device(c10::kCPU));
  const BlurKernelSettings first;                                                   // 21, σ ∈ [0.2, 3]
  const BlurKernelSettings second{15, {0.45, 0.25, 0.12, 0.03, 0.12, 0.03}, {0.2, 1.5}, {0.5, 4}, {1, 2}, 0.1};
  for (int i = 0; i < 100; ++i) {
    const at::Tensor k1 = sample_blur_kernel(first, rng);
    const at::Tensor k2 = sample_blur_kernel(second, rng);
    ASSERT_EQ(k1.size(0), 21);
    ASSERT_EQ(k2.size(0), 15);
    ASSERT_TRUE(sums_to_one(k1) && sums_to_one(k2));
    ASSERT_TRUE(point_symmetric(k1) && point_symmetric(k2));
    ASSERT_TRUE(at::isfinite(k1).all().item<bool>());
  }
}

TEST(BlurKernels, FinalSincIsPulseOrSinc) {
  DegradationRng rng(5, c10::Device(c10::kCPU));
  const at::Tensor pulse = sample_final_sinc_kernel(0.0, 15, rng);
  EXPECT_EQ(pulse.sum().item<float>(), 1.0f);
  EXPECT_EQ(pulse[7][7].item<float>(), 1.0f);
  const at::Tensor sinc = sample_final_sinc_kernel(1.0, 15, rng);
  EXPECT_EQ(sinc.size(0), 15);
  EXPECT_TRUE(sums_to_one(sinc));
  EXPECT_LT(sinc[7][7].item<float>(), 1.0f);
}

TEST(BlurKernels, SameSeedSameKernels) {
  DegradationRng a(11, c10::Device(c10::kCPU)), b(11, c10::Device(c10::kCPU)), c(12, c10::Device(c10::kCPU));
  const BlurKernelSettings s;
  const at::Tensor ka = sample_blur_kernel(s, a), kb = sample_blur_kernel(s, b), kc = sample_blur_kernel(s, c);
  EXPECT_TRUE(at::equal(ka, kb));
  EXPECT_FALSE(at::equal(ka, kc));
}

}  // namespace
}  // namespace rsd::engine::train
