#include "metadata/png_iccp.h"

#include <array>
#include <cstring>

namespace rsd::metadata {
namespace {

// CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320).
uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc = 0xFFFFFFFFu) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  for (size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc;
}

uint32_t be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

void put_be32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(uint8_t(v >> (8 * i)));
}

}  // namespace

Result<std::vector<uint8_t>> name_png_icc_profile(const std::vector<uint8_t>& png, const std::string& name) {
  static const uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (png.size() < 8 || std::memcmp(png.data(), kSignature, 8) != 0)
    return Error(ErrorCode::Format, "not a PNG file");
  if (name.empty() || name.size() > 79) return Error(ErrorCode::InvalidArgument, "PNG keywords have 1-79 characters");
  std::vector<uint8_t> out(png.begin(), png.begin() + 8);
  out.reserve(png.size() + name.size());
  size_t pos = 8;
  while (pos < png.size()) {
    if (png.size() - pos < 12) return Error(ErrorCode::Format, "truncated PNG chunk");
    const uint32_t length = be32(&png[pos]);
    if (length > png.size() - pos - 12) return Error(ErrorCode::Format, "truncated PNG chunk");
    const uint8_t* type = &png[pos + 4];
    const uint8_t* body = &png[pos + 8];
    if (std::memcmp(type, "iCCP", 4) == 0 && length > 0 && body[0] == 0) {
      std::vector<uint8_t> chunk(type, type + 4);
      chunk.insert(chunk.end(), name.begin(), name.end());
      chunk.insert(chunk.end(), body, body + length);  // starts with the keyword's terminating 0
      put_be32(out, uint32_t(chunk.size() - 4));
      out.insert(out.end(), chunk.begin(), chunk.end());
      put_be32(out, crc32(chunk.data(), chunk.size()) ^ 0xFFFFFFFFu);
    } else {
      out.insert(out.end(), png.begin() + long(pos), png.begin() + long(pos + 12 + length));
    }
    pos += 12 + size_t(length);
  }
  return out;
}

}  // namespace rsd::metadata
