// Parameter-free codec: space-to-depth (F.pixel_unshuffle / F.pixel_shuffle, PyTorch semantics).
#pragma once

#include <torch/types.h>

#include "engine/nn/codec.h"

namespace rsd::engine {

// encode: [N, 3, H, W] -> [N, 3*f*f, H/f, W/f]; decode is its exact inverse. Channel order is
// PyTorch's: out channel = c*f*f + dy*f + dx.
class PixelUnshuffleCodec : public Codec {
 public:
  explicit PixelUnshuffleCodec(int factor = 4);
  torch::Tensor encode(const torch::Tensor& img) override;
  torch::Tensor decode(const torch::Tensor& z) override;
  int latent_channels() const override { return 3 * factor_ * factor_; }
  int downsample_factor() const override { return factor_; }
  torch::nn::Module* module() override { return nullptr; }

 private:
  int factor_;
};

}  // namespace rsd::engine
