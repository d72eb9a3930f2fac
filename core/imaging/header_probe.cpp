#include "imaging/header_probe.h"

#include <cstring>
#include <string>

#include "imaging/heif_codec.h"
#include "imaging/raw_decoder.h"

namespace rsd::imaging {
namespace {

// Bounds-checked big/little-endian readers over one byte range. Every accessor returns false when
// the requested bytes lie outside the range, so no parser can read past the buffer.
class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  size_t size() const { return size_; }
  bool has(size_t at, size_t n) const { return at <= size_ && n <= size_ - at; }
  bool u8(size_t at, uint32_t& v) const {
    if (!has(at, 1)) return false;
    v = data_[at];
    return true;
  }
  bool u16(size_t at, bool big, uint32_t& v) const {
    if (!has(at, 2)) return false;
    v = big ? (uint32_t(data_[at]) << 8) | data_[at + 1] : (uint32_t(data_[at + 1]) << 8) | data_[at];
    return true;
  }
  bool u24le(size_t at, uint32_t& v) const {
    if (!has(at, 3)) return false;
    v = uint32_t(data_[at]) | (uint32_t(data_[at + 1]) << 8) | (uint32_t(data_[at + 2]) << 16);
    return true;
  }
  bool u32(size_t at, bool big, uint32_t& v) const {
    if (!has(at, 4)) return false;
    const uint8_t* p = data_ + at;
    v = big ? (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]
            : (uint32_t(p[3]) << 24) | (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) | p[0];
    return true;
  }
  bool equals(size_t at, const char* sig, size_t n) const {
    return has(at, n) && std::memcmp(data_ + at, sig, n) == 0;
  }

 private:
  const uint8_t* data_;
  size_t size_;
};

Error truncated(const char* what) {
  return Error(ErrorCode::Format, std::string("truncated or malformed ") + what + " header");
}

Result<HeaderInfo> probe_png(const ByteReader& r) {
  // Signature (8), then the IHDR chunk: length (4) "IHDR" width height depth colour-type ...
  uint32_t len = 0, w = 0, h = 0, depth = 0, type = 0;
  if (!r.u32(8, true, len) || !r.equals(12, "IHDR", 4) || len < 13 || !r.u32(16, true, w) ||
      !r.u32(20, true, h) || !r.u8(24, depth) || !r.u8(25, type))
    return truncated("PNG");
  if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu)
    return Error(ErrorCode::Format, "PNG header has invalid dimensions");
  HeaderInfo info;
  info.format = ImageFormat::Png;
  info.width = w;
  info.height = h;
  info.bit_depth = int(depth);
  switch (type) {
    case 0: info.channels = 1; info.gray = true; break;
    case 2: info.channels = 3; break;
    case 3: info.channels = 3; break;  // palette; a tRNS chunk may still add alpha
    case 4: info.channels = 2; info.gray = true; info.has_alpha = true; break;
    case 6: info.channels = 4; info.has_alpha = true; break;
    default: return Error(ErrorCode::Format, "PNG header has an invalid colour type");
  }
  if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16)
    return Error(ErrorCode::Format, "PNG header has an invalid bit depth");
  return info;
}

