// Validation of a training run on the held-out split: PSNR (RGB, [0, 1] range, mean over
// images) of bicubic upscaling, one-step sampling (x0 prediction at t = T-1 from the prior, as
// the RSD student is used) and T-step ResShift sampling, through the same sampler the app uses.
#pragma once

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include <string>

#include "base/error.h"
#include "engine/diffusion/schedule.h"
#include "engine/model_card.h"
#include "engine/nn/codec.h"
#include "engine/nn/denoiser.h"
#include "engine/train/loop_data.h"

namespace rsd::engine::train {

struct ValidationResult {
  int count = 0;
  double psnr_bicubic = 0.0;
  double psnr_one_step = 0.0;
  double psnr_multi_step = 0.0;  // 0 when not run
  int steps = 0;                 // T of the multi-step run

  nlohmann::json to_json() const;
  std::string line() const;
};

// PSNR in dB between images in [-1, 1] (compared on the [0, 1] scale), mean over the batch.
double psnr(const torch::Tensor& a, const torch::Tensor& b);

// Runs `net` (in eval mode, without grad) over val.lq in chunks of `batch`; the noise of item i
// is seeded with i, so repeated validations are comparable. The caller restores train mode.
Result<ValidationResult> run_validation(Denoiser& net, Codec& codec, const Schedule& schedule,
                                        const DiffusionParams& params, const TrainingBatch& val,
                                        int batch, bool multi_step);

}  // namespace rsd::engine::train
