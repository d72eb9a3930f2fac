// Builds the networks from the official YAML params given as JSON.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

#include "base/error.h"

namespace rsd::engine {

class UNetModelSwin;
class Codec;

// model.params -> UNetModelSwin with `noise_channels` extra input channels (RSD student: 1).
// Freshly initialised weights; load a checkpoint afterwards. Bad params -> InvalidArgument.
Result<std::shared_ptr<UNetModelSwin>> make_unet(const nlohmann::json& params, int noise_channels);

// type "vq": autoencoder.params -> VQModelTorch (factor must be 0 or match the config);
// type "pixel_unshuffle": parameter-free space-to-depth by `factor` (0 means 4; params ignored).
Result<std::shared_ptr<Codec>> make_codec(const std::string& type, const nlohmann::json& params,
                                          int factor);

}  // namespace rsd::engine
