// Conversions between cv::Mat (BGR/BGRA, 8 or 16 bit, as OpenCV's codecs use) and ImageF (RGB/RGBA
// float in [0, 1]). Internal to core/imaging: this header exposes OpenCV and is never included by
// a public header.
#pragma once

#include <opencv2/core.hpp>

#include "base/image.h"

namespace rsd::imaging::detail {

// 1, 3 or 4 channels of CV_8U or CV_16U; BGR(A) order is swapped to RGB(A).
ImageF mat_to_image(const cv::Mat& mat);
// bit_depth 8 or 16; values are clamped to [0, 1] and rounded. RGB(A) becomes BGR(A).
cv::Mat image_to_mat(const ImageF& image, int bit_depth);

}  // namespace rsd::imaging::detail
