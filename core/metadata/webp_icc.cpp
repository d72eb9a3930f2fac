#include "metadata/webp_icc.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "imaging/header_probe.h"

namespace rsd::metadata {
namespace {

struct Chunk {
  char id[4];
  size_t offset;  // of the payload
  size_t size;    // payload size, without padding
};

uint32_t le32(const uint8_t* p) {
  return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}

void put_le32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(uint8_t(v >> (8 * i)));
}

void put_le24(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 3; ++i) p[i] = uint8_t(v >> (8 * i));
}

bool parse_chunks(const uint8_t* data, size_t size, std::vector<Chunk>& chunks) {
  if (data == nullptr || size < 12 || std::memcmp(data, "RIFF", 4) != 0 || std::memcmp(data + 8, "WEBP", 4) != 0)
    return false;
  const size_t end = std::min<size_t>(size, size_t(le32(data + 4)) + 8);
  size_t pos = 12;
  while (pos + 8 <= end) {
    Chunk c;
    std::memcpy(c.id, data + pos, 4);
    c.size = le32(data + pos + 4);
    c.offset = pos + 8;
    if (c.size > end - c.offset) return false;
    chunks.push_back(c);
    pos = c.offset + c.size + (c.size & 1);
  }
  return !chunks.empty();
}

bool is(const Chunk& c, const char* id) { return std::memcmp(c.id, id, 4) == 0; }

void append_chunk(std::vector<uint8_t>& out, const char* id, const uint8_t* payload, size_t size) {
  out.insert(out.end(), id, id + 4);
  put_le32(out, uint32_t(size));
  out.insert(out.end(), payload, payload + size);
  if (size & 1) out.push_back(0);
}

}  // namespace

std::vector<uint8_t> read_webp_icc(const uint8_t* data, size_t size) {
  std::vector<Chunk> chunks;
  if (!parse_chunks(data, size, chunks)) return {};
  for (const Chunk& c : chunks)
    if (is(c, "ICCP")) return std::vector<uint8_t>(data + c.offset, data + c.offset + c.size);
  return {};
}

Result<std::vector<uint8_t>> write_webp_icc(const std::vector<uint8_t>& webp, const std::vector<uint8_t>& icc) {
  std::vector<Chunk> chunks;
  if (!parse_chunks(webp.data(), webp.size(), chunks))
    return Error(ErrorCode::Format, "malformed WebP container");
  constexpr uint8_t kIccFlag = 0x20, kAlphaFlag = 0x10;

  std::vector<uint8_t> vp8x;
  if (is(chunks.front(), "VP8X") && chunks.front().size >= 10) {
    vp8x.assign(webp.begin() + long(chunks.front().offset),
                webp.begin() + long(chunks.front().offset + chunks.front().size));
  } else {
    // A simple file: build the extended header from the bitstream's own size and alpha.
    auto info = imaging::probe_header(webp.data(), webp.size());
    if (!info) return info.error();
    vp8x.assign(10, 0);
    if (info->has_alpha) vp8x[0] |= kAlphaFlag;
    put_le24(vp8x.data() + 4, info->width - 1);
    put_le24(vp8x.data() + 7, info->height - 1);
  }
  if (icc.empty())
    vp8x[0] &= uint8_t(~kIccFlag);
  else
    vp8x[0] |= kIccFlag;

  std::vector<uint8_t> out = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
  append_chunk(out, "VP8X", vp8x.data(), vp8x.size());
  if (!icc.empty()) append_chunk(out, "ICCP", icc.data(), icc.size());
  for (const Chunk& c : chunks) {
    if (is(c, "VP8X") || is(c, "ICCP")) continue;
    append_chunk(out, c.id, webp.data() + c.offset, c.size);
  }
  put_le24(out.data() + 4, uint32_t(out.size() - 8));
  out[7] = uint8_t((out.size() - 8) >> 24);
  return out;
}

}  // namespace rsd::metadata
