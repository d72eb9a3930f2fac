// libFuzzer target: the camera RAW decoder (core/imaging/raw_decoder.*) and LibRaw behind it.
// Every TIFF the app opens goes through sniff() first, RAW-signature files through probe(), and
// decode() develops what they accept.
#include <cstddef>
#include <cstdint>

#include "imaging/raw_decoder.h"

namespace raw = rsd::imaging::raw;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)raw::sniff(data, size);
  const auto probed = raw::probe(data, size);
  if (!probed) return 0;
  if (probed->width == 0 || probed->height == 0) __builtin_trap();
  // A small limit keeps runs fast: a few hostile header bytes can claim a huge sensor.
  const auto decoded = raw::decode(data, size, 2'000'000);
  if (!decoded) {
    // Internal means a bug: an exception escaped LibRaw or probe and decode disagreed on the size.
    if (decoded.error().code == rsd::ErrorCode::Internal) __builtin_trap();
    return 0;
  }
  // What the image decoder relies on: the probed size, three samples per pixel, a profile.
  const auto& d = *decoded;
  if (std::uint32_t(d.width) != probed->width || std::uint32_t(d.height) != probed->height ||
      d.samples.size() != std::size_t(d.width) * std::size_t(d.height) * 3 || d.icc.empty())
    __builtin_trap();
  return 0;
}
