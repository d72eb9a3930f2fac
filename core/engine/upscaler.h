// Upscaler: a loaded model (denoiser + codec + schedule) behind a torch-free interface.
// The one-step RSD/SinSR student and the T-step ResShift teacher share it; the card's role picks
// the sampler. Handles any image size by tiling.
//
// Threading: create and use on one thread (the inference worker); not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/image_upscaler.h"
#include "engine/diffusion/tile_planner.h"
#include "engine/model_card.h"
#include "engine/runtime.h"

namespace rsd::engine {

struct UpscaleOptions {
  // Teacher sampling steps, 1 to the card's: that many of its timesteps, evenly spaced
  // (Schedule::respaced); 0 = all. A student takes 0 or 1.
  int steps = 0;
  uint64_t seed = 12345;         // the official sampler's default seed
  int tile = 0;                  // LR side of square tiles in pixels; 0 = planned to fit the image
  int tile_overlap = kDefaultTileOverlap;  // LR pixels shared by neighbouring tiles, cross-faded
  int tiles_per_batch = 0;       // 0 = automatic from free memory
  // auto | fp32 | fp16 | bf16: the dtype of the weights and activations (runtime.h: Precision;
  // auto = bf16 or fp16 on CUDA, bf16 on CPUs with native bf16, else fp32; fp16 is CUDA-only).
  std::string precision = "auto";
  int64_t max_memory_mb = 0;     // bound on working memory used to pick the tile size; 0 = auto
  int threads = 0;               // LibTorch CPU threads; 0 = keep, or all cores if it is still 1
  // Samples drawn per upscale (seeds base/sample_set.h: sample_seed) and their blend: output =
  // (1 - detail) x mean + detail x the first sample. 1 and 1 give the ordinary output.
  int samples = 1;
  double detail = 1.0;
};

class Upscaler final : public ImageUpscaler {
 public:
  // Loads networks and weights named by the card (weights checked strictly).
  static Result<std::unique_ptr<Upscaler>> create(const ModelCard& card, DeviceKind device,
                                                  UpscaleOptions options = {});
  ~Upscaler() override;

  Result<ImageF> upscale(const ImageF& rgb, const JobContext& ctx) override;
  // One run of the whole tiled upscale with seed sample_seed(options().seed, k) (tile i of it:
  // that + i), so every sample is seamless and a seed gives the same set. Where tiles overlap, a
  // sample is a cross-fade of independently seeded tiles, whose spread is smaller:
  // upscale_samples() divides the spread by the square root of the tiler's blend factor there,
  // so it is the spread of one tile's samples everywhere and shows no tile grid.
  Result<ImageF> upscale_sample(const ImageF& rgb, int k, const JobContext& ctx,
                                ImageF* blend_factor = nullptr) override;
  Sampling sampling() const override;
  void set_sampling(const Sampling& sampling) override;
  int scale() const override;
  std::string model_name() const override;
  std::string device_name() const override;
  // The precision the networks run in now (resolved: never Auto), as "fp32", "fp16" or "bf16".
  std::string precision_name() const;

  const ModelCard& card() const;
  UpscaleOptions& options();

 private:
  struct Impl;
  explicit Upscaler(std::unique_ptr<Impl> impl);
  // One tiled run; blend_factor (optional) receives the tiler's, as a 1-channel image.
  Result<ImageF> upscale_once(const ImageF& rgb, uint64_t seed, const JobContext& ctx,
                              ImageF* blend_factor = nullptr);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rsd::engine
