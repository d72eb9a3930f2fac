// Swin layers of the ResShift UNet (zsyOAOA/ResShift models/swin_transformer.py).
//
// Channel-first variant: GroupNorm32 instead of LayerNorm, 1x1-conv MLP, patch size 1, and no
// residual around the whole BasicLayer. The shifted-window mask follows the reference
// calculate_mask exactly, which is not the textbook Swin mask (see calculate_swin_mask).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rsd::engine {

// The reference shifted-window mask for an H x W map: [nW, ws*ws, ws*ws] float, 0 or -100.
// The reference labels rows of the map (it indexes a (1,1,H,W) tensor as (1,H,W,1)) and then
// reads each window transposed, so: windows outside the last window-row are unmasked, and inside
// the last window-row tokens attend only to tokens on the same side of in-window column
// ws - shift. With shift 0 the mask is all zeros.
torch::Tensor calculate_swin_mask(int64_t height, int64_t width, int64_t window, int64_t shift);

// Standard Swin relative position index [ws*ws, ws*ws] (int64): (dr + ws-1) * (2ws-1) + dc + ws-1.
torch::Tensor relative_position_index(int64_t window);

// Keys: relative_position_bias_table [(2ws-1)^2, heads], relative_position_index (buffer),
// qkv (Linear C -> 3C), proj (Linear C -> C).
class WindowAttention : public torch::nn::Module {
 public:
  WindowAttention(int64_t dim, int64_t window, int64_t heads);
  // x: [B, C, H, W] (normalised, already cyclically shifted); mask: [nW, N, N] or undefined.
  // Returns proj(attention) as [B, C, H, W] in the same (shifted) frame.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask);

 private:
  int64_t dim_, window_, heads_;
  torch::Tensor table_, index_;
  torch::nn::Linear qkv_{nullptr}, proj_{nullptr};
};

struct SwinOptions {
  int64_t dim = 0;         // embed_dim
  int64_t heads = 1;
  int64_t window = 8;
  int64_t shift = 0;       // requested shift; forced to 0 when resolution <= window
  int64_t resolution = 0;  // construction-time (square) map size
  double mlp_ratio = 4.0;
  double drop = 0.0;
};

// Keys: norm1, attn.*, norm2, mlp.fc1, mlp.fc2, attn_mask (buffer, only when shift > 0).
class SwinTransformerBlock : public torch::nn::Module {
 public:
  explicit SwinTransformerBlock(SwinOptions o);
  torch::Tensor forward(const torch::Tensor& x);  // [B, C, H, W] -> same
  int64_t window() const { return o_.window; }
  int64_t shift() const { return o_.shift; }
  // The mask the reference builds at construction (undefined when shift == 0).
  torch::Tensor construction_mask() const;

 private:
  torch::Tensor mask_for(int64_t h, int64_t w, const torch::Tensor& like);

  SwinOptions o_;
  torch::nn::GroupNorm norm1_{nullptr}, norm2_{nullptr};
  std::shared_ptr<WindowAttention> attn_;
  torch::nn::Conv2d fc1_{nullptr}, fc2_{nullptr};
  torch::Tensor attn_mask_;
  torch::Tensor cached_mask_;  // for runtime sizes other than the construction size
  int64_t cached_h_ = 0, cached_w_ = 0;
};

struct BasicLayerOptions {
  int64_t in_chans = 0;
  int64_t embed_dim = 96;
  int64_t heads = 1;
  int64_t window = 8;
  int64_t depth = 2;
  int64_t img_size = 64;
  double mlp_ratio = 4.0;
  double drop = 0.0;
  bool patch_norm = false;
};

// Keys: patch_embed.proj (1x1 conv in -> embed) [.norm], blocks.{i}.*, patch_unembed.proj
// (1x1 conv embed -> in) [.norm]. Block i shifts by window/2 when i is odd.
class BasicLayer : public torch::nn::Module {
 public:
  explicit BasicLayer(const BasicLayerOptions& o);
  torch::Tensor forward(const torch::Tensor& x);  // [B, in, H, W] -> [B, in, H, W]
  // Buffers computed by the code (relative_position_index, attn_mask), keyed `prefix + name`.
  void derived_buffers(const std::string& prefix, std::map<std::string, torch::Tensor>& out) const;
  const std::vector<std::shared_ptr<SwinTransformerBlock>>& blocks() const { return blocks_; }

 private:
  torch::nn::Conv2d embed_{nullptr}, unembed_{nullptr};
  torch::nn::GroupNorm embed_norm_{nullptr}, unembed_norm_{nullptr};
  std::vector<std::shared_ptr<SwinTransformerBlock>> blocks_;
};

}  // namespace rsd::engine
