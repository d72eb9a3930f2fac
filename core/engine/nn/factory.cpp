// Builds the networks from the official YAML params given as JSON.
#include "engine/nn/factory.h"

#include <c10/util/Exception.h>
#include <nlohmann/json.hpp>

#include <new>

#include "engine/nn/config.h"
#include "engine/nn/pixel_unshuffle_codec.h"
#include "engine/nn/unet_swin.h"
#include "engine/nn/vq_autoencoder.h"

namespace rsd::engine {
namespace {

// Construction only allocates and checks invariants; turn what LibTorch throws into errors.
template <class F>
auto guarded(const char* what, F&& build) -> decltype(build()) {
  try {
    return build();
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, std::string("out of memory while building the ") + what);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), what);
  }
}

}  // namespace

Result<std::shared_ptr<UNetModelSwin>> make_unet(const nlohmann::json& params, int noise_channels) {
  if (noise_channels < 0)
    return Error(ErrorCode::InvalidArgument, "noise_channels must be >= 0", "UNet");
  auto cfg = parse_unet_config(params);
  if (!cfg) return cfg.error();
  return guarded("UNet", [&]() -> Result<std::shared_ptr<UNetModelSwin>> {
    return std::make_shared<UNetModelSwin>(cfg.value(), noise_channels);
  });
}

Result<std::shared_ptr<Codec>> make_codec(const std::string& type, const nlohmann::json& params,
                                          int factor) {
  if (type == "pixel_unshuffle") {
    if (factor == 0) factor = 4;
    if (factor < 1 || factor > 64)
      return Error(ErrorCode::InvalidArgument, "factor must be in [1, 64]", "pixel_unshuffle codec");
    return std::shared_ptr<Codec>(std::make_shared<PixelUnshuffleCodec>(factor));
  }
  if (type == "vq") {
    auto cfg = parse_vq_config(params);
    if (!cfg) return cfg.error();
    if (factor != 0 && factor != cfg->downsample_factor())
      return Error(ErrorCode::InvalidArgument,
                   "factor " + std::to_string(factor) + " does not match the autoencoder's " +
                       std::to_string(cfg->downsample_factor()),
                   "VQ codec");
    return guarded("VQ autoencoder", [&]() -> Result<std::shared_ptr<Codec>> {
      return std::shared_ptr<Codec>(std::make_shared<VQModelTorch>(cfg.value()));
    });
  }
  return Error(ErrorCode::InvalidArgument, "unknown codec type '" + type + "' (use vq or pixel_unshuffle)",
               "codec");
}

}  // namespace rsd::engine
