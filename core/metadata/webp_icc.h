// The ICC profile of a WebP file (its "ICCP" RIFF chunk), read and written here because Exiv2
// 0.27 mislabels the chunk it writes (as a second "VP8X") and does not read it back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/error.h"

namespace rsd::metadata {

// The payload of the first ICCP chunk, or empty. Bounds-checked; malformed files give empty.
std::vector<uint8_t> read_webp_icc(const uint8_t* data, size_t size);

// `webp` with its ICCP chunk replaced by `icc` (removed when `icc` is empty), placed right after
// the VP8X chunk as the container specification requires; a VP8X chunk is created for simple
// (VP8/VP8L-only) files. Errors: Format when the RIFF structure is broken.
Result<std::vector<uint8_t>> write_webp_icc(const std::vector<uint8_t>& webp, const std::vector<uint8_t>& icc);

}  // namespace rsd::metadata
