#include "engine/train/discriminator.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>

#include "engine/nn/basic_ops.h"

namespace rsd::engine::train {
namespace {

int64_t group_count(int64_t channels) {
  for (int64_t g : {32, 16, 8, 4, 2}) if (channels % g == 0) return g;
  return 1;
}

template <class T>
std::shared_ptr<T> child(torch::nn::Module& m, const std::string& name) {
  auto c = m.named_children();
  auto* found = c.find(name);
  TORCH_CHECK(found != nullptr, "UNet has no submodule ", name);
  auto typed = std::dynamic_pointer_cast<T>(*found);
  TORCH_CHECK(typed != nullptr, "UNet submodule ", name, " has an unexpected type");
  return typed;
}

}  // namespace

DiscriminatorHead::DiscriminatorHead(int64_t in_channels, int64_t hidden) {
  using namespace torch::nn;
  head_ = Sequential(
      Conv2d(Conv2dOptions(in_channels, hidden, 3).padding(1)),
      GroupNorm(GroupNormOptions(group_count(hidden), hidden)), SiLU(),
      Conv2d(Conv2dOptions(hidden, hidden, 3).stride(2).padding(1)),
      GroupNorm(GroupNormOptions(group_count(hidden), hidden)), SiLU(),
      Conv2d(Conv2dOptions(hidden, 1, 1)));
  register_module("head", head_);
}

torch::Tensor DiscriminatorHead::forward(const torch::Tensor& features) {
  return head_->forward(features);
}

int64_t unet_bottleneck_channels(const UNetConfig& config) {
  return static_cast<int64_t>(config.channel_mult.back()) * config.model_channels;
}

torch::Tensor unet_bottleneck_features(UNetModelSwin& net, const torch::Tensor& x,
                                       const torch::Tensor& t, const torch::Tensor& lq,
                                       const torch::Tensor& noise) {
  const UNetConfig& c = net.config();
  auto time_embed = child<torch::nn::SequentialImpl>(net, "time_embed");
  auto emb = time_embed->forward(timestep_embedding(t, c.model_channels).to(x.scalar_type()));
  std::vector<torch::Tensor> parts{x};  // channel order as in forward: latent, lq, noise
  if (c.cond_lq) {
    TORCH_CHECK(lq.defined(), "lq is required");
    TORCH_CHECK(!c.cond_mask, "bottleneck features of a mask-conditioned UNet are not supported");
    auto l = lq.to(x.scalar_type());
    auto children = net.named_children();
    if (auto* fe = children.find("feature_extractor"))
      l = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(*fe)->forward(l);
    parts.push_back(l);
  }
  if (net.noise_channels() > 0) {
    TORCH_CHECK(noise.defined(), "this UNet needs its noise input");
    parts.push_back(noise.to(x.scalar_type()));
  }
  auto h = parts.size() == 1 ? x : at::cat(parts, 1);
  auto input_blocks = child<torch::nn::ModuleListImpl>(net, "input_blocks");
  for (const auto& block : input_blocks->children()) {
    auto b = std::dynamic_pointer_cast<TimestepEmbedSequential>(block);
    TORCH_CHECK(b != nullptr, "unexpected input block type");
    h = b->forward(h, emb);
  }
  return child<TimestepEmbedSequential>(net, "middle_block")->forward(h, emb);
}

torch::Tensor gan_generator_loss(const torch::Tensor& fake_logits) {
  return at::softplus(-fake_logits).mean();
}

torch::Tensor gan_discriminator_loss(const torch::Tensor& real_logits,
                                     const torch::Tensor& fake_logits) {
  return at::softplus(-real_logits).mean() + at::softplus(fake_logits).mean();
}

}  // namespace rsd::engine::train
