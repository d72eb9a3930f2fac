#include "engine/train/degradation/noise.h"

#include <ATen/ATen.h>

#include <cmath>

#include "engine/train/degradation/image_ops.h"

namespace rsd::engine::train {
namespace {

void check_inputs(const at::Tensor& images, const at::Tensor& param, const at::Tensor& gray) {
  TORCH_CHECK(images.dim() == 4 && images.size(1) == 3, "noise expects [N, 3, H, W], got ", images.sizes());
  TORCH_CHECK(param.numel() == images.size(0) && gray.numel() == images.size(0),
              "noise parameters must have one value per image");
}

at::Tensor per_sample(const at::Tensor& values, const at::Tensor& like) {
  return values.to(like.options()).view({like.size(0), 1, 1, 1});
}

// 2^ceil(log2(#distinct 8-bit levels)) per image of a quantized batch [N, C, H, W], as [N, 1, 1, 1].
at::Tensor level_counts(const at::Tensor& quantized) {
  const std::int64_t n = quantized.size(0);
  const at::Tensor levels = at::round(quantized * 255.0).to(at::kLong).reshape({n, -1});
  const at::Tensor offsets = at::arange(n, levels.options()).unsqueeze(1) * 256;
  const at::Tensor hist = at::bincount((levels + offsets).reshape({-1}), {}, n * 256).view({n, 256});
  const at::Tensor distinct = (hist > 0).sum(1).to(quantized.scalar_type());
  return at::pow(2.0, at::ceil(at::log2(distinct))).view({n, 1, 1, 1});
}

}  // namespace

at::Tensor add_gaussian_noise(const at::Tensor& images, const at::Tensor& sigma255, const at::Tensor& gray,
                              at::Generator& generator) {
  check_inputs(images, sigma255, gray);
  const std::int64_t n = images.size(0), h = images.size(2), w = images.size(3);
  const at::Tensor sigma = per_sample(sigma255, images) / 255.0;
  const at::Tensor is_gray = per_sample(gray, images);
  at::Tensor noise = at::randn(images.sizes(), generator, images.options()) * sigma;
  if (is_gray.any().item<bool>()) {
    const at::Tensor gray_noise = at::randn({n, 1, h, w}, generator, images.options()) * sigma;
    noise = noise * (1.0 - is_gray) + gray_noise * is_gray;
  }
  return at::clamp(images + noise, 0.0, 1.0);
}

at::Tensor add_poisson_noise(const at::Tensor& images, const at::Tensor& scale, const at::Tensor& gray,
                             at::Generator& generator) {
  check_inputs(images, scale, gray);
  const at::Tensor is_gray = per_sample(gray, images);
  const at::Tensor colour = quantize_8bit(images);
  const at::Tensor colour_levels = level_counts(colour);
  at::Tensor noise = at::poisson(colour * colour_levels, generator) / colour_levels - colour;
  if (is_gray.any().item<bool>()) {
    const at::Tensor luma = quantize_8bit(rgb_to_gray(images));
    const at::Tensor luma_levels = level_counts(luma);
    const at::Tensor gray_noise = at::poisson(luma * luma_levels, generator) / luma_levels - luma;
    noise = noise * (1.0 - is_gray) + gray_noise.expand_as(noise) * is_gray;
  }
  return at::clamp(images + noise * per_sample(scale, images), 0.0, 1.0);
}

}  // namespace rsd::engine::train
