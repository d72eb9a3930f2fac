// Autoencoder Encoder / Decoder (zsyOAOA/ResShift ldm/modules/diffusionmodules/model.py Encoder, Decoder).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include <memory>
#include <vector>

#include "engine/nn/config.h"

namespace rsd::engine::ldm {

class ResnetBlock;
class AttnBlock;
class Downsample;
class Upsample;

// One resolution level: keys block.{i}, attn.{i}, downsample / upsample.
struct Level {
  std::vector<std::shared_ptr<ResnetBlock>> blocks;
  std::vector<std::shared_ptr<AttnBlock>> attns;  // empty, or one per block
  std::shared_ptr<Downsample> downsample;
  std::shared_ptr<Upsample> upsample;
};

// The mid stage shared by both: keys mid.block_1, mid.attn_1, mid.block_2.
struct Mid {
  std::shared_ptr<ResnetBlock> block_1, block_2;
  std::shared_ptr<AttnBlock> attn_1;
};

// Keys: conv_in, down.{level}.*, mid.*, norm_out, conv_out.
class Encoder : public torch::nn::Module {
 public:
  explicit Encoder(const DDConfig& c);
  torch::Tensor forward(const torch::Tensor& x);  // [N, in, H, W] -> [N, z, H/f, W/f]
  void set_attention_chunk_bytes(int64_t bytes);

 private:
  torch::nn::Conv2d conv_in_{nullptr}, conv_out_{nullptr};
  std::vector<Level> down_;
  Mid mid_;
  torch::nn::GroupNorm norm_out_{nullptr};
};

// Keys: conv_in, mid.*, up.{level}.* (level 0 = full resolution), norm_out, conv_out.
class Decoder : public torch::nn::Module {
 public:
  explicit Decoder(const DDConfig& c);
  torch::Tensor forward(const torch::Tensor& z);  // [N, z, h, w] -> [N, out_ch, h*f, w*f]
  void set_attention_chunk_bytes(int64_t bytes);

 private:
  torch::nn::Conv2d conv_in_{nullptr}, conv_out_{nullptr};
  std::vector<Level> up_;
  Mid mid_;
  torch::nn::GroupNorm norm_out_{nullptr};
};

}  // namespace rsd::engine::ldm
