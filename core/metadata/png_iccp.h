// Repair of the PNG iCCP chunk Exiv2 0.27 writes: its profile name (keyword) is empty, which the
// PNG specification forbids (1-79 characters) and strict readers reject, dropping the profile.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::metadata {

// `png` with every iCCP chunk whose keyword is empty renamed to `name` (CRC recomputed); other
// chunks are copied unchanged. Errors: Format when the chunk structure is broken.
Result<std::vector<uint8_t>> name_png_icc_profile(const std::vector<uint8_t>& png,
                                                  const std::string& name = "ICC Profile");

}  // namespace rsd::metadata
