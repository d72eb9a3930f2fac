// Additive noise of the Real-ESRGAN degradation (facts: BasicSR basicsr/data/degradations.py,
// *_noise_pt functions). Images float [N, 3, H, W] in [0, 1]; results are clipped to [0, 1].
// Per-sample parameters are float tensors [N] (any device); gray is bool/0-1 [N]: where set,
// one noise field is shared by the three channels (luminance-only noise).
#pragma once

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

namespace rsd::engine::train {

// x + σ/255 · ε, ε ~ N(0, 1). Unlike BasicSR, whose gray field is a single [H, W] field scaled
// per sample, every image here gets its own independent gray field.
at::Tensor add_gaussian_noise(const at::Tensor& images, const at::Tensor& sigma255, const at::Tensor& gray,
                              at::Generator& generator);

// Shot noise: x is quantized to 8 bits, the number of distinct levels L of each image is rounded
// up to a power of two, and noise = (Poisson(x·L)/L − x) · scale. Gray noise is computed on the
// luma (torchvision weights) and broadcast to the channels.
at::Tensor add_poisson_noise(const at::Tensor& images, const at::Tensor& scale, const at::Tensor& gray,
                             at::Generator& generator);

}  // namespace rsd::engine::train
