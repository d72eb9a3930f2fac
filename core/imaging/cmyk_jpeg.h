// CMYK and YCCK JPEGs (print workflows, stock agencies): decoded with libjpeg to CMYK samples and
// converted to sRGB through their embedded ICC profile with Little CMS (color_management.h).
// Internal to core/imaging: exposes OpenCV.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <opencv2/core.hpp>

#include "base/error.h"

namespace rsd::imaging::detail {

struct CmykJpeg {
  cv::Mat bgr;          // 8-bit sRGB, B G R, as stored (orientation not applied)
  std::string warning;  // non-empty when no embedded profile was used
};

// Errors: Format (corrupt data, with libjpeg's message), OutOfMemory, Internal.
Result<CmykJpeg> decode_cmyk_jpeg(const uint8_t* data, size_t size);

}  // namespace rsd::imaging::detail
