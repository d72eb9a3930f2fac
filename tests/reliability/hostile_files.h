// Hostile photo files for the batch and CLI reliability tests, made at test time (nothing binary
// is committed): well-formed photos to cut and corrupt, header-only decompression bombs, and
// malformed EXIF/XMP/ICC segments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "imaging/image_format.h"

namespace rsd::test::hostile {

using Bytes = std::vector<uint8_t>;
using imaging::ImageFormat;

// A small well-formed RGB photo (a smooth pattern) as the encoder under test writes it.
Bytes good_photo(ImageFormat format, int width = 48, int height = 32);

// Only the header of a width x height image, with valid structure and no pixel data: a
// decompression bomb that must be refused from the header. JPEG's fields are 16 bits wide (at
// most 65535), WebP's (VP8X) 24 bits.
Bytes bomb_header(ImageFormat format, uint32_t width, uint32_t height);

Bytes cut(const Bytes& bytes, size_t size);
// XOR 0xA5 into `count` bytes from `at` (clamped to the file).
Bytes flip(Bytes bytes, size_t at, size_t count = 4);

// Offset of a byte whose corruption a decoder of `format` must notice: the JPEG's first DHT table
// class, the PNG's IHDR width, the TIFF's first-IFD offset, the WebP's first chunk tag.
size_t header_offset(const Bytes& photo, ImageFormat format);
// Offset in the middle of the compressed pixel data (after the JPEG SOS segment, inside the PNG
// IDAT payload, past the TIFF/WebP headers).
size_t entropy_offset(const Bytes& photo, ImageFormat format);

// `payload` as an APPn segment (marker 0xE0 + n) right after the JPEG's SOI.
Bytes jpeg_with_segment(const Bytes& jpeg, uint8_t marker, const Bytes& payload);
// A chunk (with a correct CRC) right after the PNG's IHDR.
Bytes png_with_chunk(const Bytes& png, const std::string& type, const Bytes& body);

// APP1 / eXIf payloads (the JPEG ones start with "Exif\0\0"): a TIFF structure whose IFD0 offset
// points past the segment; whose IFD claims 65535 entries; whose IFD links to itself and holds an
// entry with a huge count at an offset past the end and an out-of-range Orientation.
Bytes exif_bogus_ifd_offset(bool jpeg_prefix);
Bytes exif_huge_entry_count(bool jpeg_prefix);
Bytes exif_self_linked_ifd(bool jpeg_prefix);
// An APP1 XMP payload whose packet is not XML.
Bytes xmp_not_xml();
// An APP2 ICC_PROFILE payload (chunk 1 of 1) whose profile header claims 16 MB but holds 132 bytes.
Bytes icc_bad_size();
// An iCCP chunk body whose "compressed" profile is not zlib data.
Bytes png_iccp_garbage();

}  // namespace rsd::test::hostile
