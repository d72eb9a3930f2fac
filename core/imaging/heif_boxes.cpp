// A bounded walk over a HEIF file's boxes, for what libheif 1.15 does not expose: the primary
// image's decoder configuration (hvcC / av1C), which tells the codec and whether the coding is
// monochrome. libheif has already accepted the file when this runs, but every read is still
// bounds-checked.
#include "imaging/heif_boxes.h"

namespace rsd::imaging::heif::detail {
namespace {

struct Span {
  const uint8_t* p = nullptr;  // null: not found
  size_t n = 0;
};

struct Reader {
  Span s;
  size_t at = 0;
  bool ok = true;
  uint32_t read(size_t bytes) {
    if (!ok || s.n - at < bytes) {
      ok = false;
      return 0;
    }
    uint32_t v = 0;
    for (size_t i = 0; i < bytes; ++i) v = v << 8 | s.p[at + i];
    at += bytes;
    return v;
  }
};

// Calls fn(type, payload) for each box in `in` until fn returns false or a header is malformed.
template <class Fn>
void for_each_box(Span in, Fn&& fn) {
  size_t off = 0;
  while (in.p && in.n - off >= 8) {
    const uint8_t* b = in.p + off;
    uint64_t box_size = be32(b);
    size_t header = 8;
    if (box_size == 1) {
      if (in.n - off < 16) return;
      box_size = uint64_t(be32(b + 8)) << 32 | be32(b + 12);
      header = 16;
    } else if (box_size == 0) {
      box_size = in.n - off;  // to the end
    }
    if (box_size < header || box_size > in.n - off) return;
    if (!fn(be32(b + 4), Span{b + header, size_t(box_size) - header})) return;
    off += size_t(box_size);
  }
}

Span find_box(Span in, uint32_t type) {
  Span found;
  for_each_box(in, [&](uint32_t t, Span body) {
    if (t == type) found = body;
    return t != type;
  });
  return found;
}

Span skip_full_box_header(Span s) { return s.p && s.n >= 4 ? Span{s.p + 4, s.n - 4} : Span{}; }

// The first item a derived image (grid, overlay, identity) is built from ('dimg'), or 0.
uint32_t first_source(Span iref, uint32_t item) {
  if (!iref.p || iref.n < 4) return 0;
  const bool wide = iref.p[0] != 0;  // version 1: 32-bit item IDs
  uint32_t source = 0;
  for_each_box(skip_full_box_header(iref), [&](uint32_t type, Span body) {
    if (type != fourcc("dimg")) return true;
    Reader r{body};
    const uint32_t from = r.read(wide ? 4 : 2);
    const uint32_t count = r.read(2);
    if (from != item || count == 0) return true;
    source = r.read(wide ? 4 : 2);
    return false;
  });
  return source;
}

// The hvcC or av1C property of `item`, looked up in ipco through the item's ipma associations
// (`ipma`: the whole payload, with its version and flags).
CodedConfig item_config(Span ipco, Span ipma, uint32_t item) {
  Reader r{ipma};
  const uint32_t version = r.read(1), flags = r.read(3), entries = r.read(4);
  for (uint32_t e = 0; e < entries && r.ok; ++e) {
    const uint32_t id = r.read(version < 1 ? 2 : 4), count = r.read(1);
    for (uint32_t a = 0; a < count && r.ok; ++a) {
      const uint32_t index = (flags & 1) ? r.read(2) & 0x7fff : r.read(1) & 0x7f;  // 1-based
      if (id != item) continue;
      CodedConfig config;
      uint32_t at = 0;
      for_each_box(ipco, [&](uint32_t type, Span body) {
        if (++at < index) return true;
        if (type == fourcc("hvcC") && body.n > 16)
          config = {true, Flavor::Heic, (body.p[16] & 3) == 0};  // chroma_format_idc 0: 4:0:0
        else if (type == fourcc("av1C") && body.n > 2)
          config = {true, Flavor::Avif, (body.p[2] & 0x10) != 0};  // mono_chrome
        return false;
      });
      if (config.found) return config;
    }
    if (id == item) break;
  }
  return {};
}

}  // namespace

CodedConfig coded_config(const uint8_t* data, size_t size, uint32_t primary) {
  const Span meta = skip_full_box_header(find_box(Span{data, size}, fourcc("meta")));
  const Span iprp = find_box(meta, fourcc("iprp"));
  const Span ipco = find_box(iprp, fourcc("ipco")), ipma = find_box(iprp, fourcc("ipma"));
  const Span iref = find_box(meta, fourcc("iref"));
  for (int depth = 0; depth < 4 && primary != 0; ++depth) {
    if (const CodedConfig config = item_config(ipco, ipma, primary); config.found) return config;
    primary = first_source(iref, primary);
  }
  return {};
}

}  // namespace rsd::imaging::heif::detail
