// The ResShift / SinSR / RSD denoiser (zsyOAOA/ResShift models/unet.py UNetModelSwin).
#include "engine/nn/unet_swin.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/activation.h>

#include <algorithm>

#include "engine/nn/basic_ops.h"
#include "engine/nn/res_block.h"
#include "engine/nn/resample.h"
#include "engine/nn/swin_transformer.h"

namespace rsd::engine {
namespace {

bool contains(const std::vector<int>& v, int64_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::shared_ptr<BasicLayer> UNetModelSwin::make_swin(int64_t channels, int64_t resolution) const {
  BasicLayerOptions o;
  o.in_chans = channels;
  o.embed_dim = config_.swin_embed_dim;
  o.heads = config_.swin_heads();
  o.window = config_.window_size;
  o.depth = config_.swin_depth;
  o.img_size = resolution;
  o.mlp_ratio = config_.mlp_ratio;
  o.drop = config_.dropout;
  o.patch_norm = config_.patch_norm;
  return std::make_shared<BasicLayer>(o);
}

UNetModelSwin::UNetModelSwin(const UNetConfig& config, int noise_channels)
    : config_(config), noise_channels_(noise_channels) {
  const UNetConfig& c = config_;
  TORCH_CHECK(noise_channels >= 0, "noise_channels must be >= 0");
  const int64_t temb = 4 * c.model_channels;
  auto res_opts = [&](int64_t cin, int64_t cout) {
    ResBlockOptions o;
    o.channels = cin;
    o.emb_channels = temb;
    o.out_channels = cout;
    o.dropout = c.dropout;
    o.use_scale_shift_norm = c.use_scale_shift_norm;
    return o;
  };

  torch::nn::Sequential time_embed;
  time_embed0_ = torch::nn::Linear(c.model_channels, temb);
  time_embed2_ = torch::nn::Linear(temb, temb);
  time_embed->push_back(time_embed0_);
  time_embed->push_back(torch::nn::SiLU());
  time_embed->push_back(time_embed2_);
  register_module("time_embed", time_embed);

  // lq branch: identity when lq has the latent size; otherwise stride-2 stages
  // (Conv3x3, SiLU, Downsample conv) that double the channels from 16.
  if (c.cond_lq && c.lq_downsamples() > 0) {
    feature_extractor_ = torch::nn::Sequential();
    int64_t feat = c.cond_mask ? 4 : 3, base = 16;
    for (int i = 0; i < c.lq_downsamples(); ++i) {
      feature_extractor_->push_back(
          torch::nn::Conv2d(torch::nn::Conv2dOptions(feat, base, 3).padding(1)));
      feature_extractor_->push_back(torch::nn::SiLU());
      feature_extractor_->push_back(std::make_shared<Downsample>(base, true, base * 2));
      base *= 2;
      feat = base;
    }
    register_module("feature_extractor", feature_extractor_);
  }

  torch::nn::ModuleList input_blocks, output_blocks;
  auto add_input = [&](std::shared_ptr<TimestepEmbedSequential> b) {
    input_blocks_.push_back(b);
    input_blocks->push_back(b);
  };
  int64_t ch = c.channel_mult[0] * c.model_channels;
  const int64_t input_ch = ch;
  {
    auto b = std::make_shared<TimestepEmbedSequential>();
    b->add(std::make_shared<torch::nn::Conv2dImpl>(
        torch::nn::Conv2dOptions(c.first_conv_in_channels(noise_channels), ch, 3).padding(1)));
    add_input(b);
  }
  std::vector<int64_t> skip_chans{ch};
  int64_t ds = c.image_size;
  const int levels = static_cast<int>(c.channel_mult.size());
  for (int level = 0; level < levels; ++level) {
    const int64_t width = c.channel_mult[level] * c.model_channels;
    for (int j = 0; j < c.num_res_blocks[level]; ++j) {
      auto b = std::make_shared<TimestepEmbedSequential>();
      b->add(std::make_shared<ResBlock>(res_opts(ch, width)));
      ch = width;
      if (contains(c.attention_resolutions, ds) && j == 0) {
        swin_layers_.emplace_back("input_blocks." + std::to_string(input_blocks_.size()) + ".1.",
                                  b->add(make_swin(ch, ds)));
      }
      add_input(b);
      skip_chans.push_back(ch);
    }
    if (level != levels - 1) {
      auto b = std::make_shared<TimestepEmbedSequential>();
      if (c.resblock_updown) {
        auto o = res_opts(ch, ch);
        o.down = true;
        b->add(std::make_shared<ResBlock>(o));
      } else {
        b->add(std::make_shared<Downsample>(ch, c.conv_resample, ch));
      }
      add_input(b);
      skip_chans.push_back(ch);
      ds /= 2;
    }
  }
  register_module("input_blocks", input_blocks);

  middle_block_ = std::make_shared<TimestepEmbedSequential>();
  middle_block_->add(std::make_shared<ResBlock>(res_opts(ch, ch)));
  swin_layers_.emplace_back("middle_block.1.", middle_block_->add(make_swin(ch, ds)));
  middle_block_->add(std::make_shared<ResBlock>(res_opts(ch, ch)));
  register_module("middle_block", middle_block_);

  for (int level = levels - 1; level >= 0; --level) {
    const int64_t width = c.model_channels * c.channel_mult[level];
    for (int i = 0; i <= c.num_res_blocks[level]; ++i) {
      const int64_t skip = skip_chans.back();
      skip_chans.pop_back();
      auto b = std::make_shared<TimestepEmbedSequential>();
      b->add(std::make_shared<ResBlock>(res_opts(ch + skip, width)));
      ch = width;
      if (contains(c.attention_resolutions, ds) && i == 0) {
        swin_layers_.emplace_back("output_blocks." + std::to_string(output_blocks_.size()) + ".1.",
                                  b->add(make_swin(ch, ds)));
      }
      if (level > 0 && i == c.num_res_blocks[level]) {
        if (c.resblock_updown) {
          auto o = res_opts(ch, ch);
          o.up = true;
          b->add(std::make_shared<ResBlock>(o));
        } else {
          b->add(std::make_shared<Upsample>(ch, c.conv_resample, ch));
        }
        ds *= 2;
      }
      output_blocks_.push_back(b);
      output_blocks->push_back(b);
    }
  }
  register_module("output_blocks", output_blocks);

  torch::nn::Sequential out;
  out_norm_ = make_group_norm32(ch);
  out_conv_ = torch::nn::Conv2d(torch::nn::Conv2dOptions(input_ch, c.out_channels, 3).padding(1));
  out->push_back(out_norm_);
  out->push_back(torch::nn::SiLU());
  out->push_back(out_conv_);
  register_module("out", out);
}

torch::Tensor UNetModelSwin::forward(const torch::Tensor& x, const torch::Tensor& t,
                                     const torch::Tensor& lq, const torch::Tensor& noise,
                                     const torch::Tensor& mask) {
  TORCH_CHECK(x.dim() == 4 && x.size(1) == config_.out_channels, "UNet input must be [N, ",
              config_.out_channels, ", h, w]");
  TORCH_CHECK(t.dim() == 1 && t.size(0) == x.size(0), "t must hold one step index per sample");
  // The time MLP runs in its weights' dtype (float32 in the reference even for fp16 torsos).
  auto emb = time_embed2_->forward(at::silu(time_embed0_->forward(
      timestep_embedding(t, config_.model_channels).to(time_embed0_->weight.scalar_type()))));

  std::vector<torch::Tensor> parts{x};  // channel order: latent, lq (+ mask), noise
  if (config_.cond_lq) {
    TORCH_CHECK(lq.defined(), "this UNet is conditioned on the LR image: lq is required");
    auto l = lq.to(x.scalar_type());
    if (config_.cond_mask) {
      TORCH_CHECK(mask.defined(), "this UNet needs a mask input (cond_mask)");
      l = at::cat({l, mask.to(x.scalar_type())}, 1);
    }
    if (feature_extractor_) l = feature_extractor_->forward(l);
    parts.push_back(l);
  }
  if (noise_channels_ > 0) {
    TORCH_CHECK(noise.defined() && noise.size(1) == noise_channels_, "this UNet needs ",
                noise_channels_, " noise input channel(s)");
    parts.push_back(noise.to(x.scalar_type()));
  }
  auto h = parts.size() == 1 ? x : at::cat(parts, 1);

  std::vector<torch::Tensor> hs;
  hs.reserve(input_blocks_.size());
  for (const auto& b : input_blocks_) {
    h = b->forward(h, emb);
    hs.push_back(h);
  }
  h = middle_block_->forward(h, emb);
  for (const auto& b : output_blocks_) {
    h = b->forward(at::cat({h, hs.back()}, 1), emb);  // current features first, then the skip
    hs.pop_back();
  }
  auto out = out_conv_->forward(silu_fresh(group_norm32(out_norm_, h)));
  if (config_.lq_residual_factor > 0) {
    const int f = config_.lq_residual_factor;
    auto l = lq.to(out.scalar_type());
    auto up = at::upsample_bicubic2d(l, {l.size(2) * f, l.size(3) * f}, /*align_corners=*/false,
                                     double(f), double(f));
    out = out + at::pixel_unshuffle(up, f);
  }
  return out;
}

torch::Tensor UNetModelSwin::denoise(const torch::Tensor& x, const torch::Tensor& t,
                                     const torch::Tensor& lq,
                                     const std::optional<torch::Tensor>& noise) {
  return forward(x, t, lq, noise ? *noise : torch::Tensor());
}

std::map<std::string, torch::Tensor> UNetModelSwin::derived_buffers() const {
  std::map<std::string, torch::Tensor> out;
  for (const auto& [prefix, layer] : swin_layers_) layer->derived_buffers(prefix, out);
  return out;
}

}  // namespace rsd::engine
