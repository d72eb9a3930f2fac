// Blur kernels of the Real-ESRGAN degradation (facts: BasicSR basicsr/data/degradations.py,
// ResShift basicsr/data/realesrgan_dataset.py). Kernels are built on the CPU in double precision
// and returned as float [K, K] tensors that sum to 1.
#pragma once

#include <ATen/core/Tensor.h>

#include "engine/train/degradation/degradation_config.h"
#include "engine/train/degradation/degradation_rng.h"

namespace rsd::engine::train {

enum class KernelShape {
  Gaussian,     // exp(-q/2)
  Generalized,  // exp(-q^beta / 2)
  Plateau,      // 1 / (1 + q^beta)
};

// q = xᵀ Σ⁻¹ x on an odd size × size grid centred on 0, Σ = R(theta) diag(sx², sy²) R(theta)ᵀ.
// beta is ignored for Gaussian. Normalized to sum 1.
at::Tensor bivariate_kernel(KernelShape shape, int size, double sigma_x, double sigma_y, double theta,
                            double beta = 1.0);

// Circularly symmetric ideal low-pass ("2-D sinc"): k(r) = ωc·J1(ωc·r) / (2πr), k(0) = ωc²/(4π),
// normalized to sum 1, then zero-padded to pad_to (when pad_to > size).
at::Tensor circular_lowpass_kernel(double cutoff, int size, int pad_to = 0);

// Zero-pads an odd [k, k] kernel to [size, size] (size >= k, both odd).
at::Tensor pad_kernel(const at::Tensor& kernel, int size);

// One random kernel of a blur stage, as in the dataset: size from {3, 5, ..., kernel_size - 2};
// with sinc_prob a sinc kernel (ωc ~ U[π/3, π] below size 13, else U[π/5, π]); otherwise a mixed
// kernel of the types/probabilities/ranges in `settings`. Padded to settings.kernel_size.
at::Tensor sample_blur_kernel(const BlurKernelSettings& settings, DegradationRng& rng);

// The final sinc filter: with probability `prob` a sinc kernel (size from {3, ..., size - 2},
// ωc ~ U[π/3, π]) padded to `size`, else a centred unit pulse (no blur).
at::Tensor sample_final_sinc_kernel(double prob, int size, DegradationRng& rng);

}  // namespace rsd::engine::train
