// Autoencoder Encoder / Decoder (zsyOAOA/ResShift ldm/modules/diffusionmodules/model.py Encoder, Decoder).
#include "engine/nn/ldm_encoder_decoder.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/container/modulelist.h>

#include <algorithm>
#include <string>

#include "engine/nn/basic_ops.h"
#include "engine/nn/ldm_blocks.h"

namespace rsd::engine::ldm {
namespace {

torch::nn::Conv2d conv3x3(int64_t cin, int64_t cout) {
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(cin, cout, 3).padding(1));
}

bool has_attention(const DDConfig& c, int64_t res) {
  return std::find(c.attn_resolutions.begin(), c.attn_resolutions.end(), res) !=
         c.attn_resolutions.end();
}

// Registers a level under `name` in `list` with its block / attn lists.
void register_level(torch::nn::ModuleList& list, Level& level) {
  auto m = std::make_shared<torch::nn::Module>();
  torch::nn::ModuleList block, attn;
  for (auto& b : level.blocks) block->push_back(b);
  for (auto& a : level.attns) attn->push_back(a);
  m->register_module("block", block);
  m->register_module("attn", attn);
  if (level.downsample) m->register_module("downsample", level.downsample);
  if (level.upsample) m->register_module("upsample", level.upsample);
  list->push_back(m);
}

Mid make_mid(torch::nn::Module& owner, int64_t ch, double dropout) {
  Mid mid;
  auto m = owner.register_module("mid", std::make_shared<torch::nn::Module>());
  mid.block_1 = m->register_module("block_1", std::make_shared<ResnetBlock>(ch, ch, dropout));
  mid.attn_1 = m->register_module("attn_1", std::make_shared<AttnBlock>(ch));
  mid.block_2 = m->register_module("block_2", std::make_shared<ResnetBlock>(ch, ch, dropout));
  return mid;
}

torch::Tensor run_mid(const Mid& mid, const torch::Tensor& h) {
  return mid.block_2->forward(mid.attn_1->forward(mid.block_1->forward(h)));
}

torch::Tensor run_block(const Level& level, size_t i, const torch::Tensor& h) {
  auto out = level.blocks[i]->forward(h);
  return level.attns.empty() ? out : level.attns[i]->forward(out);
}

void set_chunk_bytes(const Mid& mid, const std::vector<Level>& levels, int64_t bytes) {
  mid.attn_1->set_chunk_bytes(bytes);
  for (const auto& l : levels)
    for (const auto& a : l.attns) a->set_chunk_bytes(bytes);
}

}  // namespace

Encoder::Encoder(const DDConfig& c) {
  const int levels = static_cast<int>(c.ch_mult.size());
  conv_in_ = register_module("conv_in", conv3x3(c.in_channels, c.ch));
  torch::nn::ModuleList down;
  int64_t res = c.resolution, block_in = c.ch;
  for (int i = 0; i < levels; ++i) {
    Level level;
    const int64_t block_out = int64_t{c.ch} * c.ch_mult[i];
    for (int j = 0; j < c.num_res_blocks[i]; ++j) {
      level.blocks.push_back(std::make_shared<ResnetBlock>(block_in, block_out, c.dropout));
      block_in = block_out;
      if (has_attention(c, res)) level.attns.push_back(std::make_shared<AttnBlock>(block_in));
    }
    if (i != levels - 1) {
      level.downsample = std::make_shared<Downsample>(block_in, c.resamp_with_conv);
      res /= 2;
    }
    register_level(down, level);
    down_.push_back(std::move(level));
  }
  register_module("down", down);
  mid_ = make_mid(*this, block_in, c.dropout);
  norm_out_ = register_module("norm_out", make_group_norm32(block_in, 1e-6));
  conv_out_ = register_module("conv_out", conv3x3(block_in, c.double_z ? 2 * c.z_channels : c.z_channels));
}

torch::Tensor Encoder::forward(const torch::Tensor& x) {
  auto h = conv_in_->forward(x);
  for (const auto& level : down_) {
    for (size_t j = 0; j < level.blocks.size(); ++j) h = run_block(level, j, h);
    if (level.downsample) h = level.downsample->forward(h);
  }
  h = run_mid(mid_, h);
  return conv_out_->forward(silu_fresh(group_norm32(norm_out_, h)));
}

void Encoder::set_attention_chunk_bytes(int64_t bytes) { set_chunk_bytes(mid_, down_, bytes); }

Decoder::Decoder(const DDConfig& c) {
  const int levels = static_cast<int>(c.ch_mult.size());
  int64_t block_in = int64_t{c.ch} * c.ch_mult[levels - 1];
  int64_t res = c.resolution >> (levels - 1);
  conv_in_ = register_module("conv_in", conv3x3(c.z_channels, block_in));
  mid_ = make_mid(*this, block_in, c.dropout);
  up_.resize(levels);
  for (int i = levels - 1; i >= 0; --i) {  // built from the bottom, stored by level index
    Level& level = up_[i];
    const int64_t block_out = int64_t{c.ch} * c.ch_mult[i];
    for (int j = 0; j <= c.num_res_blocks[i]; ++j) {
      level.blocks.push_back(std::make_shared<ResnetBlock>(block_in, block_out, c.dropout));
      block_in = block_out;
      if (has_attention(c, res)) level.attns.push_back(std::make_shared<AttnBlock>(block_in));
    }
    if (i != 0) {
      level.upsample = std::make_shared<Upsample>(block_in, c.resamp_with_conv);
      res *= 2;
    }
  }
  torch::nn::ModuleList up;
  for (auto& level : up_) register_level(up, level);
  register_module("up", up);
  norm_out_ = register_module("norm_out", make_group_norm32(block_in, 1e-6));
  conv_out_ = register_module("conv_out", conv3x3(block_in, c.out_ch));
}

torch::Tensor Decoder::forward(const torch::Tensor& z) {
  auto h = run_mid(mid_, conv_in_->forward(z));
  for (auto it = up_.rbegin(); it != up_.rend(); ++it) {
    for (size_t j = 0; j < it->blocks.size(); ++j) h = run_block(*it, j, h);
    if (it->upsample) h = it->upsample->forward(h);
  }
  return conv_out_->forward(silu_fresh(group_norm32(norm_out_, h)));
}

void Decoder::set_attention_chunk_bytes(int64_t bytes) { set_chunk_bytes(mid_, up_, bytes); }

}  // namespace rsd::engine::ldm
