// Internal to the HEIF codec: a bounded reader of ISO-BMFF boxes (heif_boxes.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "imaging/heif_codec.h"

namespace rsd::imaging::heif::detail {

template <class Byte>
constexpr uint32_t be32(const Byte* p) {
  return uint32_t(uint8_t(p[0])) << 24 | uint32_t(uint8_t(p[1])) << 16 | uint32_t(uint8_t(p[2])) << 8 | uint8_t(p[3]);
}
constexpr uint32_t fourcc(const char (&s)[5]) { return be32(s); }

struct CodedConfig {
  bool found = false;
  Flavor flavor = Flavor::Heic;
  bool monochrome = false;
};

// The decoder configuration of item `primary` in the file data[0, size); for a grid (or overlay)
// that of the tiles it is built from. found is false when there is none.
CodedConfig coded_config(const uint8_t* data, size_t size, uint32_t primary);

}  // namespace rsd::imaging::heif::detail
