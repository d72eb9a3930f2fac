// ResShift teacher training (ResShift trainer.py TrainerDifIR, models/gaussian_diffusion.py
// training_losses): uniform t, x_t = q_sample(z0, z_y, t), the network sees x_t scaled by
// normalize_input plus the LR image and predicts z0; loss = MSE over C, H, W, no weighting.
// AdamW with linear warm-up and optional cosine decay, gradient clipping, EMA, atomic
// checkpoints with exact resume, validation PSNR, export of the EMA weights with a model card.
//
// Threading: one trainer per thread. Error contract: Result/Status; LibTorch exceptions are
// converted at the public methods.
#pragma once

#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "base/error.h"
#include "base/job_context.h"
#include "engine/diffusion/sampler.h"
#include "engine/model_card.h"
#include "engine/nn/codec.h"
#include "engine/nn/unet_swin.h"
#include "engine/train/ema.h"
#include "engine/train/loop_data.h"
#include "engine/train/loop_validation.h"
#include "engine/train/train_config.h"

namespace torch::optim {
class AdamW;
}

namespace rsd::engine::train {

// The ResShift x0 objective for a batch: mean over the batch of the per-sample MSE (over C, H,
// W) between net(scale(x_t), t, lq) and x0, with x_t = q_sample(x0, zy, t, noise).
torch::Tensor resshift_loss(Denoiser& net, const ResShiftSampler& diffusion, const torch::Tensor& x0,
                            const torch::Tensor& zy, const torch::Tensor& lq, const torch::Tensor& t,
                            const torch::Tensor& noise);

class TeacherTrainer {
 public:
  // Builds the networks from the card (weights per config.init), opens config.data and, with
  // `resume`, continues from the newest checkpoint in config.out. Without `resume`, an out
  // folder that already holds checkpoints is an error (nothing is overwritten by accident).
  static Result<std::unique_ptr<TeacherTrainer>> create(const ModelCard& card,
                                                        const TrainConfig& config, bool resume,
                                                        const JobContext& ctx = {});
  ~TeacherTrainer();

  // One optimizer step on a fresh batch; returns its loss.
  Result<double> train_step();
  int steps_done() const { return step_; }

  // Validation of the EMA weights (one-step and T-step sampling).
  Result<ValidationResult> validate();
  Result<std::filesystem::path> save_checkpoint();
  // <out>/<card name>.safetensors (EMA) + <out>/<card name>.json.
  Status export_model();
  // Trains until config.steps with logging, validation and checkpoints, then exports.
  Status run(const JobContext& ctx);

  UNetModelSwin& model() { return *model_; }
  const Ema& ema() const { return *ema_; }
  const TrainConfig& config() const { return config_; }

 private:
  TeacherTrainer() = default;
  Status resume_from(const std::filesystem::path& folder);

  ModelCard card_;
  TrainConfig config_;
  torch::Device device_{torch::kCPU};
  std::shared_ptr<UNetModelSwin> model_, ema_model_;
  std::shared_ptr<Codec> codec_;
  std::unique_ptr<torch::optim::AdamW> optimizer_;
  std::unique_ptr<Ema> ema_;
  std::unique_ptr<BatchSource> data_;
  std::optional<ResShiftSampler> diffusion_;
  at::Generator gen_;
  TrainingBatch val_;
  int step_ = 0;
  double wall_seconds_ = 0.0;       // training time of earlier runs of this job (resume)
  ValidationResult last_val_;
};

}  // namespace rsd::engine::train
