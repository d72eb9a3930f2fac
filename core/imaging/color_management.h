// Colour conversion through Little CMS (lcms2): the profiles and transforms the decoders need
// when a photo's samples are not RGB (CMYK and YCCK JPEGs) or were developed into sRGB (camera
// RAW), so the outputs carry an RGB profile that matches their pixels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::imaging {

// An sRGB ICC profile (IEC 61966-2.1 primaries and tone curve) built by Little CMS, byte for
// byte the same on every call.
const std::vector<uint8_t>& srgb_icc_profile();

// The CMYK profile assumed for CMYK photos that embed none: $RSD_CMYK_PROFILE when set, else the
// first of the standard press profiles Debian installs (Ghostscript's default_cmyk.icc, a SWOP
// characterisation, from libgs-common). Empty when none is readable.
std::filesystem::path default_cmyk_profile_path();

struct CmykConversion {
  bool used_default_profile = false;  // the photo embedded no profile (or an unusable one)
  bool approximated = false;          // no CMYK profile at all: the naive formula was used
  std::string warning;                // for the job's warnings when either is true
};

// Converts `pixels` CMYK samples (4 bytes each, 0 = no ink unless `inverted`, as Adobe writes
// them) to 8-bit sRGB written as B, G, R (OpenCV's order) into `bgr` (3 bytes per pixel), with
// the embedded `profile` when it is a valid CMYK profile, else the default one (relative
// colorimetric intent with black-point compensation). Without any CMYK profile the colours are
// approximated as R = 255 (1 - C)(1 - K) and so on, and the conversion says so.
// Errors: Internal (Little CMS failed to build the transform).
Result<CmykConversion> cmyk_to_srgb(const uint8_t* cmyk, size_t pixels, bool inverted,
                                    const std::vector<uint8_t>& profile, uint8_t* bgr);

}  // namespace rsd::imaging
