#include "metrics/plane.h"

#include <algorithm>
#include <cmath>

namespace rsd::metrics {

cv::Mat as_mat(const Plane& plane) {
  return cv::Mat(plane.height, plane.width, CV_64F, const_cast<double*>(plane.data.data()));
}

Plane plane_from_mat(const cv::Mat& mat) {
  Plane out(mat.cols, mat.rows);
  mat.copyTo(as_mat(out));
  return out;
}

Plane y_plane(const ImageF& image) {
  if (image.channels < 3) return channel_plane(image, 0);
  Plane out(image.width, image.height);
  const size_t n = image.pixel_count();
  const int ch = image.channels;
  for (size_t i = 0; i < n; ++i) {
    const float* px = image.data.data() + i * ch;
    out.data[i] = 16.0 + 65.481 * double(px[0]) + 128.553 * double(px[1]) + 24.966 * double(px[2]);
  }
  return out;
}

Plane channel_plane(const ImageF& image, int c) {
  Plane out(image.width, image.height);
  const size_t n = image.pixel_count();
  const int ch = image.channels;
  for (size_t i = 0; i < n; ++i) out.data[i] = 255.0 * double(image.data[i * ch + c]);
  return out;
}

Plane crop_border(const Plane& plane, int border) {
  if (border <= 0) return plane;
  const int w = plane.width - 2 * border;
  const int h = plane.height - 2 * border;
  if (w <= 0 || h <= 0) return Plane();
  Plane out(w, h);
  for (int y = 0; y < h; ++y) {
    const double* src = plane.data.data() + size_t(y + border) * plane.width + border;
    std::copy(src, src + w, out.data.data() + size_t(y) * w);
  }
  return out;
}

void round_in_place(Plane& plane) {
  for (double& v : plane.data) v = std::round(v);
}

}  // namespace rsd::metrics
