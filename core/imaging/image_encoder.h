// Encoding float pixels into JPEG, PNG, TIFF or WebP bytes (in memory; the metadata writer and
// the safe file writer take it from there).
//
// Limits of OpenCV 4.6 that show here: JPEG is always written with 4:2:0 chroma subsampling
// (IMWRITE_JPEG_SAMPLING_FACTOR arrived in 4.7); PNG cannot hold gray + alpha, so that becomes
// RGBA; WebP is 8-bit RGB(A) only.
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
};

// The bit depth actually written for a requested depth (16 only where the format has it).
int effective_bit_depth(ImageFormat format, int requested);

// image: 1 (gray), 3 (RGB) or 4 (RGBA) channels in [0, 1]. JPEG takes 1 or 3 channels (flatten
// alpha first). Errors: InvalidArgument (bad options or channel count), Internal (codec failure).
Result<std::vector<uint8_t>> encode_image(const ImageF& image, const EncodeOptions& options);

}  // namespace rsd::imaging
