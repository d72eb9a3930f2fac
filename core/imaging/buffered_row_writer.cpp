#include <new>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "imaging/heif_codec.h"
#include "imaging/row_writer.h"
#include "imaging/row_writer_support.h"

namespace rsd::imaging {

BufferedRowWriter::BufferedRowWriter(const RowWriterOptions& options) : o_(options) {}
BufferedRowWriter::~BufferedRowWriter() = default;

Result<std::unique_ptr<BufferedRowWriter>> BufferedRowWriter::open(const RowWriterOptions& o) {
  const bool heif = is_heif_family(o.encode.format);
  if (o.encode.format != ImageFormat::Webp && !heif)
    return Error(ErrorCode::Unsupported, std::string(to_string(o.encode.format)) + " is streamed, not buffered");
  if (o.encode.format == ImageFormat::Webp && !o.encode.webp_lossless &&
      (o.encode.webp_quality < 1 || o.encode.webp_quality > 100))
    return Error(ErrorCode::InvalidArgument, "WebP quality must be 1..100");
  if (heif && !can_write(o.encode.format))
    return Error(ErrorCode::Unsupported, std::string("libheif has no ") + to_string(o.encode.format) + " encoder here");
  if (o.width <= 0 || o.height <= 0) return Error(ErrorCode::InvalidArgument, "empty image");
  if (o.channels != 1 && o.channels != 3 && o.channels != 4)
    return Error(ErrorCode::InvalidArgument, "images to encode need 1, 3 or 4 channels");
  if (heif && o.channels == 1) return Error(ErrorCode::InvalidArgument, "HEIF and AVIF are written as RGB(A)");
  const std::string problem = format_size_problem(o.encode.format, uint64_t(o.width), uint64_t(o.height),
                                                  o.channels, 8, o.encode.tiff_compression);
  if (!problem.empty()) return Error(ErrorCode::TooLarge, problem);
  std::unique_ptr<BufferedRowWriter> w(new BufferedRowWriter(o));
  try {
    w->samples_.resize(size_t(o.width) * o.height * o.channels);
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory for the output picture");
  }
  return w;
}

Status BufferedRowWriter::write_rows(const ImageF& rows) {
  if (auto st = detail::check_rows(rows, o_.width, o_.channels, written_, o_.height); !st) return st;
  const size_t row_len = size_t(o_.width) * o_.channels;
  for (int r = 0; r < rows.height; ++r)
    detail::quantize_row(rows.row(r), row_len, 8, false, samples_.data() + row_len * size_t(written_ + r));
  written_ += rows.height;
  return {};
}

Status BufferedRowWriter::finish() {
  if (written_ != o_.height) return Error(ErrorCode::Internal, "picture finished before its last row");
  if (is_heif_family(o_.encode.format)) {
    heif::EncodeParams params;
    params.flavor = o_.encode.format == ImageFormat::Avif ? heif::Flavor::Avif : heif::Flavor::Heic;
    params.quality = o_.encode.heif_quality;
    params.exif = o_.encode.container.exif;
    params.xmp = o_.encode.container.xmp;
    params.icc = o_.encode.container.icc;
    auto bytes = heif::encode_samples(samples_.data(), o_.width, o_.height, o_.channels, params);
    if (!bytes) return bytes.error();
    encoded_ = std::move(bytes.value());
    samples_ = std::vector<uint8_t>();
    return {};
  }
  try {
    cv::Mat mat(o_.height, o_.width, CV_8UC(o_.channels), samples_.data());
    // OpenCV's encoders take BGR(A); swap in place rather than holding a second copy.
    if (o_.channels == 3) cv::cvtColor(mat, mat, cv::COLOR_RGB2BGR);
    if (o_.channels == 4) cv::cvtColor(mat, mat, cv::COLOR_RGBA2BGRA);
    // As encode_image(): OpenCV switches to lossless for any quality above 100.
    const std::vector<int> params = {cv::IMWRITE_WEBP_QUALITY, o_.encode.webp_lossless ? 101 : o_.encode.webp_quality};
    if (!cv::imencode(".webp", mat, encoded_, params) || encoded_.empty())
      return Error(ErrorCode::Internal, std::string("the ") + to_string(o_.encode.format) + " encoder failed");
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, std::string("the ") + to_string(o_.encode.format) + " encoder failed: " + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while encoding");
  }
  samples_ = std::vector<uint8_t>();
  return {};
}

}  // namespace rsd::imaging
