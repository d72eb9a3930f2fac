// Decoding a photo from its encoded bytes into upright float pixels.
//
// The header is probed and the pixel limit checked before any pixel buffer is allocated. OpenCV
// decodes JPEG, PNG, TIFF, WebP and BMP with IMREAD_UNCHANGED (keeps 16 bit and alpha, but
// ignores EXIF orientation), so the caller passes the orientation it read from the metadata and
// it is applied here, exactly once. CMYK/YCCK JPEGs go through libjpeg and Little CMS to sRGB
// (the EXIF orientation applies to them as well). HEIF/AVIF (libheif) and camera RAW (LibRaw)
// come out of their libraries upright already, so `orientation` is ignored for them and
// source_orientation is 1; a 10/12-bit HEIF and every RAW give 16-bit samples.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "imaging/decoded_image.h"
#include "imaging/integer_image.h"

namespace rsd::imaging {

struct DecodeOptions {
  int orientation = 1;                     // EXIF orientation of the stored pixels (1..8)
  uint64_t max_pixels = 250'000'000;       // refuse larger images before decoding; 0 = no limit
};

// Errors: Unsupported (CMYK TIFF, float, unknown format, a RAW LibRaw cannot read), Format
// (corrupt data), TooLarge, OutOfMemory. The ICC profile of the OpenCV formats is not read here
// (see metadata::read_metadata and DecodedImage::icc_profile).
Result<DecodedImage> decode_image(const uint8_t* data, size_t size, const DecodeOptions& options = {});

// The same decode, but the upright pixels are returned in `pixels` at the file's 8/16-bit depth
// (no float copy); the returned DecodedImage describes them and its `pixels` stay empty.
Result<DecodedImage> decode_image_integer(const uint8_t* data, size_t size, const DecodeOptions& options,
                                          IntegerImage& pixels);

}  // namespace rsd::imaging
