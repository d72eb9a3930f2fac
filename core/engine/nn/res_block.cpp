// Time-conditioned residual block (zsyOAOA/ResShift models/unet.py ResBlock).
#include "engine/nn/res_block.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

#include "engine/nn/basic_ops.h"

namespace rsd::engine {

ResBlock::ResBlock(const ResBlockOptions& o) : o_(o) {
  if (o_.out_channels == 0) o_.out_channels = o_.channels;
  const int64_t cin = o_.channels, cout = o_.out_channels;
  using torch::nn::Conv2dOptions;

  // Sequential containers keep the placeholder indices of the checkpoint (in_layers.2 ...);
  // forward calls the typed members directly.
  torch::nn::Sequential in_layers;
  in_norm_ = make_group_norm32(cin);
  in_conv_ = torch::nn::Conv2d(Conv2dOptions(cin, cout, 3).padding(1));
  in_layers->push_back(in_norm_);
  in_layers->push_back(torch::nn::SiLU());
  in_layers->push_back(in_conv_);
  register_module("in_layers", in_layers);

  torch::nn::Sequential emb_layers;
  emb_linear_ = torch::nn::Linear(o_.emb_channels, o_.use_scale_shift_norm ? 2 * cout : cout);
  emb_layers->push_back(torch::nn::SiLU());
  emb_layers->push_back(emb_linear_);
  register_module("emb_layers", emb_layers);

  torch::nn::Sequential out_layers;
  out_norm_ = make_group_norm32(cout);
  out_conv_ = torch::nn::Conv2d(Conv2dOptions(cout, cout, 3).padding(1));
  {
    // zero_module: a fresh block starts as (skip) identity, as in the reference initialisation.
    torch::NoGradGuard no_grad;
    out_conv_->weight.zero_();
    out_conv_->bias.zero_();
  }
  out_layers->push_back(out_norm_);
  out_layers->push_back(torch::nn::SiLU());
  out_layers->push_back(torch::nn::Dropout(o_.dropout));
  out_layers->push_back(out_conv_);
  register_module("out_layers", out_layers);

  if (cout != cin) {
    skip_ = register_module("skip_connection", torch::nn::Conv2d(Conv2dOptions(cin, cout, 1)));
  } else {
    register_module("skip_connection", torch::nn::Identity());
  }
}

torch::Tensor ResBlock::resample(const torch::Tensor& x) const {
  if (o_.up) return upsample_nearest2x(x);
  if (o_.down) return at::avg_pool2d(x, {2, 2}, {2, 2});
  return x;
}

torch::Tensor ResBlock::forward(const torch::Tensor& x_in, const torch::Tensor& emb) {
  // h = conv(silu(gn(x))), with the up/down resampling between activation and conv.
  auto h = silu_fresh(group_norm32(in_norm_, x_in));
  const auto x = resample(x_in);
  h = in_conv_->forward(resample(h));

  auto e = emb_linear_->forward(at::silu(emb.to(emb_linear_->weight.scalar_type())))
               .to(h.scalar_type())
               .unsqueeze(-1)
               .unsqueeze(-1);
  if (o_.use_scale_shift_norm) {
    auto ss = e.chunk(2, 1);  // (scale, shift), each [N, C_out, 1, 1]
    h = at::addcmul(ss[1], group_norm32(out_norm_, h), ss[0] + 1.0);
  } else {
    h = group_norm32(out_norm_, h + e);
  }
  h = silu_fresh(h);
  if (is_training() && o_.dropout > 0.0) h = at::dropout(h, o_.dropout, true);
  h = out_conv_->forward(h);
  return skip_ ? conv1x1(x, skip_->weight, skip_->bias).add_(h) : h.add_(x);
}

}  // namespace rsd::engine
