#include "engine/loaded_model.h"

#include <torch/nn/module.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "engine/diffusion/memory_budget.h"
#include "engine/diffusion/noise_source.h"
#include "engine/nn/factory.h"
#include "engine/weights/sha256.h"
#include "engine/weights/state_dict_loader.h"

namespace rsd::engine {
namespace {

// Checks the file's SHA-256 when one is given, then loads it strictly into `module`. A missing
// file is an error, or, with MissingWeights::Random, leaves the module as initialised.
Status load_checked(torch::nn::Module& module, const std::filesystem::path& file,
                    const std::string& sha256, MissingWeights missing, bool& random) {
  const std::string where = file.string();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (missing == MissingWeights::Random) {
      random = true;
      return {};
    }
    return Error(ErrorCode::NotFound,
                 "weights file not found (official weights: run models/download_official.sh)",
                 where);
  }
  if (!sha256.empty()) {
    auto digest = sha256_file(where);
    if (!digest.ok()) return digest.error();
    if (*digest != sha256)
      return Error(ErrorCode::Model,
                   "SHA-256 mismatch: the card expects " + sha256 + ", the file has " + *digest,
                   where);
  }
  auto weights = load_weights(where);
  if (!weights.ok()) return weights.error().within(where);
  auto st = load_into(module, *weights);
  if (!st.ok()) return st.error().within(where);
  return {};
}

// Latent sides must be multiples of window * 2^(levels-1) for the UNet's windows. The official
// (VQ-f4) pipeline pads to 64 LR pixels, so its cards use both; a pixel-unshuffle card pads only
// what its windows need (16 LR pixels for the lite models), so less padding is computed for
// nothing: a 288 x 216 LR photo runs as 288 x 224, not 320 x 256 (29 % fewer pixels).
int padding_offset(const UNetConfig& c, bool vq_codec) {
  const int need = std::max(1, c.window_size * (1 << (static_cast<int>(c.channel_mult.size()) - 1)));
  return vq_codec ? std::lcm(64, need) : need;
}

}  // namespace

void cast_floating(torch::nn::Module& module, at::ScalarType dtype) {
  for (auto& p : module.parameters(true))
    if (p.is_floating_point()) p.set_data(p.to(dtype));
  for (auto& b : module.buffers(true))
    if (b.is_floating_point()) b.set_data(b.to(dtype));
}

at::Device LoadedModel::torch_device() const {
  return device == DeviceKind::Cuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
}

int LoadedModel::network_calls() const { return card.is_student() ? 1 : sampler->schedule().steps; }

TilingOptions LoadedModel::tiling(int64_t limit_bytes) const {
  const bool half = precision != Precision::Fp32;
  TilingOptions to;
  to.scale = card.diffusion.sf;
  to.multiple = sampler->config().padding_offset;
  to.budget_bytes = tile_memory_budget(device == DeviceKind::Cuda, limit_bytes);
  to.cost = estimate_tile_cost(unet->config().model_channels, codec->module() != nullptr,
                               card.diffusion.sf, half ? 2 : 4);
  return to;
}

TileFunction LoadedModel::tile_function() const {
  return [this](const at::Tensor& batch, const std::vector<uint64_t>& seeds, const JobContext& ctx) {
    NoiseSource noise(seeds);
    return sampler->upscale(*unet, *codec, batch, noise, ctx);
  };
}

Result<LoadedModel> load_model(const ModelCard& card, DeviceKind device, MissingWeights missing) {
  LoadedModel m;
  m.card = card;
  auto resolved = resolve_device(device);
  if (!resolved.ok()) return resolved.error();
  m.device = *resolved;

  auto schedule = Schedule::make(card.diffusion);
  if (!schedule.ok()) return schedule.error().within(card.name);
  auto unet = make_unet(card.network, card.noise_channels);
  if (!unet.ok()) return unet.error().within(card.name + ": network");
  auto codec = make_codec(card.codec.type, card.codec.params, card.codec.factor);
  if (!codec.ok()) return codec.error().within(card.name + ": codec");
  m.unet = *unet;
  m.codec = *codec;
  if (m.codec->downsample_factor() != card.diffusion.sf)
    return Error(ErrorCode::Model,
                 "the codec downsamples by " + std::to_string(m.codec->downsample_factor()) +
                     " but diffusion.sf is " + std::to_string(card.diffusion.sf) +
                     " (the latent must have the LR size)",
                 card.name);
  if (m.codec->latent_channels() != m.unet->latent_channels())
    return Error(ErrorCode::Model,
                 "the network works on " + std::to_string(m.unet->latent_channels()) +
                     " latent channels, the codec gives " + std::to_string(m.codec->latent_channels()),
                 card.name);

  auto st = load_checked(*m.unet, card.weights_path(), card.sha256, missing, m.random_weights);
  if (!st.ok()) return st.error();
  if (auto* codec_module = m.codec->module()) {
    st = load_checked(*codec_module, card.codec_weights_path(), card.codec.sha256, missing,
                      m.random_weights);
    if (!st.ok()) return st.error();
  }

  m.unet->eval();
  m.unet->to(m.torch_device());
  if (auto* codec_module = m.codec->module()) {
    codec_module->eval();
    codec_module->to(m.torch_device());
  }

  SamplerConfig sc;
  sc.kind = card.is_student() ? SamplerKind::Student : SamplerKind::Teacher;
  sc.sf = card.diffusion.sf;
  sc.padding_offset = padding_offset(m.unet->config(), m.codec->module() != nullptr);
  sc.latent_scale = card.diffusion.latent_scale;
  m.schedule = *schedule;
  m.sampler = std::make_unique<ResShiftSampler>(*schedule, sc);
  return Result<LoadedModel>(std::move(m));
}

at::ScalarType precision_dtype(Precision precision) {
  switch (precision) {
    case Precision::Fp16: return at::kHalf;
    case Precision::Bf16: return at::kBFloat16;
    default: return at::kFloat;
  }
}

Status LoadedModel::set_steps(int steps) {
  if (card.is_student()) {
    if (steps == 0 || steps == 1) return {};
    return Error(ErrorCode::InvalidArgument,
                 "a one-step student samples in one step (asked for " + std::to_string(steps) + ")",
                 card.name);
  }
  const int want = steps == 0 ? schedule.steps : steps;
  if (want == sampler->schedule().steps) return {};
  auto spaced = schedule.respaced(want);
  if (!spaced.ok()) return spaced.error().within(card.name);
  sampler = std::make_unique<ResShiftSampler>(*spaced, sampler->config());
  return {};
}

Status LoadedModel::set_precision(Precision requested) {
  auto resolved = resolve_precision(requested, device);
  if (!resolved.ok()) return resolved.error().within(card.name);
  if (*resolved == precision) return {};
  const at::ScalarType dtype = precision_dtype(*resolved);
  cast_floating(*unet, dtype);
  if (auto* codec_module = codec->module()) cast_floating(*codec_module, dtype);
  sampler->set_model_dtype(dtype);
  precision = *resolved;
  return {};
}

}  // namespace rsd::engine