bool is_jpeg_sof(uint32_t marker) {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

Result<HeaderInfo> probe_jpeg(const ByteReader& r) {
  size_t pos = 2;  // after SOI
  // Each iteration consumes at least one byte, so the walk ends within size() steps.
  while (pos < r.size()) {
    uint32_t byte = 0;
    if (!r.u8(pos, byte)) break;
    if (byte != 0xFF) return Error(ErrorCode::Format, "JPEG marker expected");
    uint32_t marker = 0xFF;
    while (marker == 0xFF) {  // fill bytes
      if (!r.u8(++pos, marker)) return truncated("JPEG");
    }
    ++pos;
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    if (marker == 0xD9 || marker == 0xDA)
      return Error(ErrorCode::Format, "JPEG has no frame header before the scan data");
    uint32_t len = 0;
    if (!r.u16(pos, true, len) || len < 2) return truncated("JPEG");
    if (is_jpeg_sof(marker)) {
      uint32_t precision = 0, h = 0, w = 0, comps = 0;
      if (len < 8 || !r.u8(pos + 2, precision) || !r.u16(pos + 3, true, h) ||
          !r.u16(pos + 5, true, w) || !r.u8(pos + 7, comps))
        return truncated("JPEG");
      if (marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF)
        return Error(ErrorCode::Unsupported, "lossless JPEG is not supported");
      if (precision != 8)
        return Error(ErrorCode::Unsupported,
                     std::to_string(precision) + "-bit JPEG is not supported (8-bit only)");
      if (comps != 1 && comps != 3 && comps != 4)
        return Error(ErrorCode::Unsupported,
                     "JPEG with " + std::to_string(comps) + " components is not supported");
      if (w == 0 || h == 0)
        return Error(ErrorCode::Unsupported, "JPEG with a deferred height (DNL) is not supported");
      HeaderInfo info;
      info.format = ImageFormat::Jpeg;
      info.width = w;
      info.height = h;
      info.channels = int(comps);
      info.bit_depth = 8;
      info.gray = comps == 1;
      info.cmyk = comps == 4;
      return info;
    }
    pos += len;
  }
  return truncated("JPEG");
}

// TIFF field types whose size we need to locate an entry's value.
size_t tiff_type_size(uint32_t type) {
  switch (type) {
    case 1: case 2: case 6: case 7: return 1;   // BYTE ASCII SBYTE UNDEFINED
    case 3: case 8: return 2;                   // SHORT SSHORT
    case 4: case 9: case 11: case 13: return 4; // LONG SLONG FLOAT IFD
    case 5: case 10: case 12: return 8;         // RATIONAL SRATIONAL DOUBLE
    default: return 0;
  }
}

Result<HeaderInfo> probe_tiff(const ByteReader& r) {
  const bool big = r.equals(0, "MM", 2);
  uint32_t magic = 0, ifd = 0, count = 0;
  if (!r.u16(2, big, magic)) return truncated("TIFF");
  if (magic == 43) return Error(ErrorCode::Unsupported, "BigTIFF is not supported");
  if (!r.u32(4, big, ifd) || ifd < 8 || !r.u16(ifd, big, count) || count == 0)
    return truncated("TIFF");
  uint32_t width = 0, height = 0, spp = 1, bits = 1, photometric = 2, sample_format = 1;
  uint32_t extra_samples = 0;
  bool have_photometric = false;
  for (uint32_t i = 0; i < count; ++i) {
    const size_t entry = size_t(ifd) + 2 + size_t(i) * 12;
    uint32_t tag = 0, type = 0, n = 0;
    if (!r.u16(entry, big, tag) || !r.u16(entry + 2, big, type) || !r.u32(entry + 4, big, n))
      return truncated("TIFF");
    const size_t unit = tiff_type_size(type);
    if (unit == 0 || n == 0) continue;
    // Values of up to 4 bytes sit in the entry; larger ones at an offset. Only the first value
    // of each field matters here.
    size_t at = entry + 8;
    if (uint64_t(unit) * n > 4) {
      uint32_t off = 0;
      if (!r.u32(entry + 8, big, off)) return truncated("TIFF");
      at = off;
    }
    uint32_t v = 0;
    const bool ok = type == 3 ? r.u16(at, big, v) : type == 4 ? r.u32(at, big, v)
                  : type == 1 ? r.u8(at, v) : true;
    if (!ok) return truncated("TIFF");
    if (type != 1 && type != 3 && type != 4) continue;  // the fields below are integers
    switch (tag) {
      case 256: width = v; break;
      case 257: height = v; break;
      case 258: bits = v; break;
      case 262: photometric = v; have_photometric = true; break;
      case 277: spp = v; break;
      case 338: extra_samples = n; break;
      case 339: sample_format = v; break;
      default: break;
    }
  }
  if (width == 0 || height == 0) return Error(ErrorCode::Format, "TIFF has no image dimensions");
  if (!have_photometric) return Error(ErrorCode::Format, "TIFF has no PhotometricInterpretation");
  if (photometric == 5) return Error(ErrorCode::Unsupported, "CMYK TIFF is not supported; convert to RGB");
  if (photometric != 0 && photometric != 1 && photometric != 2 && photometric != 3 && photometric != 6)
    return Error(ErrorCode::Unsupported,
                 "TIFF photometric interpretation " + std::to_string(photometric) + " is not supported");
  if (sample_format == 3) return Error(ErrorCode::Unsupported, "floating-point TIFF is not supported");
  if (bits != 1 && bits != 8 && bits != 16)
    return Error(ErrorCode::Unsupported,
                 std::to_string(bits) + "-bit TIFF samples are not supported (8 or 16 only)");
  if (spp == 0 || spp > 4) return Error(ErrorCode::Unsupported, "TIFF with " + std::to_string(spp) + " samples per pixel is not supported");
  HeaderInfo info;
  info.format = ImageFormat::Tiff;
  info.width = width;
  info.height = height;
  info.bit_depth = int(bits);
  info.gray = photometric <= 1;
  info.channels = photometric == 3 ? 3 : int(spp);
  info.has_alpha = extra_samples > 0 || (info.gray ? spp == 2 : spp == 4);
  return info;
}

Result<HeaderInfo> probe_webp(const ByteReader& r) {
  // RIFF header (12 bytes), then the first chunk: fourcc (4), size (4), payload.
  HeaderInfo info;
  info.format = ImageFormat::Webp;
  info.bit_depth = 8;
  if (r.equals(12, "VP8X", 4)) {
    uint32_t flags = 0, w = 0, h = 0;
    if (!r.u8(20, flags) || !r.u24le(24, w) || !r.u24le(27, h)) return truncated("WebP");
    if (flags & 0x02) return Error(ErrorCode::Unsupported, "animated WebP is not supported");
    info.width = w + 1;
    info.height = h + 1;
    info.has_alpha = (flags & 0x10) != 0;
  } else if (r.equals(12, "VP8L", 4)) {
    uint32_t sig = 0, bits = 0;
    if (!r.u8(20, sig) || sig != 0x2F || !r.u32(21, false, bits)) return truncated("WebP");
    info.width = (bits & 0x3FFF) + 1;
    info.height = ((bits >> 14) & 0x3FFF) + 1;
    info.has_alpha = ((bits >> 28) & 1) != 0;
  } else if (r.equals(12, "VP8 ", 4)) {
    // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
    uint32_t w = 0, h = 0;
    if (!r.equals(23, "\x9D\x01\x2A", 3) || !r.u16(26, false, w) || !r.u16(28, false, h))
      return truncated("WebP");
    info.width = w & 0x3FFF;
    info.height = h & 0x3FFF;
  } else {
    return truncated("WebP");
  }
  if (info.width == 0 || info.height == 0) return Error(ErrorCode::Format, "WebP has no image dimensions");
  info.channels = info.has_alpha ? 4 : 3;
  return info;
}

Result<HeaderInfo> probe_bmp(const ByteReader& r) {
  uint32_t header_size = 0, w = 0, h = 0, bpp = 0;
  if (!r.u32(14, false, header_size)) return truncated("BMP");
  if (header_size == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit dimensions
    if (!r.u16(18, false, w) || !r.u16(20, false, h) || !r.u16(24, false, bpp)) return truncated("BMP");
  } else if (header_size >= 40) {
    if (!r.u32(18, false, w) || !r.u32(22, false, h) || !r.u16(28, false, bpp)) return truncated("BMP");
  } else {
    return Error(ErrorCode::Format, "BMP has an unknown header size");
  }
  // Height is signed: negative means rows are stored top-down.
  const int32_t sh = int32_t(h), sw = int32_t(w);
  if (header_size != 12 && (sw <= 0 || sh == 0 || sh == INT32_MIN))
    return Error(ErrorCode::Format, "BMP has invalid dimensions");
  HeaderInfo info;
  info.format = ImageFormat::Bmp;
  info.width = header_size == 12 ? w : uint32_t(sw);
  info.height = header_size == 12 ? h : uint32_t(sh < 0 ? -sh : sh);
  info.bit_depth = 8;
  info.has_alpha = bpp == 32;
  info.channels = info.has_alpha ? 4 : 3;
  if (info.width == 0 || info.height == 0) return Error(ErrorCode::Format, "BMP has invalid dimensions");
  return info;
}

// Offset of the 2-byte value of the first IFD's entry `tag` when it holds one SHORT, else 0.
size_t tiff_short_offset(const uint8_t* data, size_t size, uint32_t wanted) {
  if (data == nullptr) return 0;
  const ByteReader r(data, size);
  if (!r.equals(0, "II*\0", 4) && !r.equals(0, "MM\0*", 4)) return 0;  // also a TIFF the sniffer took for RAW
  const bool big = r.equals(0, "MM", 2);
  uint32_t magic = 0, ifd = 0, count = 0;
  if (!r.u16(2, big, magic) || magic != 42 || !r.u32(4, big, ifd) || ifd < 8 || !r.u16(ifd, big, count))
    return 0;
  for (uint32_t i = 0; i < count; ++i) {
    const size_t entry = size_t(ifd) + 2 + size_t(i) * 12;
    uint32_t tag = 0, type = 0, n = 0;
    if (!r.u16(entry, big, tag) || !r.u16(entry + 2, big, type) || !r.u32(entry + 4, big, n)) return 0;
    if (tag == wanted && type == 3 && n == 1 && r.has(entry + 8, 2)) return entry + 8;
  }
  return 0;
}

Result<HeaderInfo> probe_heif(const uint8_t* data, size_t size, ImageFormat format) {
  auto p = heif::probe(data, size);
  if (!p) return p.error();
  HeaderInfo info;
  info.format = format;
  info.width = p->width;
  info.height = p->height;
  info.bit_depth = p->bit_depth;
  info.has_alpha = p->has_alpha;
  info.gray = p->gray;
  info.channels = (p->gray ? 1 : 3) + (p->has_alpha ? 1 : 0);
  return info;
}

Result<HeaderInfo> probe_raw(const uint8_t* data, size_t size) {
  auto p = raw::probe(data, size);
  if (!p) return p.error();
  HeaderInfo info;
  info.format = ImageFormat::Raw;
  info.width = p->width;
  info.height = p->height;
  info.bit_depth = 16;  // developed to 16-bit RGB
  info.channels = 3;
  return info;
}

}  // namespace

