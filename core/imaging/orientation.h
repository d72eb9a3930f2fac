// EXIF orientation (TIFF tag 274): how stored rows and columns map to the upright picture.
// Values 1..8 as in the EXIF 2.3 specification; anything else is treated as 1.
#pragma once

#include "base/image.h"

namespace rsd::imaging {

// The upright image for pixels stored with `orientation` (1 returns a copy).
ImageF apply_orientation(const ImageF& stored, int orientation);

// Width and height of the upright image (swapped for orientations 5..8).
void oriented_size(int stored_width, int stored_height, int orientation, int& width, int& height);

}  // namespace rsd::imaging
