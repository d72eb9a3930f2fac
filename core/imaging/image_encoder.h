// Encoding float pixels into JPEG, PNG, TIFF, WebP, HEIF or AVIF bytes (in memory; the metadata
// writer and the safe file writer take it from there).
//
// JPEG goes through libjpeg (4:4:4 chroma), TIFF through libtiff (RGBA with ExtraSamples =
// unassociated alpha), HEIF/AVIF through libheif (8-bit; gray is written as RGB), PNG and WebP
// through OpenCV 4.6: PNG cannot hold gray + alpha there, so that becomes RGBA; WebP is 8-bit
// RGB(A) only.
#pragma once

#include <cstdint>
#include <vector>

#include "base/error.h"
#include "base/image.h"
#include "imaging/image_format.h"

namespace rsd::imaging {

enum class TiffCompression { Lzw, Deflate, None };

struct EncodeOptions {
  ImageFormat format = ImageFormat::Png;
  int bit_depth = 8;           // 8 or 16; JPEG and WebP are always written with 8
  int jpeg_quality = 95;       // 1..100
  int webp_quality = 95;       // 1..100, ignored when lossless
  bool webp_lossless = false;
  int png_compression = 3;     // zlib level 0..9 (lossless at every level)
  TiffCompression tiff_compression = TiffCompression::Lzw;
  int heif_quality = 90;       // 1..100, HEIF and AVIF (lossy)
  // HEIF/AVIF only: their metadata goes in with the pixels (Exiv2 cannot write these files), as
  // metadata::container_metadata() prepares it. Other formats ignore it.
  struct Container {
    std::vector<uint8_t> exif;  // from the TIFF header on
    std::vector<uint8_t> xmp;
    std::vector<uint8_t> icc;
  } container;
};

// The bit depth actually written for a requested depth (16 only where the format has it).
int effective_bit_depth(ImageFormat format, int requested);

// image: 1 (gray), 3 (RGB) or 4 (RGBA) channels in [0, 1]. JPEG takes 1 or 3 channels (flatten
// alpha first). Errors: InvalidArgument (bad options or channel count), Internal (codec failure).
Result<std::vector<uint8_t>> encode_image(const ImageF& image, const EncodeOptions& options);

}  // namespace rsd::imaging
