// Streaming encoders: an image written to an AtomicFileWriter a few rows at a time, so that an
// output far larger than memory (a 1.6-gigapixel upscale) never exists in one piece. JPEG goes
// through libjpeg(-turbo) scanlines, PNG through libpng's row API, TIFF through libtiff strips.
// WebP, HEIF and AVIF cannot be streamed (their encoders take a whole picture): BufferedRowWriter
// collects them.
//
// Metadata comes from a "donor": a tiny image of the same format into which the metadata writer
// (core/metadata) has already written EXIF, XMP, IPTC and ICC for the big output. Its metadata
// parts are copied byte for byte: JPEG APPn/COM segments, PNG ancillary chunks, TIFF IFD0 entries
// (see tiff_row_writer.cpp for how their offsets stay valid). So the streamed file carries what
// the in-memory path would have written, and the metadata writer never loads the big file.
//
// Threading: one writer is used by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "base/error.h"
#include "base/image.h"
#include "imaging/file_io.h"
#include "imaging/image_encoder.h"

namespace rsd::imaging {

class RowWriter {
 public:
  virtual ~RowWriter() = default;
  // The next rows.height rows, top to bottom: width and channel count as opened, float in [0, 1]
  // (clamped and rounded to the bit depth as encode_image() does).
  virtual Status write_rows(const ImageF& rows) = 0;
  // After the last row: completes the file (trailers, directory). The caller then commits it.
  virtual Status finish() = 0;
};

struct RowWriterOptions {
  int width = 0;
  int height = 0;
  int channels = 3;  // 1, 3 or 4 (JPEG: 1 or 3)
  EncodeOptions encode;  // format, bit depth, quality, compression
  // JPEG: optimize the Huffman tables. libjpeg then keeps every DCT coefficient of the image
  // (6 bytes per pixel for 4:4:4 colour) until the end, so only small enough outputs use it.
  bool jpeg_optimize = false;
  // A small image of encode.format carrying the metadata to copy (may be empty: none).
  std::vector<uint8_t> metadata_donor;
};

// Opens a writer that streams into `file` (which must be empty). Errors: InvalidArgument (bad
// sizes or options), Unsupported (WebP, BMP), TooLarge (over the format's limits: JPEG 65500
// pixels a side, TIFF 4 GiB uncompressed when compression is off), Format (unreadable donor).
Result<std::unique_ptr<RowWriter>> open_row_writer(AtomicFileWriter& file, const RowWriterOptions& options);

// Why `format` cannot hold a width x height x channels image at bit_depth, or an empty string.
// Checked before any work is done, for both the whole-image and the streamed paths.
std::string format_size_problem(ImageFormat format, uint64_t width, uint64_t height, int channels,
                                int bit_depth, TiffCompression compression);

// For WebP, HEIF and AVIF, which their libraries encode as a whole: rows are collected as 8-bit
// samples (a quarter of the float size) and the picture is encoded by finish(); encoded() then
// holds the file's bytes. WebP comes without metadata (the caller adds it in memory, as for any
// WebP); HEIF/AVIF carry encode.container, written by the encoder. These formats are at most
// 16383 pixels a side, so the encoded bytes stay small enough.
class BufferedRowWriter final : public RowWriter {
 public:
  static Result<std::unique_ptr<BufferedRowWriter>> open(const RowWriterOptions& options);
  ~BufferedRowWriter() override;
  Status write_rows(const ImageF& rows) override;
  Status finish() override;
  std::vector<uint8_t>& encoded() { return encoded_; }

 private:
  explicit BufferedRowWriter(const RowWriterOptions& options);
  RowWriterOptions o_;
  std::vector<uint8_t> samples_;  // RGB(A) or gray, 8 bits
  int written_ = 0;
  std::vector<uint8_t> encoded_;
};

namespace detail {
Result<std::unique_ptr<RowWriter>> open_jpeg_row_writer(AtomicFileWriter& file, const RowWriterOptions& options);
Result<std::unique_ptr<RowWriter>> open_png_row_writer(AtomicFileWriter& file, const RowWriterOptions& options);
Result<std::unique_ptr<RowWriter>> open_tiff_row_writer(AtomicFileWriter& file, const RowWriterOptions& options);
}  // namespace detail

}  // namespace rsd::imaging
