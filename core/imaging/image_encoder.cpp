#include "imaging/image_encoder.h"

#include <new>
#include <string>

#include <opencv2/imgcodecs.hpp>

#include "imaging/channel_ops.h"
#include "imaging/heif_codec.h"
#include "imaging/jpeg_writer.h"
#include "imaging/mat_bridge.h"

namespace rsd::imaging {
namespace detail {
Result<std::vector<uint8_t>> encode_tiff(const ImageF& image, int bit_depth, TiffCompression compression);
}  // namespace detail
namespace {

Result<std::vector<int>> codec_params(const EncodeOptions& o) {
  switch (o.format) {
    case ImageFormat::Jpeg:
      if (o.jpeg_quality < 1 || o.jpeg_quality > 100)
        return Error(ErrorCode::InvalidArgument, "JPEG quality must be 1..100");
      return std::vector<int>{cv::IMWRITE_JPEG_QUALITY, o.jpeg_quality, cv::IMWRITE_JPEG_OPTIMIZE, 1};
    case ImageFormat::Png:
      if (o.png_compression < 0 || o.png_compression > 9)
        return Error(ErrorCode::InvalidArgument, "PNG compression must be 0..9");
      return std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, o.png_compression};
    case ImageFormat::Webp:
      if (!o.webp_lossless && (o.webp_quality < 1 || o.webp_quality > 100))
        return Error(ErrorCode::InvalidArgument, "WebP quality must be 1..100");
      // OpenCV switches to lossless for any quality above 100.
      return std::vector<int>{cv::IMWRITE_WEBP_QUALITY, o.webp_lossless ? 101 : o.webp_quality};
    case ImageFormat::Tiff:
      return std::vector<int>{};  // libtiff directly (tiff_encoder.cpp)
    case ImageFormat::Heif:
    case ImageFormat::Avif:
      if (o.heif_quality < 1 || o.heif_quality > 100)
        return Error(ErrorCode::InvalidArgument, std::string(to_string(o.format)) + " quality must be 1..100");
      if (!can_write(o.format))
        return Error(ErrorCode::Unsupported, std::string("libheif has no ") + to_string(o.format) + " encoder here");
      return std::vector<int>{};
    default:
      return Error(ErrorCode::Unsupported, std::string("cannot write ") + to_string(o.format));
  }
}

const char* cv_extension(ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: return ".jpg";
    case ImageFormat::Png: return ".png";
    case ImageFormat::Webp: return ".webp";
    default: return "";
  }
}

}  // namespace

int effective_bit_depth(ImageFormat format, int requested) {
  return requested == 16 && supports_16bit(format) ? 16 : 8;
}

Result<std::vector<uint8_t>> encode_image(const ImageF& image, const EncodeOptions& options) {
  if (image.empty()) return Error(ErrorCode::InvalidArgument, "nothing to encode: empty image");
  if (image.channels != 1 && image.channels != 3 && image.channels != 4)
    return Error(ErrorCode::InvalidArgument, "images to encode need 1, 3 or 4 channels");
  if (image.channels == 4 && !supports_alpha(options.format))
    return Error(ErrorCode::InvalidArgument,
                 std::string(to_string(options.format)) + " cannot store alpha; flatten it first");
  if (options.bit_depth != 8 && options.bit_depth != 16)
    return Error(ErrorCode::InvalidArgument, "bit depth must be 8 or 16");
  auto params = codec_params(options);
  if (!params) return params.error();
  // JPEG goes through libjpeg directly for 4:4:4 chroma (OpenCV 4.6 always writes 4:2:0).
  if (options.format == ImageFormat::Jpeg) return detail::encode_jpeg_444(image, options.jpeg_quality);
  if (options.format == ImageFormat::Tiff)
    return detail::encode_tiff(image, effective_bit_depth(options.format, options.bit_depth), options.tiff_compression);
  if (is_heif_family(options.format)) {
    if (image.channels == 1) return encode_image(gray_to_rgb(image), options);
    heif::EncodeParams params;
    params.flavor = options.format == ImageFormat::Avif ? heif::Flavor::Avif : heif::Flavor::Heic;
    params.quality = options.heif_quality;
    params.exif = options.container.exif;
    params.xmp = options.container.xmp;
    params.icc = options.container.icc;
    return heif::encode(image, params);
  }
  try {
    const cv::Mat mat = detail::image_to_mat(image, effective_bit_depth(options.format, options.bit_depth));
    std::vector<uint8_t> bytes;
    if (!cv::imencode(cv_extension(options.format), mat, bytes, params.value()) || bytes.empty())
      return Error(ErrorCode::Internal, std::string("the ") + to_string(options.format) + " encoder failed");
    return bytes;
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, std::string("the ") + to_string(options.format) + " encoder failed: " + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while encoding");
  }
}

}  // namespace rsd::imaging
