// The ResShift / SinSR / RSD denoiser (zsyOAOA/ResShift models/unet.py UNetModelSwin).
//
// Registered names equal the official state_dict keys, so named_parameters() / named_buffers()
// can be matched 1:1 against a checkpoint. Threading: a module instance is used by one thread at
// a time (forward caches shifted-window masks for new map sizes).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/nn/config.h"
#include "engine/nn/denoiser.h"

namespace rsd::engine {

class BasicLayer;
class TimestepEmbedSequential;

class UNetModelSwin : public torch::nn::Module, public Denoiser {
 public:
  // noise_channels: extra N(0,1) input channels appended after the lq channels (RSD student: 1).
  // The config is assumed valid (parse_unet_config checks it); invariant violations throw
  // c10::Error.
  UNetModelSwin(const UNetConfig& config, int noise_channels);

  // x: [N, out_channels, h, w] scaled latent; t: [N] step indices; lq: [N, 3, h*2^k, w*2^k] LR
  // image in [-1, 1] (required when cond_lq); noise: [N, noise_channels, h, w] or undefined;
  // mask: [N, 1, ...] only with cond_mask. Returns the x0 prediction [N, out_channels, h, w].
  // h and w must be multiples of window_size * 2^(levels-1) (64 for the official config).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& lq,
                        const torch::Tensor& noise = {}, const torch::Tensor& mask = {});

  torch::Tensor denoise(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& lq,
                        const std::optional<torch::Tensor>& noise) override;
  int latent_channels() const override { return config_.out_channels; }
  int noise_channels() const override { return noise_channels_; }
  torch::nn::Module& module() override { return *this; }

  const UNetConfig& config() const { return config_; }
  // Expected values of every derived buffer (`...attn.relative_position_index`, `...attn_mask`)
  // as this code computes them at construction, keyed like the state_dict.
  std::map<std::string, torch::Tensor> derived_buffers() const;

 private:
  std::shared_ptr<BasicLayer> make_swin(int64_t channels, int64_t resolution) const;

  UNetConfig config_;
  int noise_channels_ = 0;
  torch::nn::Linear time_embed0_{nullptr}, time_embed2_{nullptr};
  torch::nn::Sequential feature_extractor_{nullptr};  // null when lq is concatenated as is
  std::vector<std::shared_ptr<TimestepEmbedSequential>> input_blocks_, output_blocks_;
  std::shared_ptr<TimestepEmbedSequential> middle_block_;
  torch::nn::GroupNorm out_norm_{nullptr};
  torch::nn::Conv2d out_conv_{nullptr};
  std::vector<std::pair<std::string, std::shared_ptr<BasicLayer>>> swin_layers_;
};

}  // namespace rsd::engine
