#include "imaging/jpeg_writer.h"

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <jpeglib.h>

#include "imaging/jpeg_error.h"

namespace rsd::imaging::detail {
namespace {

// Owns the compressor, the row buffer and the memory destination libjpeg allocates with malloc.
struct Compressor {
  jpeg_compress_struct cinfo{};
  JpegErrorManager err{};
  std::vector<JSAMPLE> row;
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  ~Compressor() {
    jpeg_destroy_compress(&cinfo);
    std::free(buffer);
  }
};

// Everything that may longjmp lives here, with no local object whose destructor could be skipped.
bool compress(Compressor& c, const ImageF& image, int quality) {
  c.cinfo.err = jpeg_std_error(&c.err.base);
  c.err.base.error_exit = jpeg_error_exit;
  if (setjmp(c.err.jump)) return false;
  jpeg_create_compress(&c.cinfo);
  jpeg_mem_dest(&c.cinfo, &c.buffer, &c.size);
  c.cinfo.image_width = JDIMENSION(image.width);
  c.cinfo.image_height = JDIMENSION(image.height);
  c.cinfo.input_components = image.channels;
  c.cinfo.in_color_space = image.channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults(&c.cinfo);
  jpeg_set_quality(&c.cinfo, quality, TRUE);
  c.cinfo.optimize_coding = TRUE;
  for (int i = 0; i < c.cinfo.num_components; ++i) {
    c.cinfo.comp_info[i].h_samp_factor = 1;
    c.cinfo.comp_info[i].v_samp_factor = 1;
  }
  jpeg_start_compress(&c.cinfo, TRUE);
  while (c.cinfo.next_scanline < c.cinfo.image_height) {
    const float* src = image.row(int(c.cinfo.next_scanline));
    for (size_t i = 0; i < c.row.size(); ++i)
      c.row[i] = JSAMPLE(std::lround(std::clamp(src[i], 0.0f, 1.0f) * 255.0f));
    JSAMPROW rows[1] = {c.row.data()};
    jpeg_write_scanlines(&c.cinfo, rows, 1);
  }
  jpeg_finish_compress(&c.cinfo);
  return true;
}

}  // namespace

Result<std::vector<uint8_t>> encode_jpeg_444(const ImageF& image, int quality) {
  if (image.channels != 1 && image.channels != 3)
    return Error(ErrorCode::InvalidArgument, "JPEG stores 1 or 3 channels");
  if (quality < 1 || quality > 100) return Error(ErrorCode::InvalidArgument, "JPEG quality must be 1..100");
  if (image.width > JPEG_MAX_DIMENSION || image.height > JPEG_MAX_DIMENSION)
    return Error(ErrorCode::TooLarge, "JPEG cannot store images over 65500 pixels on a side");
  Compressor c;
  c.row.resize(size_t(image.width) * image.channels);
  if (!compress(c, image, quality))
    return Error(ErrorCode::Internal, std::string("the JPEG encoder failed: ") + c.err.message);
  return std::vector<uint8_t>(c.buffer, c.buffer + c.size);
}

}  // namespace rsd::imaging::detail
