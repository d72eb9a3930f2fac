// libFuzzer target: the HEIF/AVIF reader (core/imaging/heif_codec.*): the ftyp sniffer, the box
// walk and libheif parse behind probe(), and, for small pictures, a full decode with the
// metadata. libheif and its codecs are Debian's uninstrumented builds, but the row copies out of
// libheif's planes and the box walk are ours and instrumented; the checks below are on what the
// codec hands back.
#include <cstddef>
#include <cstdint>

#include "imaging/heif_codec.h"

namespace {

// Keeps each run fast and within the fuzzer's memory limit.
constexpr std::uint64_t kMaxPixels = 4'000'000;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace heif = rsd::imaging::heif;
  heif::Flavor flavor = heif::Flavor::Heic;
  (void)heif::sniff(data, size, &flavor);

  const auto info = heif::probe(data, size);
  if (!info) return 0;
  if (info->width == 0 || info->height == 0 || info->bit_depth < 1 || info->bit_depth > 16) __builtin_trap();
  if (std::uint64_t(info->width) * info->height > kMaxPixels) return 0;

  const auto decoded = heif::decode(data, size, kMaxPixels);
  if (!decoded) return 0;
  const heif::Decoded& d = *decoded;
  // What the callers copy from without further checks.
  if (d.width <= 0 || d.height <= 0 || (d.channels != 3 && d.channels != 4) || (d.bit_depth != 8 && d.bit_depth != 16))
    __builtin_trap();
  if (std::uint64_t(d.width) * std::uint64_t(d.height) > kMaxPixels) __builtin_trap();
  const std::size_t expected = std::size_t(d.width) * std::size_t(d.height) * std::size_t(d.channels) *
                               std::size_t(d.bit_depth / 8);
  if (d.samples.size() != expected) __builtin_trap();
  if (!d.exif.empty() && (d.exif.size() < 4 || !((d.exif[0] == 'I' && d.exif[1] == 'I') ||
                                                 (d.exif[0] == 'M' && d.exif[1] == 'M'))))
    __builtin_trap();
  return 0;
}