size_t tiff_orientation_offset(const uint8_t* data, size_t size) { return tiff_short_offset(data, size, 274); }

size_t tiff_extra_samples_offset(const uint8_t* data, size_t size) { return tiff_short_offset(data, size, 338); }

bool has_camera_raw_signature(const uint8_t* data, size_t size) {
  if (data == nullptr) return false;
  const ByteReader r(data, size);
  if (r.equals(0, "IIRO", 4) || r.equals(0, "IIRS", 4) || r.equals(0, "MMOR", 4) ||  // Olympus ORF
      r.equals(0, "IIU\0", 4) ||                                                      // Panasonic RW2
      r.equals(0, "FUJIFILMCCD-RAW", 15) ||                                            // Fujifilm RAF
      r.equals(4, "ftypcrx ", 8) ||                                                    // Canon CR3
      r.equals(0, "II\x1A\0\0\0HEAPCCDR", 14) ||                                     // Canon CRW
      r.equals(0, "\0MRM", 4) || r.equals(0, "FOVb", 4))                               // Minolta MRW, Sigma X3F
    return true;
  const bool big = r.equals(0, "MM\0*", 4);
  if (!big && !r.equals(0, "II*\0", 4)) return false;
  if (r.equals(8, "CR\x02\0", 4)) return true;  // Canon CR2
  uint32_t ifd = 0, count = 0;
  if (!r.u32(4, big, ifd) || ifd < 8 || !r.u16(ifd, big, count)) return false;
  bool make = false, sub_ifds = false;
  for (uint32_t i = 0; i < count && i < 1024; ++i) {
    const size_t entry = size_t(ifd) + 2 + size_t(i) * 12;
    uint32_t tag = 0, type = 0, v = 0;
    if (!r.u16(entry, big, tag) || !r.u16(entry + 2, big, type)) return false;
    if (type == 3) r.u16(entry + 8, big, v);
    switch (tag) {
      case 50706: return true;  // DNGVersion
      case 262:                 // PhotometricInterpretation: CFA, LinearRaw
        if (v == 32803 || v == 34892) return true;
        break;
      case 259:                 // Compression: Nikon NEF, Sony ARW, Pentax PEF, Kodak
        if (v == 34713 || v == 32767 || v == 65535 || v == 65000 || v == 32769 || v == 32770) return true;
        break;
      case 271: make = true; break;
      case 330: sub_ifds = true; break;
      default: break;
    }
  }
  return make && sub_ifds;
}

