// libFuzzer target: the image header probe (core/imaging/header_probe.*), which runs on every
// input before anything is decoded, and the TIFF Orientation locator the decoder patches through.
#include <cstddef>
#include <cstdint>

#include "imaging/header_probe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto info = rsd::imaging::probe_header(data, size);
  if (info) {
    // What the size limits and the decoder rely on.
    if (info->format == rsd::imaging::ImageFormat::Unknown || info->width == 0 || info->height == 0 ||
        info->channels < 0 || info->channels > 4)
      __builtin_trap();
  }
  // The decoder writes two bytes at this offset in a copy of the file.
  const std::size_t at = rsd::imaging::tiff_orientation_offset(data, size);
  if (at != 0 && (at > size || size - at < 2)) __builtin_trap();
  return 0;
}
