// TrainConfig: the JSON training configuration shared by ResShift teacher training and RSD
// distillation (ResShift configs/realsr_swinunet_realesrgan256.yaml `train` block; RSD
// configs/RSD.yaml). Torch-free, so tools can validate a config without loading LibTorch.
//
// Every key is optional; defaults are the teacher's ResShift values, and `defaults_for_distill()`
// starts from the RSD values (lr 5e-5, betas (0.9, 0.95), K = 5, N = 4, GAN weight 3e-3).
// Unknown keys are errors (a typo must not silently fall back to a default); a wrong type or an
// out-of-range value is an InvalidArgument error whose context names the key.
//
// {
//   "data": "patches.rsdp", "out": "runs/teacher",       // paths (the command line overrides)
//   "device": "auto", "threads": 0, "seed": 123456,
//   "batch_size": 8, "steps": 10000,
//   "lr": 5e-5, "lr_min": 2e-5, "warmup_steps": 500, "lr_schedule": "none" | "cosine",
//   "betas": [0.9, 0.999], "weight_decay": 0.0, "grad_clip": 1.0,   // grad_clip <= 0: off
//   "ema_rate": 0.999,
//   "checkpoint_interval": 500, "keep_checkpoints": 2,
//   "val_interval": 500, "val_count": 16, "log_interval": 10,
//   "degradation": "bicubic" | "realesrgan", "degradation_params": { ...YAML keys... },
//   "hflip": true, "init": "auto" | "random" | "card",
//   "distill": { "fake_updates": 5, "num_steps": 4, "gan_weight": 3e-3, "fake_lr": 5e-5,
//                "disc_channels": 64, "sid_normalization": true, "pixel_weight": 0.0,
//                "pixel_lowpass": 1 }
// }
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "base/error.h"

namespace rsd::engine::train {

enum class DegradationMode { Bicubic, RealEsrgan };
enum class LrSchedule { None, Cosine };
enum class InitMode { Auto, Random, Card };

struct DistillConfig {
  int fake_updates = 5;            // K: fake (+ discriminator) updates per student update
  int num_steps = 4;               // N: multistep training timesteps (see multistep_indices)
  double gan_weight = 3e-3;        // lambda_2; 0 disables the discriminator
  double fake_lr = 5e-5;           // fake model + discriminator learning rate
  int disc_channels = 64;          // hidden width of the discriminator head
  bool sid_normalization = true;   // divide the per-sample loss by mean|f* - x0_hat| (detached)
  // Supervised anchor: weight of mean|x0_hat - z0| (L1 between the student's sample and the HR
  // target, in the latent space; pixels for the pixel-unshuffle codec). The paper's supervised
  // term here is LPIPS (lambda_1 = 2), whose VGG/AlexNet weights cannot ship; 0 disables it.
  double pixel_weight = 0.0;
  // Low-pass anchor: 1 compares full-resolution pixels; f > 1 compares f x f box averages of the
  // decoded student sample and the HR patch, so the anchor pins the coarse content (f = sf: what
  // the LR photo determines) and leaves the finer detail to the distillation and the GAN terms.
  int pixel_lowpass = 1;
};

struct TrainConfig {
  std::string data;                // patch dataset (.rsdp)
  std::string out;                 // output folder (checkpoints, exported weights, log)
  std::string device = "auto";
  int threads = 0;                 // 0: OMP_NUM_THREADS or all cores
  std::uint64_t seed = 123456;

  int batch_size = 8;
  int steps = 10000;               // optimizer steps (student updates for distillation)
  double lr = 5e-5;
  double lr_min = 2e-5;            // cosine end value
  int warmup_steps = 500;          // linear warm-up from 0 (ResShift: 5000 at batch 64)
  LrSchedule lr_schedule = LrSchedule::None;
  double beta1 = 0.9, beta2 = 0.999;
  double weight_decay = 0.0;
  double grad_clip = 1.0;          // max global L2 norm; <= 0 disables clipping
  double ema_rate = 0.999;

  int checkpoint_interval = 500;   // steps between checkpoints (0: only at the end)
  int keep_checkpoints = 2;        // older step folders are deleted
  int val_interval = 500;          // steps between validations (0: only at the end)
  int val_count = 16;              // held-out patches used by validation
  int log_interval = 10;           // steps between progress lines

  DegradationMode degradation = DegradationMode::Bicubic;
  nlohmann::json degradation_params = nlohmann::json::object();  // realesrgan only
  bool hflip = true;
  InitMode init = InitMode::Auto;

  DistillConfig distill;

  // RSD defaults: lr 5e-5 constant, betas (0.9, 0.95), no warm-up, no clipping, 3000 steps.
  static TrainConfig defaults_for_distill();

  // Reads `j` on top of `base` (keys absent from `j` keep base's values), then validates.
  static Result<TrainConfig> from_json(const nlohmann::json& j, const TrainConfig& base);
  static Result<TrainConfig> from_json(const nlohmann::json& j);
  static Result<TrainConfig> load(const std::string& path, const TrainConfig& base);
  nlohmann::json to_json() const;
  Status validate() const;

  // Learning rate at optimizer step `step` (0-based): linear warm-up over warmup_steps, then
  // constant or cosine from lr down to lr_min at `steps`.
  double lr_at(int step) const;
};

const char* to_string(DegradationMode mode);

}  // namespace rsd::engine::train
