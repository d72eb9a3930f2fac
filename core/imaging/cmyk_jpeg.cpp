#include "imaging/cmyk_jpeg.h"

#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#include "imaging/color_management.h"
#include "imaging/jpeg_error.h"

namespace rsd::imaging::detail {
namespace {

// Everything that must survive a longjmp out of libjpeg lives outside the setjmp frame.
struct Decoder {
  jpeg_decompress_struct cinfo{};
  JpegErrorManager err{};
  bool created = false;
  JOCTET* icc = nullptr;
  ~Decoder() {
    if (created) jpeg_destroy_decompress(&cinfo);
    std::free(icc);
  }
};

// Reads the CMYK samples and the embedded profile; false (message in `d.err`) on a libjpeg error.
bool read_cmyk(Decoder& d, const uint8_t* data, size_t size, std::vector<uint8_t>& cmyk, std::vector<uint8_t>& icc,
               bool& inverted) {
  if (setjmp(d.err.jump)) return false;
  jpeg_create_decompress(&d.cinfo);
  d.created = true;
  jpeg_mem_src(&d.cinfo, data, static_cast<unsigned long>(size));
  jpeg_save_markers(&d.cinfo, JPEG_APP0 + 2, 0xFFFF);  // ICC_PROFILE chunks
  jpeg_read_header(&d.cinfo, TRUE);
  d.cinfo.out_color_space = JCS_CMYK;  // libjpeg turns YCCK into CMYK itself
  jpeg_start_decompress(&d.cinfo);
  const size_t row = size_t(d.cinfo.output_width) * 4;
  cmyk.resize(row * d.cinfo.output_height);
  while (d.cinfo.output_scanline < d.cinfo.output_height) {
    JSAMPROW line = cmyk.data() + row * d.cinfo.output_scanline;
    jpeg_read_scanlines(&d.cinfo, &line, 1);
  }
  unsigned int icc_size = 0;
  if (jpeg_read_icc_profile(&d.cinfo, &d.icc, &icc_size) && d.icc != nullptr) icc.assign(d.icc, d.icc + icc_size);
  // Photoshop and most software that writes an Adobe APP14 marker store CMYK inverted (0 = full ink).
  inverted = d.cinfo.saw_Adobe_marker;
  jpeg_finish_decompress(&d.cinfo);
  return true;
}

}  // namespace

Result<CmykJpeg> decode_cmyk_jpeg(const uint8_t* data, size_t size) {
  std::vector<uint8_t> cmyk, icc;
  bool inverted = false;
  int width = 0, height = 0;
  try {
    auto d = std::make_unique<Decoder>();
    d->cinfo.err = jpeg_std_error(&d->err.base);
    d->err.base.error_exit = jpeg_error_exit;
    d->err.base.emit_message = [](j_common_ptr, int) {};  // warnings stay quiet; errors exit
    if (!read_cmyk(*d, data, size, cmyk, icc, inverted))
      return Error(ErrorCode::Format, std::string("cannot decode the CMYK JPEG: ") + d->err.message);
    if (d->cinfo.output_components != 4)
      return Error(ErrorCode::Format, "the CMYK JPEG did not decode to four components");
    width = int(d->cinfo.output_width);
    height = int(d->cinfo.output_height);
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while decoding the CMYK JPEG");
  }
  CmykJpeg out;
  try {
    out.bgr.create(height, width, CV_8UC3);
  } catch (const cv::Exception&) {
    return Error(ErrorCode::OutOfMemory, "out of memory for the RGB picture");
  }
  auto converted = cmyk_to_srgb(cmyk.data(), size_t(width) * size_t(height), inverted, icc, out.bgr.data);
  if (!converted) return converted.error();
  out.warning = converted->warning;
  return out;
}

}  // namespace rsd::imaging::detail
