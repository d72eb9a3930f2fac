// Real-ESRGAN second-order degradation as ResShift trains with it (facts: ResShift trainer.py
// TrainerDifIR.prepare_data and basicsr/data/realesrgan_dataset.py; Real-ESRGAN
// realesrgan/models/realesrgan_model.py): blur -> random resize -> noise -> JPEG, then with
// probability second_order_prob a second blur/resize/noise round, then the final stage in one of
// two orders ([resize + sinc] -> JPEG or JPEG -> [resize + sinc]), then 8-bit quantization.
//
// Batch-level decisions (resize direction and mode, Gaussian vs Poisson, second order, final
// order) are shared by the batch as upstream; kernels, noise levels, gray flags and JPEG quality
// are per image. Everything random comes from the DegradationRng, so one seed reproduces a batch.
#pragma once

#include <ATen/core/Tensor.h>

#include "engine/train/degradation/degradation_config.h"
#include "engine/train/degradation/degradation_rng.h"

namespace rsd::engine::train {

// Per-image kernels of one batch: float [N, K1, K1], [N, K2, K2], [N, K2, K2] on the CPU.
struct DegradationKernels {
  at::Tensor blur1;
  at::Tensor blur2;
  at::Tensor final_sinc;
};

DegradationKernels sample_degradation_kernels(const DegradationConfig& config, std::int64_t count,
                                              DegradationRng& rng);

class RealEsrganDegradation {
 public:
  // The config must pass validate() (checked; a bad config throws c10::Error).
  explicit RealEsrganDegradation(DegradationConfig config = {});

  // hr: float [N, 3, H, W] in [0, 1] on any device, H and W divisible by sf.
  // Returns float [N, 3, H/sf, W/sf] on the same device, values on the 8-bit grid k/255.
  at::Tensor degrade(const at::Tensor& hr, DegradationRng& rng) const;

  const DegradationConfig& config() const { return config_; }

 private:
  DegradationConfig config_;
};

// The plain degradation: antialiased bicubic downscale by sf, quantized to 8 bits.
at::Tensor bicubic_degrade(const at::Tensor& hr, int sf);

}  // namespace rsd::engine::train