Result<HeaderInfo> probe_header(const uint8_t* data, size_t size) {
  if (data == nullptr) size = 0;
  const ByteReader reader(data, size);
  const ImageFormat format = sniff_format(data, size);
  switch (format) {
    case ImageFormat::Png: return probe_png(reader);
    case ImageFormat::Jpeg: return probe_jpeg(reader);
    case ImageFormat::Tiff:
      // A TIFF-based RAW whose first directory lies beyond a short sniff, or one sniff cannot
      // tell: LibRaw decides on the whole file.
      if (raw::sniff(data, size)) return probe_raw(data, size);
      return probe_tiff(reader);
    case ImageFormat::Webp: return probe_webp(reader);
    case ImageFormat::Bmp: return probe_bmp(reader);
    case ImageFormat::Heif:
    case ImageFormat::Avif: return probe_heif(data, size, format);
    case ImageFormat::Raw: {
      // The Make + SubIFDs signature also fits some plain TIFFs (exports with camera EXIF and
      // previews): when LibRaw does not take a TIFF, it is read as the TIFF it is.
      auto raw = probe_raw(data, size);
      const bool tiff = reader.equals(0, "II*\0", 4) || reader.equals(0, "MM\0*", 4);
      if (!raw && tiff && raw.error().code == ErrorCode::Unsupported) return probe_tiff(reader);
      return raw;
    }
    case ImageFormat::Unknown: break;
  }
  return Error(ErrorCode::Unsupported,
               "not a supported image (JPEG, PNG, TIFF, WebP, BMP, HEIF/HEIC, AVIF or camera RAW expected)");
}

}  // namespace rsd::imaging
