// Deterministic synthetic images for the metrics tests.
#pragma once

#include <cstdint>
#include <string>

#include "base/image.h"

namespace rsd::metrics::testing {

// Smooth RGB gradients plus a few sine "textures", values inside [0.1, 0.9], quantized to 8 bits.
ImageF textured_image(int width, int height);

// `image` plus Gaussian noise of standard deviation `sigma` (in [0, 1] units), clamped to [0, 1]
// and quantized to 8 bits. Seeded, so every run gives the same image.
ImageF add_noise(const ImageF& image, double sigma, uint32_t seed);

// Absolute path of a file under tests/data/metrics.
std::string metrics_data(const std::string& name);

}  // namespace rsd::metrics::testing
