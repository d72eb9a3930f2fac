// Time-conditioned residual block (zsyOAOA/ResShift models/unet.py ResBlock).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

namespace rsd::engine {

struct ResBlockOptions {
  int64_t channels = 0;
  int64_t emb_channels = 0;
  int64_t out_channels = 0;  // 0: same as channels
  double dropout = 0.0;
  bool use_scale_shift_norm = false;
  bool up = false;    // resblock_updown: nearest x2 inside the block
  bool down = false;  // resblock_updown: 2x2 average pooling inside the block
};

// Keys: in_layers.{0: GroupNorm32, 1: SiLU, 2: Conv3x3}, emb_layers.{0: SiLU, 1: Linear},
// out_layers.{0: GroupNorm32, 1: SiLU, 2: Dropout, 3: Conv3x3}, skip_connection (1x1 conv when
// the channel count changes, else Identity without keys).
class ResBlock : public torch::nn::Module {
 public:
  explicit ResBlock(const ResBlockOptions& o);
  // x: [N, C, H, W], emb: [N, emb_channels] -> [N, C_out, H', W']
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb);

 private:
  torch::Tensor resample(const torch::Tensor& x) const;

  ResBlockOptions o_;
  torch::nn::GroupNorm in_norm_{nullptr}, out_norm_{nullptr};
  torch::nn::Conv2d in_conv_{nullptr}, out_conv_{nullptr}, skip_{nullptr};
  torch::nn::Linear emb_linear_{nullptr};
};

}  // namespace rsd::engine
