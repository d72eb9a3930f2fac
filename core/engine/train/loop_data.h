// Training batches: HR patches from the patch dataset, degraded to LR and encoded to the latents
// the ResShift objective needs (ResShift trainer.py TrainerDifIR.prepare_data / training_step:
// y = bicubic x sf of the LR image as the sampler does, z0 = Enc(HR), z_y = Enc(y)).
//
// Every random decision (patch indices, flips, degradation seed) is drawn from the caller's
// generator, so one generator state reproduces the batch (exact resume).
// Threading: one BatchSource per training thread.
#pragma once

#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "engine/nn/codec.h"
#include "engine/train/patch_dataset.h"
#include "engine/train/train_config.h"

namespace rsd::engine::train {

class RealEsrganDegradation;

struct TrainingBatch {
  torch::Tensor hr;  // [N, 3, H, W] in [-1, 1]
  torch::Tensor lq;  // [N, 3, H/sf, W/sf] in [-1, 1]
  torch::Tensor z0;  // Enc(hr) * latent_scale
  torch::Tensor zy;  // Enc(bicubic_sf(lq)) * latent_scale
};

class BatchSource {
 public:
  // Opens the dataset; fails when it has no training patches or its patch size is not a
  // multiple of sf.
  static Result<std::unique_ptr<BatchSource>> open(const std::string& path, const TrainConfig& config,
                                                   int sf);
  ~BatchSource();

  const PatchDatasetReader& dataset() const { return *reader_; }
  std::int64_t train_count() const { return static_cast<std::int64_t>(train_.size()); }
  std::int64_t validation_count() const { return static_cast<std::int64_t>(val_.size()); }

  // A random training batch of config.batch_size patches on `device` (latents without grad).
  Result<TrainingBatch> next(at::Generator& gen, Codec& codec, double latent_scale,
                             const torch::Device& device);
  // hr and lq of the first `count` held-out patches (fewer if the split is smaller), degraded
  // with a fixed seed so every validation sees the same pairs. No latents.
  Result<TrainingBatch> validation(int count, const torch::Device& device);

  // LR in [0, 1] from HR in [0, 1] with the configured degradation (seeded by `seed`).
  torch::Tensor degrade(const torch::Tensor& hr01, std::uint64_t seed) const;

 private:
  BatchSource() = default;

  TrainConfig config_;
  int sf_ = 4;
  std::unique_ptr<PatchDatasetReader> reader_;
  std::unique_ptr<RealEsrganDegradation> realesrgan_;
  std::vector<std::int64_t> train_, val_;
};

// Latents of an image batch in [-1, 1]: codec.encode(img) * latent_scale, without grad.
torch::Tensor encode_latent(Codec& codec, const torch::Tensor& img, double latent_scale);

}  // namespace rsd::engine::train
