// Pieces shared by the streaming encoders (jpeg/png/tiff_row_writer.cpp). Internal to core/imaging.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "base/error.h"
#include "base/image.h"

namespace rsd::imaging::detail {

// Float samples in [0, 1] to 8 bits, or to 16 bits big-endian (PNG) or in native order (libtiff).
void quantize_row(const float* src, size_t count, int bit_depth, bool big_endian, uint8_t* dst);

// rows fit a writer of `width` x `channels` that has `written` of its `height` rows already.
Status check_rows(const ImageF& rows, int width, int channels, int written, int height);

}  // namespace rsd::imaging::detail
