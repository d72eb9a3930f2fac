// Autoencoder building blocks (zsyOAOA/ResShift ldm/modules/diffusionmodules/model.py).
#include "engine/nn/ldm_blocks.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

#include "engine/nn/basic_ops.h"

namespace rsd::engine::ldm {
namespace {

constexpr double kEps = 1e-6;

torch::nn::Conv2d conv(int64_t cin, int64_t cout, int64_t k, int64_t stride = 1, int64_t pad = -1) {
  return torch::nn::Conv2d(
      torch::nn::Conv2dOptions(cin, cout, k).stride(stride).padding(pad < 0 ? k / 2 : pad));
}

}  // namespace

ResnetBlock::ResnetBlock(int64_t in_channels, int64_t out_channels, double dropout)
    : dropout_(dropout) {
  norm1_ = register_module("norm1", make_group_norm32(in_channels, kEps));
  conv1_ = register_module("conv1", conv(in_channels, out_channels, 3));
  norm2_ = register_module("norm2", make_group_norm32(out_channels, kEps));
  conv2_ = register_module("conv2", conv(out_channels, out_channels, 3));
  if (in_channels != out_channels)
    nin_shortcut_ = register_module("nin_shortcut", conv(in_channels, out_channels, 1));
}

torch::Tensor ResnetBlock::forward(const torch::Tensor& x) {
  auto h = conv1_->forward(silu_fresh(group_norm32(norm1_, x)));
  h = silu_fresh(group_norm32(norm2_, h));
  if (is_training() && dropout_ > 0.0) h = at::dropout(h, dropout_, true);
  h = conv2_->forward(h);
  return nin_shortcut_ ? conv1x1(x, nin_shortcut_->weight, nin_shortcut_->bias).add_(h) : h.add_(x);
}

AttnBlock::AttnBlock(int64_t channels) {
  norm_ = register_module("norm", make_group_norm32(channels, kEps));
  q_ = register_module("q", conv(channels, channels, 1));
  k_ = register_module("k", conv(channels, channels, 1));
  v_ = register_module("v", conv(channels, channels, 1));
  proj_out_ = register_module("proj_out", conv(channels, channels, 1));
}

torch::Tensor AttnBlock::forward(const torch::Tensor& x) {
  const auto h = group_norm32(norm_, x);
  const int64_t b = x.size(0), c = x.size(1), hw = x.size(2) * x.size(3);
  const auto q = conv1x1(h, q_->weight, q_->bias).view({b, c, hw});
  const auto k = conv1x1(h, k_->weight, k_->bias).view({b, c, hw});
  const auto v = conv1x1(h, v_->weight, v_->bias).view({b, c, hw});
  const double scale = 1.0 / std::sqrt(static_cast<double>(c));
  const int64_t element = static_cast<int64_t>(x.element_size());
  const int64_t chunk = std::clamp<int64_t>(chunk_bytes_ / (hw * element), 1, hw);

  // Both products run as 1x1 convolutions over a [1, channels, n, 1] "image" of n queries, so
  // they go through oneDNN on CPU (conv1x1) instead of the system BLAS:
  //   logits^T [hw, n] = conv(q_chunk [c, n], weight k^T [hw, c]),
  //   out      [c,  n] = conv(softmax over hw of logits^T, weight v [c, hw]).
  auto out = at::empty({b, c, hw}, x.options());
  for (int64_t i = 0; i < b; ++i) {
    const auto k_weight = k[i].t().contiguous().view({hw, c, 1, 1});
    const auto v_weight = v[i].view({c, hw, 1, 1});
    for (int64_t s = 0; s < hw; s += chunk) {
      const int64_t n = std::min(chunk, hw - s);
      const auto q_chunk = q[i].narrow(1, s, n).reshape({1, c, n, 1});
      auto w = conv1x1(q_chunk, k_weight);  // [1, hw, n, 1]
      w.mul_(scale);
      w = w.softmax(1);
      out[i].narrow(1, s, n).copy_(conv1x1(w, v_weight).view({c, n}));
    }
  }
  return conv1x1(out.view({b, c, x.size(2), x.size(3)}), proj_out_->weight, proj_out_->bias).add_(x);
}

Downsample::Downsample(int64_t channels, bool with_conv) {
  if (with_conv) conv_ = register_module("conv", conv(channels, channels, 3, 2, 0));
}

torch::Tensor Downsample::forward(const torch::Tensor& x) {
  if (!conv_) return at::avg_pool2d(x, {2, 2}, {2, 2});
  return conv_->forward(at::constant_pad_nd(x, {0, 1, 0, 1}, 0.0));  // asymmetric: right, bottom
}

Upsample::Upsample(int64_t channels, bool with_conv) {
  if (with_conv) conv_ = register_module("conv", conv(channels, channels, 3));
}

torch::Tensor Upsample::forward(const torch::Tensor& x) {
  auto h = upsample_nearest2x(x);
  return conv_ ? conv_->forward(h) : h;
}

}  // namespace rsd::engine::ldm
