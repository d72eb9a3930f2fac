#include "engine/train/degradation/blur_kernels.h"

#include <ATen/ATen.h>

#include <cmath>
#include <vector>

namespace rsd::engine::train {
namespace {

constexpr double kPi = 3.14159265358979323846;

at::Tensor normalized(std::vector<double>& values, int size) {
  double total = 0.0;
  for (double v : values) total += v;
  TORCH_CHECK(total > 0.0 && std::isfinite(total), "degenerate blur kernel");
  for (double& v : values) v /= total;
  return at::tensor(values, at::kDouble).view({size, size}).to(at::kFloat);
}

int random_odd_size(int padded_size, DegradationRng& rng) {
  // Python's range(3, padded_size, 2): {3, 5, ..., padded_size - 2}.
  const int count = (padded_size - 3) / 2;
  return 3 + 2 * rng.index(count);
}

// BasicSR draws beta from [lo, 1) or [1, hi) with equal chance, so kernels sharper and flatter
// than a Gaussian are equally likely whatever the range's width.
double sample_beta(const std::array<double, 2>& range, DegradationRng& rng) {
  return rng.bernoulli(0.5) ? rng.uniform(range[0], 1.0) : rng.uniform(1.0, range[1]);
}

}  // namespace

at::Tensor bivariate_kernel(KernelShape shape, int size, double sigma_x, double sigma_y, double theta,
                            double beta) {
  TORCH_CHECK(size >= 1 && size % 2 == 1, "kernel size must be odd, got ", size);
  TORCH_CHECK(sigma_x > 0.0 && sigma_y > 0.0, "kernel sigma must be positive");
  // Σ⁻¹ = R diag(1/sx², 1/sy²) Rᵀ
  const double c = std::cos(theta), s = std::sin(theta);
  const double ix = 1.0 / (sigma_x * sigma_x), iy = 1.0 / (sigma_y * sigma_y);
  const double a = c * c * ix + s * s * iy;
  const double b = c * s * (ix - iy);
  const double d = s * s * ix + c * c * iy;
  const int r = size / 2;
  std::vector<double> values;
  values.reserve(static_cast<std::size_t>(size) * size);
  for (int row = -r; row <= r; ++row) {
    for (int col = -r; col <= r; ++col) {
      const double x = col, y = row;
      const double q = a * x * x + 2.0 * b * x * y + d * y * y;
      switch (shape) {
        case KernelShape::Gaussian: values.push_back(std::exp(-0.5 * q)); break;
        case KernelShape::Generalized: values.push_back(std::exp(-0.5 * std::pow(q, beta))); break;
        case KernelShape::Plateau: values.push_back(1.0 / (std::pow(q, beta) + 1.0)); break;
      }
    }
  }
  return normalized(values, size);
}

at::Tensor circular_lowpass_kernel(double cutoff, int size, int pad_to) {
  TORCH_CHECK(size >= 1 && size % 2 == 1, "kernel size must be odd, got ", size);
  TORCH_CHECK(cutoff > 0.0 && cutoff <= kPi, "sinc cutoff must lie in (0, pi]");
  const double centre = (size - 1) / 2.0;
  std::vector<double> values;
  values.reserve(static_cast<std::size_t>(size) * size);
  for (int row = 0; row < size; ++row) {
    for (int col = 0; col < size; ++col) {
      const double rad = std::hypot(row - centre, col - centre);
      values.push_back(rad == 0.0 ? cutoff * cutoff / (4.0 * kPi)
                                  : cutoff * std::cyl_bessel_j(1.0, cutoff * rad) / (2.0 * kPi * rad));
    }
  }
  at::Tensor kernel = normalized(values, size);
  return pad_to > size ? pad_kernel(kernel, pad_to) : kernel;
}

at::Tensor pad_kernel(const at::Tensor& kernel, int size) {
  const int k = static_cast<int>(kernel.size(-1));
  TORCH_CHECK(kernel.dim() == 2 && kernel.size(0) == k && k % 2 == 1 && size >= k && size % 2 == 1,
              "pad_kernel needs an odd square kernel no larger than ", size);
  const int p = (size - k) / 2;
  return at::constant_pad_nd(kernel, {p, p, p, p}, 0.0);
}

at::Tensor sample_blur_kernel(const BlurKernelSettings& settings, DegradationRng& rng) {
  const int size = random_odd_size(settings.kernel_size, rng);
  at::Tensor kernel;
  if (rng.bernoulli(settings.sinc_prob)) {
    const double cutoff = size < 13 ? rng.uniform(kPi / 3.0, kPi) : rng.uniform(kPi / 5.0, kPi);
    kernel = circular_lowpass_kernel(cutoff, size);
  } else {
    const std::vector<double> probs(settings.kernel_prob.begin(), settings.kernel_prob.end());
    const auto type = static_cast<BlurKernelType>(rng.choice(probs));
    const bool iso = type == BlurKernelType::Iso || type == BlurKernelType::GeneralizedIso ||
                     type == BlurKernelType::PlateauIso;
    const double sx = rng.uniform(settings.sigma[0], settings.sigma[1]);
    const double sy = iso ? sx : rng.uniform(settings.sigma[0], settings.sigma[1]);
    const double theta = iso ? 0.0 : rng.uniform(-kPi, kPi);
    switch (type) {
      case BlurKernelType::Iso:
      case BlurKernelType::Aniso:
        kernel = bivariate_kernel(KernelShape::Gaussian, size, sx, sy, theta);
        break;
      case BlurKernelType::GeneralizedIso:
      case BlurKernelType::GeneralizedAniso:
        kernel = bivariate_kernel(KernelShape::Generalized, size, sx, sy, theta, sample_beta(settings.betag, rng));
        break;
      case BlurKernelType::PlateauIso:
      case BlurKernelType::PlateauAniso:
        kernel = bivariate_kernel(KernelShape::Plateau, size, sx, sy, theta, sample_beta(settings.betap, rng));
        break;
    }
  }
  return pad_kernel(kernel, settings.kernel_size);
}

at::Tensor sample_final_sinc_kernel(double prob, int size, DegradationRng& rng) {
  if (rng.bernoulli(prob)) {
    const int k = random_odd_size(size, rng);
    return circular_lowpass_kernel(rng.uniform(kPi / 3.0, kPi), k, size);
  }
  at::Tensor pulse = at::zeros({size, size}, at::kFloat);
  pulse[size / 2][size / 2] = 1.0f;
  return pulse;
}

}  // namespace rsd::engine::train
