#include "hostile_files.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "imaging/image_encoder.h"
#include "../core/imaging/test_support.h"

namespace rsd::test::hostile {
namespace {

void be32(Bytes& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(uint8_t(v >> (8 * i)));
}
void le16(Bytes& out, uint32_t v) { out.insert(out.end(), {uint8_t(v), uint8_t(v >> 8)}); }
void le24(Bytes& out, uint32_t v) { out.insert(out.end(), {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16)}); }
void le32(Bytes& out, uint32_t v) {
  le16(out, v & 0xFFFF);
  le16(out, v >> 16);
}
void text(Bytes& out, const std::string& s) { out.insert(out.end(), s.begin(), s.end()); }

uint32_t crc32(const uint8_t* data, size_t size) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xFFFFFFFFu;
}

Bytes png_chunk(const std::string& type, const Bytes& body) {
  Bytes out;
  be32(out, uint32_t(body.size()));
  Bytes typed(type.begin(), type.end());
  typed.insert(typed.end(), body.begin(), body.end());
  out.insert(out.end(), typed.begin(), typed.end());
  be32(out, crc32(typed.data(), typed.size()));
  return out;
}

// Offset of the first occurrence of `needle`, or throws (the fixture is not what we expect).
size_t find(const Bytes& hay, const Bytes& needle, size_t from = 0) {
  auto it = std::search(hay.begin() + long(from), hay.end(), needle.begin(), needle.end());
  if (it == hay.end()) throw std::runtime_error("hostile fixture: marker not found");
  return size_t(it - hay.begin());
}

void tiff_entry(Bytes& out, uint32_t tag, uint32_t type, uint32_t count, uint32_t value) {
  le16(out, tag);
  le16(out, type);
  le32(out, count);
  le32(out, value);  // SHORT values sit in the first two bytes: little-endian puts them there
}

Bytes exif(bool jpeg_prefix, Bytes tiff) {
  if (jpeg_prefix) tiff.insert(tiff.begin(), {'E', 'x', 'i', 'f', 0, 0});
  return tiff;
}

}  // namespace

Bytes good_photo(ImageFormat format, int width, int height) {
  imaging::EncodeOptions o;
  o.format = format;
  auto bytes = imaging::encode_image(make_pattern(width, height, 3), o);
  if (!bytes) throw std::runtime_error("hostile fixture: " + bytes.error().what());
  return bytes.value();
}

Bytes bomb_header(ImageFormat format, uint32_t width, uint32_t height) {
  Bytes out;
  switch (format) {
    case ImageFormat::Png: {
      out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
      Bytes ihdr;
      be32(ihdr, width);
      be32(ihdr, height);
      ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});
      for (const Bytes& c : {png_chunk("IHDR", ihdr), png_chunk("IEND", {})}) out.insert(out.end(), c.begin(), c.end());
      break;
    }
    case ImageFormat::Jpeg:  // SOI, baseline frame header with three components, EOI
      out = {0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, uint8_t(height >> 8), uint8_t(height), uint8_t(width >> 8),
             uint8_t(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9};
      break;
    case ImageFormat::Tiff: {
      out = {'I', 'I', 42, 0};
      le32(out, 8);
      le16(out, 9);
      const uint32_t data_at = 8 + 2 + 9 * 12 + 4;
      tiff_entry(out, 256, 4, 1, width);
      tiff_entry(out, 257, 4, 1, height);
      tiff_entry(out, 258, 3, 1, 8);
      tiff_entry(out, 259, 3, 1, 1);
      tiff_entry(out, 262, 3, 1, 2);
      tiff_entry(out, 273, 4, 1, data_at);
      tiff_entry(out, 277, 3, 1, 3);
      tiff_entry(out, 278, 4, 1, height);
      tiff_entry(out, 279, 4, 1, 0x7FFFFFFF);
      le32(out, 0);
      out.resize(out.size() + 16, 0);
      break;
    }
    case ImageFormat::Webp:  // RIFF, a VP8X chunk giving the canvas size, nothing else
      text(out, "RIFF");
      le32(out, 4 + 8 + 10);
      text(out, "WEBPVP8X");
      le32(out, 10);
      out.insert(out.end(), {0, 0, 0, 0});
      le24(out, width - 1);
      le24(out, height - 1);
      break;
    case ImageFormat::Bmp:
      text(out, "BM");
      le32(out, 54);
      le32(out, 0);
      le32(out, 54);
      le32(out, 40);
      le32(out, width);
      le32(out, height);
      le16(out, 1);
      le16(out, 24);
      for (int i = 0; i < 6; ++i) le32(out, 0);
      break;
    default:  // HEIF, AVIF and RAW sizes come from libheif and LibRaw (tests/core/pipeline/camera_formats_test.cpp)
      break;
  }
  return out;
}

Bytes cut(const Bytes& bytes, size_t size) {
  return Bytes(bytes.begin(), bytes.begin() + long(std::min(size, bytes.size())));
}

