#include "imaging/image_decoder.h"

#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "imaging/cmyk_jpeg.h"
#include "imaging/color_management.h"
#include "imaging/header_probe.h"
#include "imaging/heif_codec.h"
#include "imaging/mat_bridge.h"
#include "imaging/raw_decoder.h"

namespace rsd::imaging {
namespace {

// libjpeg decodes a cut-off JPEG "successfully": it prints a warning and fills the missing rows
// with grey, so a truncated download would be upscaled as if it were whole. A complete file ends
// its last scan with an EOI marker. Walk the segments (skipping each by its length) and the
// entropy-coded data between them (where 0xFF is only followed by 0x00 stuffing or a restart
// marker) until EOI; running out of bytes first means the file is truncated.
bool jpeg_reaches_end_marker(const uint8_t* data, size_t size) {
  size_t pos = 2;  // after SOI
  while (pos + 1 < size) {
    const void* ff = std::memchr(data + pos, 0xFF, size - pos);
    if (ff == nullptr) return false;
    pos = size_t(static_cast<const uint8_t*>(ff) - data);
    if (pos + 1 >= size) return false;
    const uint8_t marker = data[pos + 1];
    if (marker == 0xD9) return true;
    if (marker == 0xFF) {  // fill byte
      pos += 1;
    } else if (marker == 0x00 || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
      pos += 2;  // stuffing, TEM, SOI, RSTn: no length field
    } else {
      if (pos + 3 >= size) return false;
      const size_t length = (size_t(data[pos + 2]) << 8) | data[pos + 3];
      if (length < 2) return false;
      pos += 2 + length;
    }
  }
  return false;
}

// The probe and the checks every decode makes before any pixel is allocated.
Result<HeaderInfo> probe_within_limits(const uint8_t* data, size_t size, const DecodeOptions& options) {
  auto header = probe_header(data, size);
  if (!header) return header.error();
  const HeaderInfo& info = header.value();
  if (options.max_pixels != 0 && info.pixel_count() > options.max_pixels)
    return Error(ErrorCode::TooLarge,
                 std::to_string(info.width) + "x" + std::to_string(info.height) +
                     " pixels exceeds the input limit of " + std::to_string(options.max_pixels) + " pixels");
  if (size > size_t(INT32_MAX))
    return Error(ErrorCode::TooLarge, "encoded file is larger than 2 GiB");
  if (info.format == ImageFormat::Jpeg && !jpeg_reaches_end_marker(data, size))
    return Error(ErrorCode::Format, "the JPEG data ends before its end-of-image marker: the file is truncated");
  return info;
}

bool decoded_by_library(ImageFormat format) {
  return format == ImageFormat::Heif || format == ImageFormat::Avif || format == ImageFormat::Raw;
}

// Sets the SHORT at `at` of a TIFF to `value` in `patched` (a copy of the file made on first use).
void patch_tiff_short(const uint8_t*& data, size_t size, size_t at, uint16_t value, std::vector<uint8_t>& patched) {
  if (at == 0) return;
  if (patched.empty()) patched.assign(data, data + size);
  const bool big = data[0] == 'M';
  patched[at] = uint8_t(big ? value >> 8 : value & 0xFF);
  patched[at + 1] = uint8_t(big ? value & 0xFF : value >> 8);
  data = patched.data();
}

// HEIF/AVIF and camera RAW: the library's upright RGB(A) samples become `pixels` without a copy.
Status decode_with_library(const uint8_t* data, size_t size, const HeaderInfo& info, const DecodeOptions& options,
                           DecodedImage& out, IntegerImage& pixels) {
  out.format = info.format;
  out.source_orientation = 1;  // applied by the library (irot/imir, the RAW's flip)
  out.gray = false;            // monochrome HEIF comes back as RGB with equal channels, gray set
  std::shared_ptr<const uint8_t> samples;
  if (info.format == ImageFormat::Raw) {
    auto raw = raw::decode(data, size, options.max_pixels);
    if (!raw) return raw.error();
    auto owner = std::make_shared<std::vector<uint16_t>>(std::move(raw->samples));
    samples = std::shared_ptr<const uint8_t>(owner, reinterpret_cast<const uint8_t*>(owner->data()));
    pixels.width = raw->width;
    pixels.height = raw->height;
    pixels.channels = 3;
    pixels.bit_depth = 16;
    out.icc_profile = std::move(raw->icc);
    out.color_converted = true;
  } else {
    auto heif = heif::decode(data, size, options.max_pixels);
    if (!heif) return heif.error();
    auto owner = std::make_shared<std::vector<uint8_t>>(std::move(heif->samples));
    samples = std::shared_ptr<const uint8_t>(owner, owner->data());
    pixels.width = heif->width;
    pixels.height = heif->height;
    pixels.channels = heif->channels;
    pixels.bit_depth = heif->bit_depth;
    out.gray = heif->gray;
    out.icc_profile = std::move(heif->icc);
    if (!heif->color_note.empty()) out.warnings.push_back(heif->color_note);
  }
  if (uint32_t(pixels.width) != info.width || uint32_t(pixels.height) != info.height)
    return Error(ErrorCode::Format, "decoded size differs from the size in the header");
  pixels.bgr = false;
  pixels.stride = size_t(pixels.width) * pixels.channels * (pixels.bit_depth / 8);
  pixels.data = std::move(samples);
  out.bit_depth = pixels.bit_depth;
  out.has_alpha = pixels.channels == 4;
  return {};
}

// Everything the OpenCV-decoded formats share: probe, limits, truncation check, OpenCV decode
// (libjpeg and Little CMS for CMYK) and the sanity checks on what it returned. `out` gets the
// description (pixels are left empty).
Result<cv::Mat> decode_mat(const uint8_t* data, size_t size, const HeaderInfo& info, const DecodeOptions& options,
                           DecodedImage& out) {
  // A TIFF's own Orientation tag is neutralised in a copy (see tiff_orientation_offset()), and
  // an 8-bit RGBA TIFF's "unassociated alpha" label too (see tiff_extra_samples_offset()).
  std::vector<uint8_t> patched;
  patch_tiff_short(data, size, tiff_orientation_offset(data, size), 1, patched);
  if (info.format == ImageFormat::Tiff && info.bit_depth == 8 && info.has_alpha) {
    const size_t extra = tiff_extra_samples_offset(data, size);
    const bool big = data[0] == 'M';
    if (extra != 0 && (big ? data[extra + 1] : data[extra]) == 2) patch_tiff_short(data, size, extra, 0, patched);
  }

  cv::Mat mat;
  if (info.cmyk) {
    auto cmyk = detail::decode_cmyk_jpeg(data, size);
    if (!cmyk) return cmyk.error();
    mat = cmyk->bgr;
    out.icc_profile = srgb_icc_profile();
    out.color_converted = true;
    if (!cmyk->warning.empty()) out.warnings.push_back(cmyk->warning);
  } else {
    try {
      const cv::Mat encoded(1, int(size), CV_8U, const_cast<uint8_t*>(data));
      mat = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
      return Error(ErrorCode::Format, std::string("cannot decode ") + to_string(info.format) + ": " + e.what());
    } catch (const std::bad_alloc&) {
      return Error(ErrorCode::OutOfMemory, "out of memory while decoding");
    }
  }
  if (mat.empty())
    return Error(ErrorCode::Format, std::string("cannot decode the ") + to_string(info.format) + " data");
  if (mat.depth() != CV_8U && mat.depth() != CV_16U)
    return Error(ErrorCode::Unsupported, "only 8- and 16-bit samples are supported");
  if (mat.channels() != 1 && mat.channels() != 3 && mat.channels() != 4)
    return Error(ErrorCode::Unsupported, std::to_string(mat.channels()) + "-channel images are not supported");
  if (uint32_t(mat.cols) != info.width || uint32_t(mat.rows) != info.height)
    return Error(ErrorCode::Format, "decoded size differs from the size in the header");

  out.format = info.format;
  out.bit_depth = mat.depth() == CV_16U ? 16 : 8;
  out.has_alpha = mat.channels() == 4;
  // Gray with alpha comes out of OpenCV as BGRA with equal colour channels.
  out.gray = mat.channels() == 1 || (mat.channels() == 4 && info.gray);
  out.source_orientation = options.orientation >= 1 && options.orientation <= 8 ? options.orientation : 1;
  return mat;
}

// The upright picture for samples stored with EXIF `orientation` (1..8; anything else is 1), as
// OpenCV flips and rotations of the file's own samples: done before any float conversion, so
// both decode paths turn the picture once, at 1-2 bytes per sample.
cv::Mat oriented(const cv::Mat& stored, int orientation) {
  cv::Mat out;
  switch (orientation) {
    case 2: cv::flip(stored, out, 1); break;
    case 3: cv::rotate(stored, out, cv::ROTATE_180); break;
    case 4: cv::flip(stored, out, 0); break;
    case 5: cv::transpose(stored, out); break;
    case 6: cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(stored, out); cv::rotate(out, out, cv::ROTATE_180); break;
    case 8: cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = stored; break;
  }
  return out;
}

}  // namespace

Result<DecodedImage> decode_image(const uint8_t* data, size_t size, const DecodeOptions& options) {
  auto header = probe_within_limits(data, size, options);
  if (!header) return header.error();
  DecodedImage out;
  if (decoded_by_library(header->format)) {
    IntegerImage pixels;
    if (auto st = decode_with_library(data, size, header.value(), options, out, pixels); !st) return st.error();
    try {
      out.pixels = pixels.rows_as_float(0, pixels.height, 0, pixels.channels);
    } catch (const std::bad_alloc&) {
      return Error(ErrorCode::OutOfMemory, "out of memory while converting pixels");
    }
    return out;
  }
  auto mat = decode_mat(data, size, header.value(), options, out);
  if (!mat) return mat.error();
  try {
    cv::Mat upright = oriented(mat.value(), out.source_orientation);
    mat.value().release();
    out.pixels = detail::mat_to_image(upright);
    return out;
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, std::string("cannot orient the pixels: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while converting pixels");
  }
}

Result<DecodedImage> decode_image_integer(const uint8_t* data, size_t size, const DecodeOptions& options,
                                          IntegerImage& pixels) {
  auto header = probe_within_limits(data, size, options);
  if (!header) return header.error();
  DecodedImage out;
  if (decoded_by_library(header->format)) {
    if (auto st = decode_with_library(data, size, header.value(), options, out, pixels); !st) return st.error();
    return out;
  }
  auto decoded = decode_mat(data, size, header.value(), options, out);
  if (!decoded) return decoded.error();
  try {
    cv::Mat mat = oriented(decoded.value(), out.source_orientation);
    decoded.value().release();
    if (!mat.isContinuous() && mat.rows > 1) mat = mat.clone();
    pixels.width = mat.cols;
    pixels.height = mat.rows;
    pixels.channels = mat.channels();
    pixels.bit_depth = out.bit_depth;
    pixels.bgr = true;
    pixels.stride = mat.step[0];
    // The shared pointer keeps OpenCV's reference-counted buffer alive: no copy of the pixels.
    pixels.data = std::shared_ptr<const uint8_t>(mat.data, [keep = mat](const uint8_t*) mutable { keep.release(); });
    return out;
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, std::string("cannot orient the pixels: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while orienting pixels");
  }
}

}  // namespace rsd::imaging
