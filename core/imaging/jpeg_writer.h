// JPEG encoding through libjpeg(-turbo) directly, so the chroma is stored at full resolution
// (4:4:4): OpenCV 4.6's encoder always subsamples chroma 4:2:0, which smears the colour edges an
// upscaler has just made sharp. Internal to core/imaging.
#pragma once

#include <cstdint>
#include <vector>

#include "base/error.h"
#include "base/image.h"

namespace rsd::imaging::detail {

// image: 1 (gray) or 3 (RGB) channels in [0, 1]; quality 1..100. Optimized Huffman tables,
// baseline, every component sampled 1x1.
Result<std::vector<uint8_t>> encode_jpeg_444(const ImageF& image, int quality);

}  // namespace rsd::imaging::detail
