// RSD: residual shifting distillation of a ResShift teacher into a one-step student
// (Selikhanovych et al., arXiv 2503.13358, Algorithm 1 and Eq. 34; RSD trainer.py RSDTrainer).
//
// Networks: teacher f* (frozen, requires_grad false); student G (teacher + one zero-initialised
// noise input channel appended last on input_blocks.0.0.weight, so G == f* at init); fake model
// f_phi (copy of the teacher) with a DiscriminatorHead on its middle-block features.
// One train_step = K fake updates (ResShift x0 loss on student samples + gan_weight * D loss),
// each on a fresh batch, then one student update on a fresh batch:
//   x0_hat = G(z_{t_n}, y, t_n, eps), z_{t_n} ~ q(z_{t_n} | z0, z_y) from real HR latents,
//   t ~ U{0..T-1}, z_t ~ q(z_t | x0_hat, z_y) (no stop-gradient, as Algorithm 1),
//   L = ||f*(z_t) - x0_hat||^2 - ||f_phi(z_t) - x0_hat||^2 (means over C, H, W), divided per
//   sample by mean|f*(z_t) - x0_hat| (detached) + 1e-8 (SiD normalisation: SiD's weight factor
//   is |generated - teacher prediction|), plus gan_weight * softplus(-D(features(x0_hat))).
// The LPIPS term of the paper is left out (no pretrained VGG/AlexNet can be shipped).
//
// Threading: one distiller per thread. Error contract: Result/Status, LibTorch exceptions
// converted at the public methods.
#pragma once

#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "base/error.h"
#include "base/job_context.h"
#include "engine/diffusion/sampler.h"
#include "engine/model_card.h"
#include "engine/nn/codec.h"
#include "engine/nn/unet_swin.h"
#include "engine/train/discriminator.h"
#include "engine/train/ema.h"
#include "engine/train/loop_data.h"
#include "engine/train/loop_validation.h"
#include "engine/train/train_config.h"

namespace torch::optim {
class AdamW;
}

namespace rsd::engine::train {

// The N multistep training timesteps as 0-based indices: t_n = round(n * T / N) - 1 for
// n = 1..N (evenly spaced, the last is T - 1), duplicates removed. T = 15, N = 4 -> {3, 7, 10, 14}
// (paper's 1-based {4, 8, 11, 15}); T = 4, N = 4 -> {0, 1, 2, 3}; N = 1 -> {T - 1}.
std::vector<int> multistep_indices(int steps, int num_steps);

// The student's distillation loss (Eq. 34) on given predictions, averaged over the batch:
//   per sample (mean((f_star - x0_hat)^2) - mean((f_phi - x0_hat)^2)) over C, H, W, divided, when
//   sid_normalization, by mean|f_star - x0_hat| (detached) + 1e-8.
// f_star and f_phi are the teacher's and the fake model's x0 predictions on z_t ~ q(z_t | x0_hat).
// Its gradient in x0_hat (with the predictions held fixed) is 2 (f_phi - f_star) / (C H W) per
// sample: a descent step moves the sample toward the teacher's prediction, away from the fake's.
torch::Tensor rsd_student_loss(const torch::Tensor& f_star, const torch::Tensor& f_phi,
                               const torch::Tensor& x0_hat, bool sid_normalization);

struct DistillLosses {
  double fake = 0.0;     // ResShift x0 loss of the fake model on student samples (last fake step)
  double disc = 0.0;     // discriminator loss (last fake step)
  double student = 0.0;  // Eq. 34 distillation loss (SiD-normalised)
  double gan = 0.0;      // generator GAN loss
  double pixel = 0.0;    // supervised L1 anchor mean|x0_hat - z0|
  double total() const;  // student + gan_weight * gan + pixel_weight * pixel, as optimised
  double gan_weight = 0.0;
  double pixel_weight = 0.0;
};

class RsdDistiller {
 public:
  // teacher_card must carry weights (role teacher, no noise channels). teacher_card_file is
  // recorded in the exported student card. Resume semantics as TeacherTrainer::create.
  static Result<std::unique_ptr<RsdDistiller>> create(const ModelCard& teacher_card,
                                                      const std::filesystem::path& teacher_card_file,
                                                      const TrainConfig& config, bool resume,
                                                      const JobContext& ctx = {});
  ~RsdDistiller();

  Result<DistillLosses> fake_step();     // one fake + discriminator update
  Result<DistillLosses> student_step();  // one student update + EMA (does not count a step)
  // K fake steps then one student step; counts one step.
  Result<DistillLosses> train_step();
  int steps_done() const { return step_; }

  Result<ValidationResult> validate();  // EMA student, one-step sampling
  Result<std::filesystem::path> save_checkpoint();
  // <out>/<teacher name>-rsd.safetensors (EMA student) + .json (role student).
  Status export_model();
  Status run(const JobContext& ctx);

  UNetModelSwin& teacher() { return *teacher_; }
  UNetModelSwin& student() { return *student_; }
  UNetModelSwin& fake() { return *fake_; }
  DiscriminatorHead& discriminator() { return *disc_; }
  const std::vector<int>& timesteps() const { return t_set_; }
  std::string student_name() const { return card_.name + "-rsd"; }

 private:
  RsdDistiller() = default;
  Status resume_from(const std::filesystem::path& folder);
  // x0_hat = G(z_{t_n}) for a batch; t_n drawn from the multistep set.
  torch::Tensor student_sample(const TrainingBatch& batch, bool with_grad);
  // The supervised anchor: mean|x0_hat - z0| in the latent space, or with distill.pixel_lowpass
  // f > 1, mean|box_f(Dec(x0_hat)) - box_f(hr)| between f x f averages of the decoded sample and HR.
  torch::Tensor pixel_anchor(const torch::Tensor& x0_hat, const TrainingBatch& batch);
  torch::Tensor draw_t(int64_t n);
  torch::Tensor randn_like_cpu(const torch::Tensor& like);

  ModelCard card_;
  std::filesystem::path teacher_card_file_;
  TrainConfig config_;
  torch::Device device_{torch::kCPU};
  std::shared_ptr<UNetModelSwin> teacher_, student_, fake_, ema_student_;
  std::shared_ptr<DiscriminatorHead> disc_;
  std::shared_ptr<Codec> codec_;
  std::unique_ptr<torch::optim::AdamW> student_opt_, fake_opt_;
  std::unique_ptr<Ema> ema_;
  std::unique_ptr<BatchSource> data_;
  std::optional<ResShiftSampler> diffusion_;
  std::vector<int> t_set_;
  at::Generator gen_;
  TrainingBatch val_;
  int step_ = 0;
  double wall_seconds_ = 0.0;
  ValidationResult last_val_;
};

}  // namespace rsd::engine::train
