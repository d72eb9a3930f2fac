#include "imaging/mat_bridge.h"

#include <algorithm>
#include <cmath>

namespace rsd::imaging::detail {
namespace {

// Position of output channel c in an OpenCV pixel: BGR(A) <-> RGB(A) swaps 0 and 2.
int swap_rb(int c, int channels) { return channels >= 3 && c < 3 ? 2 - c : c; }

template <class T>
void to_float(const cv::Mat& mat, ImageF& out, float scale) {
  const int C = mat.channels();
  for (int y = 0; y < mat.rows; ++y) {
    const T* src = mat.ptr<T>(y);
    float* dst = out.row(y);
    for (int x = 0; x < mat.cols; ++x)
      for (int c = 0; c < C; ++c) dst[size_t(x) * C + c] = float(src[size_t(x) * C + swap_rb(c, C)]) * scale;
  }
}

template <class T>
void from_float(const ImageF& image, cv::Mat& mat, float max_value) {
  const int C = image.channels;
  for (int y = 0; y < image.height; ++y) {
    const float* src = image.row(y);
    T* dst = mat.ptr<T>(y);
    for (int x = 0; x < image.width; ++x)
      for (int c = 0; c < C; ++c) {
        const float v = std::clamp(src[size_t(x) * C + swap_rb(c, C)], 0.f, 1.f);
        dst[size_t(x) * C + c] = T(std::lround(v * max_value));
      }
  }
}

}  // namespace

ImageF mat_to_image(const cv::Mat& mat) {
  ImageF out(mat.cols, mat.rows, mat.channels());
  if (mat.depth() == CV_16U)
    to_float<uint16_t>(mat, out, 1.f / 65535.f);
  else
    to_float<uint8_t>(mat, out, 1.f / 255.f);
  return out;
}

cv::Mat image_to_mat(const ImageF& image, int bit_depth) {
  const int depth = bit_depth == 16 ? CV_16U : CV_8U;
  cv::Mat mat(image.height, image.width, CV_MAKETYPE(depth, image.channels));
  if (depth == CV_16U)
    from_float<uint16_t>(image, mat, 65535.f);
  else
    from_float<uint8_t>(image, mat, 255.f);
  return mat;
}

}  // namespace rsd::imaging::detail
