// A model card's networks built, loaded and placed on a device, with the sampler that runs them:
// what engine::Upscaler and the benchmarks (app/bench) share. Includes LibTorch: only for the
// few translation units that run the networks themselves; everything else uses upscaler.h.
#pragma once

#include <ATen/ATen.h>

#include <memory>
#include <string>

#include "base/error.h"
#include "engine/diffusion/sampler.h"
#include "engine/diffusion/tiled_runner.h"
#include "engine/model_card.h"
#include "engine/nn/codec.h"
#include "engine/nn/unet_swin.h"
#include "engine/runtime.h"

namespace rsd::engine {

enum class MissingWeights {
  Refuse,  // a missing file is an error naming it (the app and the CLI)
  Random,  // keep the random initialisation and say so (benchmarks of unreleased layouts)
};

struct LoadedModel {
  ModelCard card;
  DeviceKind device = DeviceKind::Cpu;  // resolved: never Auto
  std::shared_ptr<UNetModelSwin> unet;
  std::shared_ptr<Codec> codec;
  std::unique_ptr<ResShiftSampler> sampler;
  Schedule schedule;  // the card's full schedule (the sampler's may be respaced: set_steps)
  bool random_weights = false;  // some weights were missing and left random (MissingWeights::Random)
  Precision precision = Precision::Fp32;  // resolved: what the weights and activations are now

  // Casts the network's and codec's weights to the precision's dtype and makes the sampler run
  // them in it (the sampler's own state stays float32). `requested` may be Auto; fp16 on a CPU
  // is refused. Nothing changes on error.
  Status set_precision(Precision requested);
  // Teachers: sample with `steps` of the card's timesteps (Schedule::respaced; 0 = all of them).
  // Students take one step: anything but 0 or 1 is refused. Nothing changes on error.
  Status set_steps(int steps);

  at::Device torch_device() const;
  // Network evaluations per upscale: 1 for a student, the schedule's steps for a teacher.
  int network_calls() const;
  // Tiling for this model: tiles padded to the sampler's multiple, the tile memory model of its
  // network and codec in the current precision, the budget from the free memory bounded by
  // limit_bytes (<= 0: automatic; see memory_budget.h). tile, overlap, batch and seed keep their
  // defaults for the caller to set.
  TilingOptions tiling(int64_t limit_bytes) const;
  // One sampler pass over a batch of LR tiles, each with its own noise seed, for run_tiled().
  // Refers to this model: keep it alive while the function is used.
  TileFunction tile_function() const;
};

// Builds the card's network and codec, checks that they fit together (the codec's factor is
// diffusion.sf, the latent channels agree), loads the weights (SHA-256 checked when the card has
// one), moves them to `device` in eval mode and makes the sampler (latent sides padded to the
// UNet's window grid, and for VQ codecs also to 64 LR pixels, as the official pipeline pads).
Result<LoadedModel> load_model(const ModelCard& card, DeviceKind device,
                               MissingWeights missing = MissingWeights::Refuse);

// Casts the floating-point parameters and buffers of `module` to dtype. (Module::to(dtype) in
// C++ casts every tensor, integer buffers too: the Swin layers' relative position indices.)
void cast_floating(torch::nn::Module& module, at::ScalarType dtype);

// The dtype of a concrete precision (Fp32, Fp16, Bf16; Auto must be resolved first).
at::ScalarType precision_dtype(Precision precision);

}  // namespace rsd::engine
