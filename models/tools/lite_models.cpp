#include "lite_models.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/weights/safetensors.h"

namespace rsd::models {

nlohmann::json lite_unet_params() {
  // Two levels (latent 64 -> 32), Swin at both, 32 base channels: ~0.4 M parameters.
  return {{"image_size", 64},
          {"in_channels", 48},
          {"model_channels", 32},
          {"out_channels", 48},
          {"attention_resolutions", {64, 32}},
          {"dropout", 0},
          {"channel_mult", {1, 2}},
          {"num_res_blocks", {1, 1}},
          {"conv_resample", true},
          {"dims", 2},
          {"use_fp16", false},
          {"num_head_channels", 32},
          {"use_scale_shift_norm", true},
          {"resblock_updown", false},
          {"swin_depth", 2},
          {"swin_embed_dim", 32},
          {"window_size", 8},
          {"mlp_ratio", 2},
          {"cond_lq", true},
          {"lq_size", 64},
          {"lq_residual_factor", 4}};
}

Status write_random_unet(const nlohmann::json& params, int noise_channels, uint64_t seed,
                         const std::string& path) {
  at::manual_seed(seed);
  auto unet = engine::make_unet(params, noise_channels);
  if (!unet.ok()) return unet.error();
  // Parameters only: the Swin masks and relative position indices are derived from the config
  // and recomputed by the network (they would be a third of the file). float16 halves the rest;
  // the precision of a random initialisation does not matter.
  engine::StateDict sd;
  for (const auto& p : (*unet)->named_parameters()) sd[p.key()] = p.value().detach().clone();
  engine::WeightsMetadata meta{{"format", "pt"},
                               {"note", "random initialisation (untrained), seed " + std::to_string(seed)}};
  engine::SafetensorsWriteOptions options;
  options.float_dtype = at::kHalf;
  return engine::write_safetensors(path, sd, meta, options);
}

}  // namespace rsd::models
