// DecodedImage: a photo as the rest of the app sees it after decoding: upright pixels in [0, 1]
// plus what is needed to write it back the way it came (bit depth, alpha, gray, ICC profile).
#pragma once

#include <cstdint>
#include <string>
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
  // pixels are conventionally sRGB). Displays should convert through it. The OpenCV-decoded
  // formats leave it to metadata::read_metadata; the library decoders fill it themselves: HEIF
  // and AVIF with their colr profile, CMYK JPEG and camera RAW with the sRGB profile of the
  // converted pixels (then `color_converted` is set and the source's own profile, which
  // describes other values, must not travel to the output).
  std::vector<uint8_t> icc_profile;
  bool color_converted = false;
  // Things the user should know about the decode (a CMYK photo converted with an assumed
  // profile, say), for the job's warnings.
  std::vector<std::string> warnings;
};

}  // namespace rsd::imaging
