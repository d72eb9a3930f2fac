#include "metrics/benchmark_images.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "metrics/matlab_resize.h"

namespace rsd::metrics {
namespace {

void clamp_unit(ImageF& image) {
  for (float& v : image.data) v = std::clamp(v, 0.0f, 1.0f);
}

Result<ImageF> opencv_resize(const ImageF& lr, int factor, int interpolation) {
  if (lr.channels < 1 || lr.channels > 4) {
    return Error(ErrorCode::Unsupported, std::to_string(lr.channels) + "-channel image");
  }
  ImageF out(lr.width * factor, lr.height * factor, lr.channels);
  try {
    // Both Mats wrap the ImageF buffers: no copies, and `dst` is already the right size and type,
    // so cv::resize writes into `out` directly.
    const cv::Mat src(lr.height, lr.width, CV_32FC(lr.channels), const_cast<float*>(lr.data.data()));
    cv::Mat dst(out.height, out.width, CV_32FC(out.channels), out.data.data());
    cv::resize(src, dst, dst.size(), 0, 0, interpolation);
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, e.what(), "upscale_classical");
  }
  return out;
}

}  // namespace

Result<ImageF> mod_crop(const ImageF& image, int factor) {
  if (factor < 1) return Error(ErrorCode::InvalidArgument, "factor must be at least 1");
  const int w = image.width - image.width % factor;
  const int h = image.height - image.height % factor;
  if (image.empty() || w == 0 || h == 0) {
    return Error(ErrorCode::InvalidArgument,
                 "image smaller than the factor " + std::to_string(factor));
  }
  if (w == image.width && h == image.height) return image;
  return image.crop(0, 0, w, h);
}

Result<ImageF> make_low_resolution(const ImageF& hr, int factor,
                                   const LowResolutionOptions& options) {
  Result<ImageF> cropped = mod_crop(hr, factor);
  if (!cropped) return cropped.error();
  Result<ImageF> lr = matlab_resize(*cropped, 1.0 / factor, true);
  if (!lr) return lr.error();
  if (options.quantize_8bit) {
    for (float& v : lr->data) v = float(std::round(std::clamp(double(v), 0.0, 1.0) * 255.0) / 255.0);
  }
  return lr;
}

Result<ImageF> upscale_classical(const ImageF& lr, int factor, UpscaleFilter filter) {
  if (lr.empty()) return Error(ErrorCode::InvalidArgument, "empty image");
  if (factor < 1) return Error(ErrorCode::InvalidArgument, "factor must be at least 1");
  Result<ImageF> out = Error(ErrorCode::Internal, "unknown filter");
  switch (filter) {
    case UpscaleFilter::MatlabBicubic: out = matlab_resize(lr, double(factor), true); break;
    case UpscaleFilter::OpenCvBicubic: out = opencv_resize(lr, factor, cv::INTER_CUBIC); break;
    case UpscaleFilter::OpenCvLanczos: out = opencv_resize(lr, factor, cv::INTER_LANCZOS4); break;
  }
  if (out) clamp_unit(*out);
  return out;
}

}  // namespace rsd::metrics
