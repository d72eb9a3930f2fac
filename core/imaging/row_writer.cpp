#include "imaging/row_writer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "imaging/row_writer_support.h"

namespace rsd::imaging {
namespace {

std::string size_text(uint64_t w, uint64_t h) { return std::to_string(w) + "x" + std::to_string(h); }

}  // namespace

std::string format_size_problem(ImageFormat format, uint64_t width, uint64_t height, int channels,
                                int bit_depth, TiffCompression compression) {
  const uint64_t side = std::max(width, height);
  switch (format) {
    case ImageFormat::Jpeg:
      if (side > 65500)
        return "JPEG cannot store images over 65500 pixels on a side and this output is " +
               size_text(width, height) + ": choose PNG or TIFF";
      break;
    case ImageFormat::Webp:
      if (side > 16383)
        return "WebP cannot store images over 16383 pixels on a side and this output is " +
               size_text(width, height) + ": choose JPEG, PNG or TIFF";
      break;
    case ImageFormat::Heif:
    case ImageFormat::Avif:
      if (side > 16383)
        return std::string(to_string(format)) + " is written here up to 16383 pixels on a side and this output is " +
               size_text(width, height) + ": choose JPEG, PNG or TIFF";
      break;
    case ImageFormat::Tiff: {
      // Classic TIFF addresses 4 GiB; BigTIFF is not written (nor read) by this app. Compressed,
      // twice that may fit (LZW with a predictor often halves 8-bit photos), so only what cannot
      // is refused here; a file that still grows past 4 GiB fails while it is written.
      const long double bytes = (long double)width * height * channels * (bit_depth == 16 ? 2 : 1);
      const long double limit = 4.0L * 1024 * 1024 * 1024 - (1 << 20);
      if (compression == TiffCompression::None && bytes > limit)
        return "an uncompressed TIFF cannot exceed 4 GiB and this " + size_text(width, height) +
               " output needs more: choose LZW or Deflate compression, or PNG";
      if (bytes > 2 * limit)
        return "a TIFF cannot exceed 4 GiB and this " + size_text(width, height) + " output would be " +
               std::to_string(int(bytes / (1024.0L * 1024 * 1024))) + " GiB before compression: choose PNG";
      break;
    }
    default:
      break;
  }
  return {};
}

Result<std::unique_ptr<RowWriter>> open_row_writer(AtomicFileWriter& file, const RowWriterOptions& o) {
  if (o.width <= 0 || o.height <= 0) return Error(ErrorCode::InvalidArgument, "empty image");
  if (o.channels != 1 && o.channels != 3 && o.channels != 4)
    return Error(ErrorCode::InvalidArgument, "images to encode need 1, 3 or 4 channels");
  if (o.channels == 4 && !supports_alpha(o.encode.format))
    return Error(ErrorCode::InvalidArgument,
                 std::string(to_string(o.encode.format)) + " cannot store alpha; flatten it first");
  if (o.encode.bit_depth != 8 && o.encode.bit_depth != 16)
    return Error(ErrorCode::InvalidArgument, "bit depth must be 8 or 16");
  if (file.size() != 0) return Error(ErrorCode::InvalidArgument, "the file to stream into is not empty");
  const std::string problem = format_size_problem(o.encode.format, uint64_t(o.width), uint64_t(o.height),
                                                  o.channels, o.encode.bit_depth, o.encode.tiff_compression);
  if (!problem.empty()) return Error(ErrorCode::TooLarge, problem);
  switch (o.encode.format) {
    case ImageFormat::Jpeg: return detail::open_jpeg_row_writer(file, o);
    case ImageFormat::Png: return detail::open_png_row_writer(file, o);
    case ImageFormat::Tiff: return detail::open_tiff_row_writer(file, o);
    default:
      return Error(ErrorCode::Unsupported,
                   std::string(to_string(o.encode.format)) + " cannot be written row by row");
  }
}

namespace detail {

void quantize_row(const float* src, size_t count, int bit_depth, bool big_endian, uint8_t* dst) {
  // Clamp, scale and round to nearest as image_to_mat() and the JPEG writer do, so a streamed file
  // holds the samples the in-memory path would have written.
  if (bit_depth == 8) {
    for (size_t i = 0; i < count; ++i) dst[i] = uint8_t(std::lround(std::clamp(src[i], 0.f, 1.f) * 255.f));
    return;
  }
  for (size_t i = 0; i < count; ++i) {
    const auto v = uint16_t(std::lround(std::clamp(src[i], 0.f, 1.f) * 65535.f));
    if (big_endian) {
      dst[2 * i] = uint8_t(v >> 8);
      dst[2 * i + 1] = uint8_t(v & 0xFF);
    } else {
      std::memcpy(dst + 2 * i, &v, 2);  // native order (libtiff swaps when the file's differs)
    }
  }
}

Status check_rows(const ImageF& rows, int width, int channels, int written, int height) {
  if (rows.width != width || rows.channels != channels)
    return Error(ErrorCode::InvalidArgument, "rows of " + std::to_string(rows.width) + "x" +
                                                 std::to_string(rows.channels) + " given to a " +
                                                 std::to_string(width) + "x" + std::to_string(channels) +
                                                 " writer");
  if (written + rows.height > height)
    return Error(ErrorCode::InvalidArgument, "more rows than the image has");
  return {};
}

}  // namespace detail
}  // namespace rsd::imaging
