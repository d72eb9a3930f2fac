// Denoiser and Codec: the two network roles the diffusion code needs, so samplers and tiling
// stay independent of the concrete UNet / autoencoder classes.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <optional>

namespace rsd::engine {

// f_theta(x_t, y0, t) -> x0 prediction (ResShift predict_type "xstart").
class Denoiser {
 public:
  virtual ~Denoiser() = default;
  // x: [N, C, h, w] latent already scaled by normalize_input; t: int64 [N] step indices (0..T-1);
  // lq: [N, 3, h, w] LR image in [-1, 1]; noise: [N, k, h, w] extra noise channels (RSD student)
  // or nullopt. Returns [N, C, h, w].
  virtual torch::Tensor denoise(const torch::Tensor& x, const torch::Tensor& t,
                                const torch::Tensor& lq,
                                const std::optional<torch::Tensor>& noise) = 0;
  virtual int latent_channels() const = 0;
  virtual int noise_channels() const = 0;  // 0 for teachers, 1 for the RSD student
  virtual torch::nn::Module& module() = 0;
};

}  // namespace rsd::engine
