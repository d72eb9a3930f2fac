#include "metrics/image_file.h"

#include <cstdint>
#include <utility>
#include <vector>

#include "imaging/channel_ops.h"
#include "imaging/file_io.h"
#include "imaging/image_decoder.h"

namespace rsd::metrics {

Result<ImageF> read_image_rgb(const std::string& path) {
  Result<std::vector<uint8_t>> bytes = imaging::read_file(path);
  if (!bytes) return bytes.error();
  // Orientation 1: measure the stored pixels, never a rotated copy.
  Result<imaging::DecodedImage> decoded = imaging::decode_image(bytes->data(), bytes->size());
  if (!decoded) return decoded.error().within(path);
  ImageF& pixels = decoded->pixels;
  switch (pixels.channels) {
    case 3: return std::move(pixels);
    case 4: return imaging::take_channels(pixels, 0, 3);
    case 1: return imaging::gray_to_rgb(pixels);
    case 2: return imaging::gray_to_rgb(imaging::take_channels(pixels, 0, 1));
    default:
      return Error(ErrorCode::Unsupported,
                   "unexpected channel count " + std::to_string(pixels.channels), path);
  }
}

}  // namespace rsd::metrics
