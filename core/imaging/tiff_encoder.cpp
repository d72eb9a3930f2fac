// The in-memory TIFF encoder, through libtiff directly rather than OpenCV: OpenCV 4.6 writes
// RGBA without the ExtraSamples tag, so other readers cannot tell that the fourth sample is
// alpha. Layout as the streaming writer (tiff_row_writer.cpp): strips of ~256 KiB, the
// horizontal predictor when compressed, RGBA labelled "unassociated alpha".
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <tiffio.h>

#include "imaging/image_encoder.h"
#include "imaging/row_writer_support.h"

namespace rsd::imaging::detail {
namespace {

// A growable byte buffer that libtiff reads, writes and seeks in.
struct MemoryTiff {
  std::vector<uint8_t> bytes;
  uint64_t pos = 0;
  std::string error;
  bool out_of_memory = false;

  static tmsize_t read(thandle_t h, void* buf, tmsize_t n) {
    auto* m = static_cast<MemoryTiff*>(h);
    if (m->pos >= m->bytes.size()) return 0;
    const size_t count = std::min<size_t>(size_t(n), m->bytes.size() - m->pos);
    std::memcpy(buf, m->bytes.data() + m->pos, count);
    m->pos += count;
    return tmsize_t(count);
  }
  static tmsize_t write(thandle_t h, void* buf, tmsize_t n) {
    auto* m = static_cast<MemoryTiff*>(h);
    try {
      if (m->pos + uint64_t(n) > m->bytes.size()) m->bytes.resize(m->pos + uint64_t(n));
    } catch (const std::bad_alloc&) {
      m->out_of_memory = true;
      return -1;
    }
    std::memcpy(m->bytes.data() + m->pos, buf, size_t(n));
    m->pos += uint64_t(n);
    return n;
  }
  static toff_t seek(thandle_t h, toff_t offset, int whence) {
    auto* m = static_cast<MemoryTiff*>(h);
    const uint64_t base = whence == SEEK_CUR ? m->pos : whence == SEEK_END ? m->bytes.size() : 0;
    m->pos = base + offset;
    return m->pos;
  }
  static int close(thandle_t) { return 0; }
  static toff_t size(thandle_t h) { return static_cast<MemoryTiff*>(h)->bytes.size(); }
  static int map(thandle_t, void**, toff_t*) { return 0; }
  static void unmap(thandle_t, void*, toff_t) {}
  static int on_error(TIFF*, void* self, const char* module, const char* fmt, va_list ap) {
    char message[512];
    std::vsnprintf(message, sizeof message, fmt, ap);
    auto* m = static_cast<MemoryTiff*>(self);
    if (m->error.empty()) m->error = std::string(module ? module : "libtiff") + ": " + message;
    return 1;
  }
  static int on_warning(TIFF*, void*, const char*, const char*, va_list) { return 1; }
};

}  // namespace

Result<std::vector<uint8_t>> encode_tiff(const ImageF& image, int bit_depth, TiffCompression compression) {
  MemoryTiff memory;
  TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
  TIFFOpenOptionsSetErrorHandlerExtR(options, MemoryTiff::on_error, &memory);
  TIFFOpenOptionsSetWarningHandlerExtR(options, MemoryTiff::on_warning, &memory);
  TIFF* tif = TIFFClientOpenExt("output", "wl", &memory, MemoryTiff::read, MemoryTiff::write, MemoryTiff::seek,
                                MemoryTiff::close, MemoryTiff::size, MemoryTiff::map, MemoryTiff::unmap, options);
  TIFFOpenOptionsFree(options);
  auto failed = [&]() -> Error {
    if (memory.out_of_memory) return Error(ErrorCode::OutOfMemory, "out of memory while encoding the TIFF");
    return Error(ErrorCode::Internal, "the TIFF encoder failed: " + (memory.error.empty() ? "unknown error" : memory.error));
  };
  if (!tif) return failed();

  const int channels = image.channels;
  const size_t row_bytes = size_t(image.width) * channels * (bit_depth / 8);
  const uint16_t code = compression == TiffCompression::Lzw       ? COMPRESSION_LZW
                        : compression == TiffCompression::Deflate ? COMPRESSION_ADOBE_DEFLATE
                                                                  : COMPRESSION_NONE;
  bool ok = TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(image.width)) &&
            TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(image.height)) &&
            TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, uint16_t(bit_depth)) &&
            TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, uint16_t(channels)) &&
            TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, channels == 1 ? PHOTOMETRIC_MINISBLACK : PHOTOMETRIC_RGB) &&
            TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG) &&
            TIFFSetField(tif, TIFFTAG_COMPRESSION, code) &&
            TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, uint32_t(std::max<size_t>(1, (size_t(256) << 10) / row_bytes)));
  if (ok && code != COMPRESSION_NONE) ok = TIFFSetField(tif, TIFFTAG_PREDICTOR, uint16_t(PREDICTOR_HORIZONTAL));
  if (ok && channels == 4) {
    const uint16_t extra = EXTRASAMPLE_UNASSALPHA;
    ok = TIFFSetField(tif, TIFFTAG_EXTRASAMPLES, uint16_t(1), &extra);
  }
  std::vector<uint8_t> row(row_bytes);
  for (int y = 0; ok && y < image.height; ++y) {
    quantize_row(image.row(y), size_t(image.width) * channels, bit_depth, false, row.data());
    ok = TIFFWriteScanline(tif, row.data(), uint32_t(y), 0) >= 0;
  }
  if (ok) ok = TIFFFlush(tif) != 0;
  TIFFClose(tif);
  if (!ok) return failed();
  return std::move(memory.bytes);
}

}  // namespace rsd::imaging::detail
