// IntegerImage: decoded pixels kept as the file's 8- or 16-bit samples, a quarter or half of the
// size of the float ImageF. Photos too large to hold as float (the banded path in
// core/pipeline) keep their input this way and convert rows to float a band at a time.
//
// Threading: immutable after decoding; may be read from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "base/image.h"

namespace rsd::imaging {

struct IntegerImage {
  int width = 0;
  int height = 0;
  int channels = 0;   // 1 (gray), 3 (colour) or 4 (colour + alpha)
  int bit_depth = 8;  // 8 or 16 (native byte order)
  bool bgr = true;    // colour samples stored B, G, R (as OpenCV decodes them)
  size_t stride = 0;  // bytes from one row to the next
  // Owns the samples (shared with the decoder's buffer, so nothing is copied).
  std::shared_ptr<const uint8_t> data;

  bool empty() const { return data == nullptr || width <= 0 || height <= 0; }

  // Rows [y, y + rows) as float in [0, 1], RGB(A) channels [first, first + count) (for RGBA,
  // colour is 0..2 and alpha 3). The values equal those decode_image() gives for the same
  // pixels, so banded and whole-image processing see the same input.
  ImageF rows_as_float(int y, int rows, int first, int count) const;
};

}  // namespace rsd::imaging
