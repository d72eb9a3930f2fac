// RSD GAN discriminator: a small head on the fake model's encoder (bottleneck) features, trained
// with the non-saturating loss (RSD paper arXiv 2503.13358 §3.4 and Algorithm 1; the official
// head architecture is not public, this one follows DMD2's classifier branch: two 3x3 convs with
// GroupNorm + SiLU, the second with stride 2, then a 1x1 conv to per-location logits).
//
// Threading: training thread only.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/types.h>

#include "engine/nn/unet_swin.h"

namespace rsd::engine::train {

class DiscriminatorHead : public torch::nn::Module {
 public:
  // in_channels: channels of the UNet's middle block; hidden: width of the head.
  DiscriminatorHead(int64_t in_channels, int64_t hidden);
  // features: [N, in_channels, h, w] -> logits [N, 1, ceil(h/2), ceil(w/2)]
  torch::Tensor forward(const torch::Tensor& features);

 private:
  torch::nn::Sequential head_{nullptr};
};

// Output of the UNet's middle block for (x already scaled, t, lq, noise), computed by running the
// public submodules (time_embed, input_blocks, middle_block) in the order UNetModelSwin::forward
// does; gradients flow to the input and to the UNet's parameters that require grad.
// x: [N, C, h, w] -> [N, C_mid, h / 2^(levels-1), w / 2^(levels-1)]
torch::Tensor unet_bottleneck_features(UNetModelSwin& net, const torch::Tensor& x,
                                       const torch::Tensor& t, const torch::Tensor& lq,
                                       const torch::Tensor& noise = {});
// Channels of the middle block's output.
int64_t unet_bottleneck_channels(const UNetConfig& config);

// Non-saturating GAN losses on logits: generator softplus(-D(fake)); discriminator
// softplus(-D(real)) + softplus(D(fake)); means over batch and locations.
torch::Tensor gan_generator_loss(const torch::Tensor& fake_logits);
torch::Tensor gan_discriminator_loss(const torch::Tensor& real_logits, const torch::Tensor& fake_logits);

}  // namespace rsd::engine::train
