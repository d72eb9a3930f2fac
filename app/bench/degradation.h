// The benchmark's "realistic" low-resolution input: the MATLAB bicubic x4 LR with seeded
// Gaussian noise and one JPEG round trip at a fixed quality. A fixed, reproducible stand-in for
// camera noise and compression, much milder than the Real-ESRGAN training degradation.
#pragma once

#include <cstdint>

#include "base/error.h"
#include "base/image.h"

namespace rsd::bench {

struct DegradationOptions {
  double noise_sigma = 8.0;  // Gaussian noise standard deviation in 8-bit levels
  int jpeg_quality = 75;
  uint64_t seed = 2025;      // per image: seed + image index
};

// lr (RGB, [0, 1]) -> noisy, 8-bit quantized, JPEG-compressed RGB in [0, 1].
// Errors: InvalidArgument for a non-RGB image; Internal when OpenCV fails.
Result<ImageF> degrade_realistic(const ImageF& lr, uint64_t seed,
                                 const DegradationOptions& options = {});

}  // namespace rsd::bench
