// DecodedImage: a photo as the rest of the app sees it after decoding: upright pixels in [0, 1]
// plus what is needed to write it back the way it came (bit depth, alpha, gray, ICC profile).
#pragma once

#include <cstdint>
#include <vector>

#include "base/image.h"
#include "imaging/image_format.h"

namespace rsd::imaging {

struct DecodedImage {
  // Upright (EXIF orientation already applied), values as encoded in the file (no colour
  // conversion). channels: 1 = gray, 3 = RGB, 4 = RGBA (gray with alpha is RGBA with R = G = B
  // and `gray` set).
  ImageF pixels;
  int bit_depth = 8;        // of the source samples: 8 or 16
  bool has_alpha = false;
  bool gray = false;        // the source is grayscale (with or without alpha)
  ImageFormat format = ImageFormat::Unknown;
  int source_orientation = 1;  // the EXIF orientation that was applied (1..8)
  // The embedded ICC profile, byte for byte, or empty when the file carries none (then the
  // pixels are conventionally sRGB). Displays should convert through it.
  std::vector<uint8_t> icc_profile;
};

}  // namespace rsd::imaging
