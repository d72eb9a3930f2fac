// UNet Upsample / Downsample (zsyOAOA/ResShift models/unet.py Upsample, Downsample).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

namespace rsd::engine {

// Nearest x2, then an optional 3x3 conv (key `conv`).
class Upsample : public torch::nn::Module {
 public:
  Upsample(int64_t channels, bool use_conv, int64_t out_channels);
  torch::Tensor forward(const torch::Tensor& x);  // [N, C, H, W] -> [N, C', 2H, 2W]

 private:
  torch::nn::Conv2d conv_{nullptr};
};

// Stride-2 3x3 conv with padding 1 (key `op`), or 2x2 average pooling without use_conv.
class Downsample : public torch::nn::Module {
 public:
  Downsample(int64_t channels, bool use_conv, int64_t out_channels);
  torch::Tensor forward(const torch::Tensor& x);  // [N, C, H, W] -> [N, C', H/2, W/2]

 private:
  torch::nn::Conv2d op_{nullptr};
};

}  // namespace rsd::engine
