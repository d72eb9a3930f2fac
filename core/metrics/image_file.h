// Reading a photo for measurement: the pixels exactly as stored, as RGB float in [0, 1].
// Metrics must see the decoded file values without EXIF rotation or colour management, as the
// published tools that read with cv2.imread / MATLAB imread do; gray files become three equal
// channels and alpha is dropped, as cv2.imread's default colour mode does.
#pragma once

#include <string>

#include "base/error.h"
#include "base/image.h"

namespace rsd::metrics {

// 8- and 16-bit files keep their precision (values divided by 255 or 65535).
// Errors: those of imaging::read_file and imaging::decode_image (NotFound, Io, Format,
// Unsupported, TooLarge), naming the path.
Result<ImageF> read_image_rgb(const std::string& path);

}  // namespace rsd::metrics
