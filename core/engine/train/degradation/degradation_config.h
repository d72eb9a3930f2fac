// Settings of the Real-ESRGAN second-order degradation, defaulting to the values ResShift (and
// SinSR / RSD) train with: ResShift configs/realsr_swinunet_realesrgan256.yaml, `degradation`
// and `data.train.params` blocks. JSON keys equal the YAML keys.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::engine::train {

// Order matches the YAML kernel_list.
enum class BlurKernelType { Iso, Aniso, GeneralizedIso, GeneralizedAniso, PlateauIso, PlateauAniso };
inline constexpr int kBlurKernelTypeCount = 6;
const char* to_string(BlurKernelType type);

// One blur stage's kernel distribution.
struct BlurKernelSettings {
  int kernel_size = 21;                       // padded size; sizes drawn from {3, 5, ..., kernel_size - 2}
  std::array<double, kBlurKernelTypeCount> kernel_prob{0.45, 0.25, 0.12, 0.03, 0.12, 0.03};
  std::array<double, 2> sigma{0.2, 3.0};      // blur_sigma (x and y ranges are the same)
  std::array<double, 2> betag{0.5, 4.0};      // generalized Gaussian shape
  std::array<double, 2> betap{1.0, 2.0};      // plateau shape
  double sinc_prob = 0.1;
};

struct NoiseSettings {
  double gaussian_prob = 0.5;                 // else Poisson
  std::array<double, 2> sigma{1.0, 30.0};     // Gaussian sigma on the 0..255 scale
  std::array<double, 2> poisson_scale{0.05, 3.0};
  double gray_prob = 0.4;
};

struct ResizeSettings {
  std::array<double, 3> prob{0.2, 0.7, 0.1};  // up, down, keep
  std::array<double, 2> range{0.15, 1.5};     // down scale from [range0, 1), up from [1, range1)
};

struct DegradationConfig {
  int sf = 4;
  BlurKernelSettings blur1{};
  BlurKernelSettings blur2{15, {0.45, 0.25, 0.12, 0.03, 0.12, 0.03}, {0.2, 1.5}, {0.5, 4.0}, {1.0, 2.0}, 0.1};
  double final_sinc_prob = 0.8;               // final sinc kernel padded to blur2.kernel_size

  ResizeSettings resize1{};
  NoiseSettings noise1{};
  std::array<double, 2> jpeg_range1{30.0, 95.0};

  double second_order_prob = 0.5;
  double second_blur_prob = 0.8;
  ResizeSettings resize2{{0.3, 0.4, 0.3}, {0.3, 1.2}};
  NoiseSettings noise2{0.5, {1.0, 25.0}, {0.05, 2.5}, 0.4};
  std::array<double, 2> jpeg_range2{30.0, 95.0};

  // Not in ResShift: the probability that an image's LR is the clean x4 downscale (area or
  // antialiased bicubic, one choice per batch; no blur, noise or JPEG), so the model also learns
  // to leave a clean photo clean. 0 keeps the upstream pipeline and its random draws exactly.
  double clean_prob = 0.0;

  // Fails on probabilities outside [0, 1], empty ranges, even or too small kernel sizes.
  Status validate() const;
};

// Reads a JSON object with the YAML's keys (flat, as in ResShift's `degradation` block plus
// the kernel keys of `data.train.params`); missing keys keep the ResShift defaults.
Result<DegradationConfig> degradation_config_from_json(const nlohmann::json& json);

}  // namespace rsd::engine::train
