// UNet Upsample / Downsample (zsyOAOA/ResShift models/unet.py Upsample, Downsample).
#include "engine/nn/resample.h"

#include <ATen/ATen.h>

#include "engine/nn/basic_ops.h"

namespace rsd::engine {

Upsample::Upsample(int64_t channels, bool use_conv, int64_t out_channels) {
  if (use_conv) {
    conv_ = register_module(
        "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, out_channels, 3).padding(1)));
  } else {
    TORCH_CHECK(channels == out_channels, "Upsample without conv cannot change channels");
  }
}

torch::Tensor Upsample::forward(const torch::Tensor& x) {
  auto h = upsample_nearest2x(x);
  return conv_ ? conv_->forward(h) : h;
}

Downsample::Downsample(int64_t channels, bool use_conv, int64_t out_channels) {
  if (use_conv) {
    op_ = register_module(
        "op", torch::nn::Conv2d(
                  torch::nn::Conv2dOptions(channels, out_channels, 3).stride(2).padding(1)));
  } else {
    TORCH_CHECK(channels == out_channels, "Downsample without conv cannot change channels");
  }
}

torch::Tensor Downsample::forward(const torch::Tensor& x) {
  if (op_) return op_->forward(x);
  return at::avg_pool2d(x, {2, 2}, {2, 2});
}

}  // namespace rsd::engine
