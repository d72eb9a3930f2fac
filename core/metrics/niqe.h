// NIQE, the no-reference Natural Image Quality Evaluator (Mittal, Soundararajan, Bovik, IEEE SPL
// 2013), reproducing the MATLAB release as BasicSR's calculate_niqe feeds it: the Y channel of
// MATLAB YCbCr in [0, 255], rounded to integers, 96x96 blocks without overlap, two scales (the
// second from MATLAB's antialiased bicubic imresize at 0.5), distance to the pristine model.
// Lower is better. baboon.png gives 5.7296 in MATLAB R2021a.
// Threading: pure functions, safe to call from any thread; a loaded NiqeModel is read-only.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "base/image.h"

namespace rsd::metrics {

// The multivariate Gaussian fitted to pristine images, and the MSCN smoothing window.
struct NiqeModel {
  static constexpr int kFeatures = 36;  // 18 per scale, two scales
  static constexpr int kWindow = 7;
  std::vector<double> mu;      // kFeatures
  std::vector<double> cov;     // kFeatures x kFeatures, row-major
  std::vector<double> window;  // kWindow x kWindow, row-major
};

// File name of the pristine parameters (JSON with mu_pris_param [1x36], cov_pris_param [36x36],
// gaussian_window [7x7]).
inline constexpr const char* kNiqeParamsFileName = "niqe_pris_params.json";

// Errors: NotFound / Io when the file cannot be read, Format when a field is missing or misshaped.
Result<NiqeModel> load_niqe_model(const std::string& path);

// load_niqe_model(find_metrics_data_file(kNiqeParamsFileName)).
Result<NiqeModel> load_default_niqe_model();

struct NiqeOptions {
  int crop_border = 0;   // pixels dropped on each side first
  int block_size = 96;   // the released model was fitted on 96x96 blocks; keep it
};

// NIQE of `image` (RGB/RGBA: on Y of YCbCr; one channel: taken as luma in [0, 1]).
// Errors: InvalidArgument when fewer than two blocks fit after the crop (the covariance of the
// image's features needs at least two), or when every block is featureless (flat).
Result<double> niqe(const ImageF& image, const NiqeModel& model, const NiqeOptions& options = {});

}  // namespace rsd::metrics
