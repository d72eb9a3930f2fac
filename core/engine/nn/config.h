// Network configs read from JSON mirroring the official YAML `params` blocks
// (zsyOAOA/ResShift configs/realsr_swinunet_realesrgan256.yaml: model.params, autoencoder.params).
//
// Keys and defaults follow the Python constructors (models/unet.py UNetModelSwin,
// ldm/models/autoencoder.py VQModelTorch, ldm/modules/diffusionmodules/model.py Encoder/Decoder).
// Unknown keys are ignored (the Python constructors swallow them too); a key of the wrong type or
// a value the network cannot be built from is an InvalidArgument error naming the key.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <vector>

#include "base/error.h"

namespace rsd::engine {

struct UNetConfig {
  // Required keys.
  int image_size = 0;      // latent resolution the Swin layers are built for (masks, windows)
  int in_channels = 0;     // latent channels (ResShift) or latent + lq channels (SinSR / RSD)
  int model_channels = 0;
  int out_channels = 0;
  std::vector<int> num_res_blocks;         // a scalar in the YAML is expanded per level
  std::vector<int> attention_resolutions;  // resolutions (not factors) that get a Swin layer
  // Optional keys with the defaults of UNetModelSwin.__init__.
  double dropout = 0.0;
  std::vector<int> channel_mult = {1, 2, 4, 8};
  bool conv_resample = true;
  int dims = 2;
  bool use_fp16 = false;  // accepted for compatibility; precision is chosen by the caller
  int num_heads = 1;
  int num_head_channels = -1;
  bool use_scale_shift_norm = false;
  bool resblock_updown = false;
  int swin_depth = 2;
  int swin_embed_dim = 96;
  int window_size = 8;
  double mlp_ratio = 2.0;
  bool patch_norm = false;
  bool cond_lq = true;
  bool cond_mask = false;
  int lq_size = 256;
  // Project extension for pixel-space latents (not in the official configs; 0 = off): the network
  // output is a residual on pixel_unshuffle(bicubic_up(lq, f), f), i.e. x0 = out + that. Needs
  // cond_lq, lq at the latent resolution and out_channels == 3 f^2. The x0 objective is unchanged;
  // a small network then starts at the bicubic upscale instead of having to learn it.
  int lq_residual_factor = 0;

  // Swin heads: num_heads, or swin_embed_dim / num_head_channels when the latter is set.
  int swin_heads() const;
  // Number of stride-2 stages of the lq feature extractor (0: lq is concatenated as is).
  int lq_downsamples() const;
  // Channels the lq branch contributes to the first conv (0 without cond_lq).
  int lq_channels() const;
  // Input channels of input_blocks.0.0: latent + lq (+ mask) + extra noise channels (last).
  // ResShift's YAML gives the latent channels only (3) and the network adds the lq channels;
  // SinSR / RSD YAMLs already count them (6). Both give 6 (+ noise) here.
  int first_conv_in_channels(int noise_channels) const;
};

struct DDConfig {  // ldm Encoder / Decoder
  bool double_z = true;
  int z_channels = 0;
  int resolution = 0;
  int in_channels = 0;
  int out_ch = 0;
  int ch = 0;
  std::vector<int> ch_mult = {1, 2, 4, 8};
  std::vector<int> num_res_blocks;
  std::vector<int> attn_resolutions;
  double dropout = 0.0;
  bool resamp_with_conv = true;
};

struct VQConfig {  // VQModelTorch
  int embed_dim = 0;
  int n_embed = 0;
  DDConfig ddconfig;

  int downsample_factor() const { return 1 << (static_cast<int>(ddconfig.ch_mult.size()) - 1); }
};

Result<UNetConfig> parse_unet_config(const nlohmann::json& params);
Result<VQConfig> parse_vq_config(const nlohmann::json& params);

}  // namespace rsd::engine
