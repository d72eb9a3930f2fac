// The small random-weight "lite" models: their network parameters, and a deterministic way to
// initialise and save them. Shared by the generator and by tests that need a tiny real UNet.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "base/error.h"

namespace rsd::models {

// UNetModelSwin params of the lite models (pixel_unshuffle x4 latent: 48 channels).
nlohmann::json lite_unet_params();

// Builds the UNet with `noise_channels`, initialises it from `seed` (LibTorch's default init
// drawn from a seeded generator) and writes its parameters to `path` as .safetensors (float16;
// derived Swin buffers are left out, the network computes them).
Status write_random_unet(const nlohmann::json& params, int noise_channels, uint64_t seed,
                         const std::string& path);

}  // namespace rsd::models
