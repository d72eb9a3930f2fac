#include "degradation.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace rsd::bench {

Result<ImageF> degrade_realistic(const ImageF& lr, uint64_t seed,
                                 const DegradationOptions& options) {
  if (lr.channels != 3 || lr.empty())
    return Error(ErrorCode::InvalidArgument, "expected an RGB image", "degradation");
  try {
    // ImageF is RGB float; OpenCV's JPEG codec wants 8-bit BGR.
    cv::Mat rgb(lr.height, lr.width, CV_32FC3, const_cast<float*>(lr.data.data()));
    cv::Mat noisy(lr.height, lr.width, CV_32FC3);
    cv::RNG rng(seed);
    rng.fill(noisy, cv::RNG::NORMAL, cv::Scalar::all(0.0), cv::Scalar::all(options.noise_sigma));
    noisy += rgb * 255.0;
    cv::Mat bgr8;
    cv::cvtColor(noisy, noisy, cv::COLOR_RGB2BGR);
    noisy.convertTo(bgr8, CV_8UC3);  // rounds and saturates to [0, 255]
    std::vector<uchar> jpeg;
    if (!cv::imencode(".jpg", bgr8, jpeg, {cv::IMWRITE_JPEG_QUALITY, options.jpeg_quality}))
      return Error(ErrorCode::Internal, "JPEG encoding failed", "degradation");
    cv::Mat decoded = cv::imdecode(jpeg, cv::IMREAD_COLOR);
    if (decoded.empty()) return Error(ErrorCode::Internal, "JPEG decoding failed", "degradation");
    cv::cvtColor(decoded, decoded, cv::COLOR_BGR2RGB);
    ImageF out(lr.width, lr.height, 3);
    cv::Mat out_mat(lr.height, lr.width, CV_32FC3, out.data.data());
    decoded.convertTo(out_mat, CV_32FC3, 1.0 / 255.0);
    return out;
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, e.what(), "degradation");
  }
}

}  // namespace rsd::bench