Bytes flip(Bytes bytes, size_t at, size_t count) {
  for (size_t i = at; i < std::min(at + count, bytes.size()); ++i) bytes[i] ^= 0xA5;
  return bytes;
}

size_t header_offset(const Bytes& photo, ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: return find(photo, {0xFF, 0xC4}) + 4;  // DHT: table class and id
    case ImageFormat::Png: return 16;                               // IHDR width
    case ImageFormat::Tiff: return 4;                               // offset of the first IFD
    case ImageFormat::Webp: return 12;                              // first chunk's tag
    default: return 0;
  }
}

size_t entropy_offset(const Bytes& photo, ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: {
      const size_t sos = find(photo, {0xFF, 0xDA});
      const size_t data = sos + 2 + ((size_t(photo[sos + 2]) << 8) | photo[sos + 3]);
      return data + (photo.size() - data) / 2;
    }
    case ImageFormat::Png: {
      const size_t idat = find(photo, {'I', 'D', 'A', 'T'});
      const size_t len = (size_t(photo[idat - 4]) << 24) | (size_t(photo[idat - 3]) << 16) |
                         (size_t(photo[idat - 2]) << 8) | photo[idat - 1];
      return idat + 4 + len / 2;
    }
    case ImageFormat::Tiff: {  // between the header and the IFD, or between the IFD and the end
      const size_t ifd =
          size_t(photo[4]) | (size_t(photo[5]) << 8) | (size_t(photo[6]) << 16) | (size_t(photo[7]) << 24);
      const size_t ifd_end = ifd + 2 + 12 * (size_t(photo[ifd]) | (size_t(photo[ifd + 1]) << 8)) + 4;
      return ifd > photo.size() / 2 ? (8 + ifd) / 2 : (ifd_end + photo.size()) / 2;
    }
    case ImageFormat::Webp: return (30 + photo.size()) / 2;
    default: return photo.size() / 2;
  }
}

Bytes jpeg_with_segment(const Bytes& jpeg, uint8_t marker, const Bytes& payload) {
  Bytes out(jpeg.begin(), jpeg.begin() + 2);
  const size_t len = payload.size() + 2;
  out.insert(out.end(), {0xFF, marker, uint8_t(len >> 8), uint8_t(len)});
  out.insert(out.end(), payload.begin(), payload.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

Bytes png_with_chunk(const Bytes& png, const std::string& type, const Bytes& body) {
  const size_t after_ihdr = 8 + 4 + 4 + 13 + 4;
  Bytes out(png.begin(), png.begin() + long(after_ihdr));
  const Bytes chunk = png_chunk(type, body);
  out.insert(out.end(), chunk.begin(), chunk.end());
  out.insert(out.end(), png.begin() + long(after_ihdr), png.end());
  return out;
}

Bytes exif_bogus_ifd_offset(bool jpeg_prefix) {
  Bytes tiff = {'I', 'I', 42, 0};
  le32(tiff, 0xFFFFFF00u);
  return exif(jpeg_prefix, tiff);
}

Bytes exif_huge_entry_count(bool jpeg_prefix) {
  Bytes tiff = {'I', 'I', 42, 0};
  le32(tiff, 8);
  le16(tiff, 0xFFFF);                           // 65535 entries claimed, two present
  tiff_entry(tiff, 0x010F, 2, 4, 0x00636261);   // Make "abc"
  tiff_entry(tiff, 0x0110, 2, 4, 0x00666564);   // Model "def"
  return exif(jpeg_prefix, tiff);
}

Bytes exif_self_linked_ifd(bool jpeg_prefix) {
  Bytes tiff = {'I', 'I', 42, 0};
  le32(tiff, 8);
  le16(tiff, 2);
  tiff_entry(tiff, 0x010F, 2, 0x7FFFFFFF, 0x7FFFFFF0);  // Make: 2 GB of text, far past the end
  tiff_entry(tiff, 0x0112, 3, 1, 0xFFFF);               // Orientation 65535
  le32(tiff, 8);                                        // the next IFD is this one again
  return exif(jpeg_prefix, tiff);
}

Bytes xmp_not_xml() {
  Bytes out;
  text(out, std::string("http://ns.adobe.com/xap/1.0/") + '\0');
  text(out, "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
            "<rdf:RDF <<< this is not XML &&& </x:xmp");
  return out;
}

Bytes icc_bad_size() {
  Bytes out;
  text(out, std::string("ICC_PROFILE") + '\0');
  out.insert(out.end(), {1, 1});  // chunk 1 of 1
  Bytes profile;
  be32(profile, 16u << 20);       // claims 16 MB
  profile.resize(36, 0);
  text(profile, "acsp");
  profile.resize(132, 0);         // header and a tag count of 0
  out.insert(out.end(), profile.begin(), profile.end());
  return out;
}

Bytes png_iccp_garbage() {
  Bytes out;
  text(out, "icc");
  out.push_back(0);  // end of the name
  out.push_back(0);  // compression method: zlib
  text(out, "this is not zlib data at all");
  return out;
}

}  // namespace rsd::test::hostile
