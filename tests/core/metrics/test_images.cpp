#include "base/build_paths.h"
#include "test_images.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace rsd::metrics::testing {
namespace {

float quantize8(double v) {
  return float(std::round(std::clamp(v, 0.0, 1.0) * 255.0) / 255.0);
}

}  // namespace

ImageF textured_image(int width, int height) {
  ImageF img(width, height, 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const double u = double(x) / width;
      const double v = double(y) / height;
      const double t = 0.1 * std::sin(0.35 * x) * std::cos(0.21 * y) + 0.05 * std::sin(0.9 * (x + y));
      img.at(x, y, 0) = quantize8(0.2 + 0.5 * u + t);
      img.at(x, y, 1) = quantize8(0.3 + 0.4 * v - t);
      img.at(x, y, 2) = quantize8(0.5 + 0.2 * (u - v) + 0.5 * t);
    }
  }
  return img;
}

ImageF add_noise(const ImageF& image, double sigma, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0.0, sigma);
  ImageF out = image;
  for (float& v : out.data) v = quantize8(double(v) + noise(rng));
  return out;
}

std::string metrics_data(const std::string& name) {
  return std::string(RSD_TEST_DATA_DIR) + "/metrics/" + name;
}

}  // namespace rsd::metrics::testing
