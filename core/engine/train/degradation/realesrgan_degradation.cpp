#include "engine/train/degradation/realesrgan_degradation.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <vector>

#include "engine/train/degradation/blur_kernels.h"
#include "engine/train/degradation/image_ops.h"
#include "engine/train/degradation/jpeg.h"
#include "engine/train/degradation/noise.h"

namespace rsd::engine::train {
namespace {

// Per-image values U[lo, hi) drawn from the parameter stream, as float [N] on `device`.
at::Tensor uniform_per_image(std::int64_t n, const std::array<double, 2>& range, DegradationRng& rng,
                             c10::Device device) {
  const at::Tensor u = at::rand({n}, rng.params(), at::TensorOptions().dtype(at::kFloat));
  return (u * (range[1] - range[0]) + range[0]).to(device);
}

ResizeMode random_mode(DegradationRng& rng) {
  return static_cast<ResizeMode>(rng.index(kResizeModeCount));
}

double random_scale(const ResizeSettings& settings, DegradationRng& rng) {
  const std::vector<double> probs(settings.prob.begin(), settings.prob.end());
  switch (rng.choice(probs)) {
    case 0: return rng.uniform(1.0, settings.range[1]);  // up
    case 1: return rng.uniform(settings.range[0], 1.0);  // down
    default: return 1.0;                                 // keep
  }
}

at::Tensor add_noise(const at::Tensor& images, const NoiseSettings& settings, DegradationRng& rng) {
  const std::int64_t n = images.size(0);
  const c10::Device device = images.device();
  if (rng.bernoulli(settings.gaussian_prob)) {
    const at::Tensor sigma = uniform_per_image(n, settings.sigma, rng, device);
    const at::Tensor gray = uniform_per_image(n, {0.0, 1.0}, rng, device) < settings.gray_prob;
    return add_gaussian_noise(images, sigma, gray, rng.noise());
  }
  const at::Tensor scale = uniform_per_image(n, settings.poisson_scale, rng, device);
  const at::Tensor gray = uniform_per_image(n, {0.0, 1.0}, rng, device) < settings.gray_prob;
  return add_poisson_noise(images, scale, gray, rng.noise());
}

at::Tensor jpeg(const at::Tensor& images, const std::array<double, 2>& range, DegradationRng& rng) {
  const at::Tensor quality = uniform_per_image(images.size(0), range, rng, images.device());
  // Clamp first: out-of-range values ring badly through the DCT.
  return jpeg_compress(at::clamp(images, 0.0, 1.0), quality);
}

// Replaces each image's LR, with probability clean_prob, by the plain x4 downscale of its HR.
at::Tensor mix_in_clean(const at::Tensor& hr, const at::Tensor& degraded, const DegradationConfig& c,
                        DegradationRng& rng) {
  const std::int64_t n = hr.size(0);
  const at::Tensor clean_images = uniform_per_image(n, {0.0, 1.0}, rng, hr.device()) < c.clean_prob;
  const at::Tensor lr = rng.bernoulli(0.5)
                            ? resize_to(hr, hr.size(2) / c.sf, hr.size(3) / c.sf, ResizeMode::Area)
                            : bicubic_downscale(hr, c.sf);
  return at::where(clean_images.view({n, 1, 1, 1}), quantize_8bit(lr), degraded);
}

}  // namespace

DegradationKernels sample_degradation_kernels(const DegradationConfig& config, std::int64_t count,
                                              DegradationRng& rng) {
  std::vector<at::Tensor> k1, k2, sinc;
  for (std::int64_t i = 0; i < count; ++i) {
    // Same draw order as the dataset: first-order kernel, second-order kernel, final sinc.
    k1.push_back(sample_blur_kernel(config.blur1, rng));
    k2.push_back(sample_blur_kernel(config.blur2, rng));
    sinc.push_back(sample_final_sinc_kernel(config.final_sinc_prob, config.blur2.kernel_size, rng));
  }
  return {at::stack(k1), at::stack(k2), at::stack(sinc)};
}

RealEsrganDegradation::RealEsrganDegradation(DegradationConfig config) : config_(std::move(config)) {
  const Status valid = config_.validate();
  TORCH_CHECK(valid.ok(), "invalid degradation config: ", valid.ok() ? "" : valid.error().what());
}

at::Tensor RealEsrganDegradation::degrade(const at::Tensor& hr, DegradationRng& rng) const {
  const DegradationConfig& c = config_;
  TORCH_CHECK(hr.dim() == 4 && hr.size(1) == 3, "degrade expects [N, 3, H, W], got ", hr.sizes());
  TORCH_CHECK(hr.size(2) % c.sf == 0 && hr.size(3) % c.sf == 0, "HR size ", hr.sizes(),
              " is not divisible by ", c.sf);
  TORCH_CHECK(hr.is_floating_point(), "degrade expects a float image batch");
  const std::int64_t n = hr.size(0), h = hr.size(2), w = hr.size(3);
  const DegradationKernels kernels = sample_degradation_kernels(c, n, rng);

  // ---- first order
  at::Tensor out = filter2d(hr, kernels.blur1);
  const double scale1 = random_scale(c.resize1, rng);
  out = resize_by(out, scale1, random_mode(rng));
  out = add_noise(out, c.noise1, rng);
  out = jpeg(out, c.jpeg_range1, rng);

  // ---- second order
  if (rng.bernoulli(c.second_order_prob)) {
    if (rng.bernoulli(c.second_blur_prob)) out = filter2d(out, kernels.blur2);
    const double scale2 = random_scale(c.resize2, rng);
    const ResizeMode mode = random_mode(rng);
    // Relative to the LR size, as upstream: int(H / sf * scale).
    const auto oh = std::max<std::int64_t>(1, static_cast<std::int64_t>(static_cast<double>(h) / c.sf * scale2));
    const auto ow = std::max<std::int64_t>(1, static_cast<std::int64_t>(static_cast<double>(w) / c.sf * scale2));
    out = resize_to(out, oh, ow, mode);
    out = add_noise(out, c.noise2, rng);
  }

  // ---- final stage, one of two orders
  if (rng.bernoulli(0.5)) {
    out = resize_to(out, h / c.sf, w / c.sf, random_mode(rng));
    out = filter2d(out, kernels.final_sinc);
    out = jpeg(out, c.jpeg_range2, rng);
  } else {
    out = jpeg(out, c.jpeg_range2, rng);
    out = resize_to(out, h / c.sf, w / c.sf, random_mode(rng));
    out = filter2d(out, kernels.final_sinc);
  }
  out = quantize_8bit(out);
  if (c.clean_prob > 0.0) out = mix_in_clean(hr, out, c, rng);
  return out;
}

at::Tensor bicubic_degrade(const at::Tensor& hr, int sf) {
  return quantize_8bit(bicubic_downscale(hr, sf));
}

}  // namespace rsd::engine::train
