// Plane: one double-precision channel, the working format of the quality metrics.
// Metrics follow the MATLAB/BasicSR conventions, which compute on values in [0, 255] as doubles;
// keeping that scale here lets constants (SSIM's C1/C2, NIQE's "+1" in the MSCN denominator) stay
// exactly as published.
#pragma once

#include <cstddef>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "base/image.h"

namespace rsd::metrics {

struct Plane {
  int width = 0;
  int height = 0;
  std::vector<double> data;  // row-major

  Plane() = default;
  Plane(int w, int h) : width(w), height(h), data(size_t(w) * size_t(h), 0.0) {}

  bool empty() const { return data.empty(); }
  double& at(int x, int y) { return data[size_t(y) * width + x]; }
  double at(int x, int y) const { return data[size_t(y) * width + x]; }
};

// Y of MATLAB's rgb2ycbcr (ITU-R BT.601, "studio swing"), scaled to [0, 255]:
//   Y = 16 + 65.481 R + 128.553 G + 24.966 B   with R, G, B in [0, 1].
// Alpha (4th channel) is ignored. A one-channel image is taken as already being the luma plane
// and is only scaled by 255, which is what BasicSR's to_y_channel does with gray input.
// Not rounded.
Plane y_plane(const ImageF& image);

// Channel `c` of `image` scaled to [0, 255].
Plane channel_plane(const ImageF& image, int c);

// The plane without `border` pixels on every side (an empty plane when nothing is left).
Plane crop_border(const Plane& plane, int border);

// The plane as a CV_64F matrix header over its data (no copy; valid while the plane lives and
// keeps its size), so the metrics filter with OpenCV.
cv::Mat as_mat(const Plane& plane);

// A copy of a one-channel CV_64F matrix (or a region of one) as a plane.
Plane plane_from_mat(const cv::Mat& mat);

// Every value rounded half away from zero, like numpy's round on these non-negative values and
// MATLAB's uint8 conversion.
void round_in_place(Plane& plane);

}  // namespace rsd::metrics
