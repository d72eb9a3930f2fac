// BenchModel: a model card's networks (denoiser, codec, sampler) loaded and tiled exactly as
// engine::Upscaler does (engine::load_model, LoadedModel::tiling), but run on tensors the
// benchmark makes itself, and with freshly initialised weights when the card's weights are
// absent (speed does not depend on the weight values). Torch-free header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/error.h"
#include "engine/diffusion/tile_planner.h"
#include "engine/model_card.h"
#include "engine/runtime.h"

namespace rsd::bench {

struct RunSettings {
  std::string precision = "fp32";  // auto | fp32 | fp16 | bf16 (engine::Precision; fp16 CUDA-only)
  int tile = 0;                    // LR tile side; 0 = automatic, as in the app
  int tiles_per_batch = 0;         // 0 = automatic from free memory
  int tile_overlap = engine::kDefaultTileOverlap;
  uint64_t seed = 12345;
};

struct RunResult {
  double seconds = 0;     // wall time of the whole upscale (input on the device -> output on host)
  int out_width = 0;
  int out_height = 0;
  int tile = 0;           // LR tile side used (the longer side)
  int tile_width = 0, tile_height = 0;
  int64_t network_pixels = 0;  // padded LR pixels through the network (overlap, padding included)
  int tiles_per_batch = 0;
  int tile_count = 0;
  int64_t cuda_peak_bytes = -1;  // torch's peak allocated CUDA memory during the run; -1 unknown
};

// Multiply-add work of one upscale, counted per component (FLOPs = 2 x multiply-adds).
struct FlopCount {
  double denoiser = 0;  // one network call
  double encode = 0;
  double decode = 0;
  int steps = 1;        // network calls per upscale (1 for a student, T for a teacher)
  int out_pixels = 0;   // output pixels of the counted upscale
  double total() const { return encode + decode + steps * denoiser; }
  double per_output_pixel() const { return out_pixels > 0 ? total() / out_pixels : 0; }
};

class BenchModel {
 public:
  // allow_random: when the card's weights file is missing, keep the random initialisation
  // instead of failing. Weights that exist are always loaded (checked strictly).
  static Result<std::unique_ptr<BenchModel>> create(const engine::ModelCard& card,
                                                    engine::DeviceKind device, bool allow_random);
  ~BenchModel();

  const engine::ModelCard& card() const;
  bool random_weights() const;
  bool on_cuda() const;
  int network_calls() const;     // 1 for a student, T for a teacher
  std::string precision() const;  // what the weights are in now: fp32, fp16 or bf16
  // Casts the weights (auto | fp32 | fp16 | bf16, engine::LoadedModel::set_precision).
  Status set_precision(const std::string& precision);
  int64_t parameter_count() const;  // denoiser + codec

  // Upscales a seeded random LR image of lr_width x lr_height.
  Result<RunResult> run_random(int lr_width, int lr_height, const RunSettings& settings);
  // Counts the convolution / matrix-product FLOPs of one upscale of an lr_side^2 input by
  // observing the operators LibTorch runs (see flop_counter.h).
  Result<FlopCount> count_flops(int lr_side);
  // Median wall time of one denoiser call on the latent of an lr_side^2 input (no grad, the
  // inference path), after `warmups` untimed calls.
  Result<double> time_denoiser(int lr_side, int warmups, int runs);

 private:
  struct Impl;
  explicit BenchModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rsd::bench
