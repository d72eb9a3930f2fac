// Autoencoder building blocks (zsyOAOA/ResShift ldm/modules/diffusionmodules/model.py ResnetBlock,
// AttnBlock, Upsample, Downsample). GroupNorm eps is 1e-6 here, unlike the UNet.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include <cstdint>

namespace rsd::engine::ldm {

// Keys: norm1, conv1, norm2, conv2, nin_shortcut (1x1, only when the channel count changes).
class ResnetBlock : public torch::nn::Module {
 public:
  ResnetBlock(int64_t in_channels, int64_t out_channels, double dropout);
  torch::Tensor forward(const torch::Tensor& x);  // [N, Cin, H, W] -> [N, Cout, H, W]

 private:
  double dropout_;
  torch::nn::GroupNorm norm1_{nullptr}, norm2_{nullptr};
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, nin_shortcut_{nullptr};
};

// Single-head spatial self-attention with a residual. Keys: norm, q, k, v, proj_out (1x1 convs).
// Queries are processed in chunks so the [chunk, H*W] logits stay below chunk_bytes; the result
// equals the unchunked softmax(q^T k / sqrt(C)) v.
class AttnBlock : public torch::nn::Module {
 public:
  static constexpr int64_t kDefaultChunkBytes = int64_t{128} << 20;

  explicit AttnBlock(int64_t channels);
  torch::Tensor forward(const torch::Tensor& x);  // [N, C, H, W] -> same
  void set_chunk_bytes(int64_t bytes) { chunk_bytes_ = bytes; }

 private:
  int64_t chunk_bytes_ = kDefaultChunkBytes;
  torch::nn::GroupNorm norm_{nullptr};
  torch::nn::Conv2d q_{nullptr}, k_{nullptr}, v_{nullptr}, proj_out_{nullptr};
};

// Zero-pad right and bottom by one, then a 3x3 stride-2 conv without padding (key `conv`); or 2x2
// average pooling without a conv.
class Downsample : public torch::nn::Module {
 public:
  Downsample(int64_t channels, bool with_conv);
  torch::Tensor forward(const torch::Tensor& x);  // [N, C, H, W] -> [N, C, H/2, W/2]

 private:
  torch::nn::Conv2d conv_{nullptr};
};

// Nearest x2, then an optional 3x3 conv (key `conv`).
class Upsample : public torch::nn::Module {
 public:
  Upsample(int64_t channels, bool with_conv);
  torch::Tensor forward(const torch::Tensor& x);  // [N, C, H, W] -> [N, C, 2H, 2W]

 private:
  torch::nn::Conv2d conv_{nullptr};
};

}  // namespace rsd::engine::ldm
