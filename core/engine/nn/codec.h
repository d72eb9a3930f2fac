// Codec: image <-> latent. ResShift uses a VQ-f4 autoencoder; small models use a parameter-free
// pixel_unshuffle (space-to-depth x4). Both map an image of H x W to a latent of H/4 x W/4.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

namespace rsd::engine {

class Codec {
 public:
  virtual ~Codec() = default;
  // img: [N, 3, H, W] in [-1, 1]  ->  [N, latent_channels(), H/f, W/f]. No quantization.
  virtual torch::Tensor encode(const torch::Tensor& img) = 0;
  // z -> [N, 3, H, W] roughly in [-1, 1]. The VQ codec quantizes to the nearest codebook entry
  // first, as the official sampler does.
  virtual torch::Tensor decode(const torch::Tensor& z) = 0;
  virtual int latent_channels() const = 0;
  virtual int downsample_factor() const = 0;
  // nullptr for parameter-free codecs.
  virtual torch::nn::Module* module() = 0;
};

}  // namespace rsd::engine
