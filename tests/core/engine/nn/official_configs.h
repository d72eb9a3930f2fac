// The official network params (zsyOAOA/ResShift configs/realsr_swinunet_realesrgan256.yaml,
// model.params and autoencoder.params) as JSON, plus a small UNet for fast forward tests.
#pragma once

#include <nlohmann/json.hpp>

namespace rsd::engine::testing {

inline nlohmann::json resshift_unet_params() {
  return nlohmann::json::parse(R"({
    "image_size": 64, "in_channels": 3, "model_channels": 160, "out_channels": 3,
    "attention_resolutions": [64, 32, 16, 8], "dropout": 0, "channel_mult": [1, 2, 2, 4],
    "num_res_blocks": [2, 2, 2, 2], "conv_resample": true, "dims": 2, "use_fp16": false,
    "num_head_channels": 32, "use_scale_shift_norm": true, "resblock_updown": false,
    "swin_depth": 2, "swin_embed_dim": 192, "window_size": 8, "mlp_ratio": 4,
    "cond_lq": true, "lq_size": 64 })");
}

inline nlohmann::json vq_f4_params() {
  return nlohmann::json::parse(R"({
    "embed_dim": 3, "n_embed": 8192,
    "ddconfig": { "double_z": false, "z_channels": 3, "resolution": 256, "in_channels": 3,
                  "out_ch": 3, "ch": 128, "ch_mult": [1, 2, 4], "num_res_blocks": 2,
                  "attn_resolutions": [], "dropout": 0.0, "padding_mode": "zeros" } })");
}

// Two levels (64 and 32), Swin at both, two heads of 16 channels.
inline nlohmann::json small_unet_params() {
  return nlohmann::json::parse(R"({
    "image_size": 64, "in_channels": 3, "model_channels": 32, "out_channels": 3,
    "attention_resolutions": [64, 32], "channel_mult": [1, 2], "num_res_blocks": [1, 1],
    "num_head_channels": 16, "use_scale_shift_norm": true, "swin_depth": 2,
    "swin_embed_dim": 32, "window_size": 8, "mlp_ratio": 2, "cond_lq": true, "lq_size": 64 })");
}

}  // namespace rsd::engine::testing
