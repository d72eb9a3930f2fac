#include "metrics/psnr_ssim.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "metrics/plane.h"

namespace rsd::metrics {
namespace {

constexpr int kSsimWindow = 11;
constexpr double kSsimSigma = 1.5;

Status check_pair(const ImageF& a, const ImageF& b, const FullReferenceOptions& options) {
  if (a.empty() || b.empty()) return Error(ErrorCode::InvalidArgument, "empty image");
  if (a.width != b.width || a.height != b.height || a.channels != b.channels) {
    return Error(ErrorCode::InvalidArgument,
                 "images differ in size: " + std::to_string(a.width) + "x" +
                     std::to_string(a.height) + "x" + std::to_string(a.channels) + " vs " +
                     std::to_string(b.width) + "x" + std::to_string(b.height) + "x" +
                     std::to_string(b.channels));
  }
  if (options.crop_border < 0) {
    return Error(ErrorCode::InvalidArgument, "crop_border must not be negative");
  }
  if (a.width <= 2 * options.crop_border || a.height <= 2 * options.crop_border) {
    return Error(ErrorCode::InvalidArgument, "crop_border leaves no pixels");
  }
  return {};
}

// The planes a metric runs on: one Y plane, or one plane per colour channel.
std::vector<Plane> metric_planes(const ImageF& image, const FullReferenceOptions& options) {
  std::vector<Plane> planes;
  if (options.y_channel) {
    planes.push_back(crop_border(y_plane(image), options.crop_border));
  } else {
    const int colour_channels = image.channels == 4 ? 3 : image.channels;
    for (int c = 0; c < colour_channels; ++c) {
      planes.push_back(crop_border(channel_plane(image, c), options.crop_border));
    }
  }
  return planes;
}

// Correlation with k (x) k keeping only the positions where the window fits ("valid"). k is
// cv::getGaussianKernel's normalised 1-D Gaussian, whose outer product is BasicSR's 2-D window.
Plane filter_valid(const Plane& in, const cv::Mat& k) {
  const int n = k.rows;
  cv::Mat out;
  cv::sepFilter2D(as_mat(in), out, CV_64F, k, k, cv::Point(-1, -1), 0.0, cv::BORDER_REPLICATE);
  return plane_from_mat(out(cv::Rect(n / 2, n / 2, in.width - n + 1, in.height - n + 1)));
}

Plane product(const Plane& a, const Plane& b) {
  Plane out(a.width, a.height);
  for (size_t i = 0; i < out.data.size(); ++i) out.data[i] = a.data[i] * b.data[i];
  return out;
}

double ssim_plane(const Plane& a, const Plane& b) {
  const double c1 = (0.01 * 255.0) * (0.01 * 255.0);
  const double c2 = (0.03 * 255.0) * (0.03 * 255.0);
  const cv::Mat k = cv::getGaussianKernel(kSsimWindow, kSsimSigma, CV_64F);
  const Plane mu1 = filter_valid(a, k);
  const Plane mu2 = filter_valid(b, k);
  const Plane e11 = filter_valid(product(a, a), k);
  const Plane e22 = filter_valid(product(b, b), k);
  const Plane e12 = filter_valid(product(a, b), k);
  double sum = 0.0;
  for (size_t i = 0; i < mu1.data.size(); ++i) {
    const double m1 = mu1.data[i];
    const double m2 = mu2.data[i];
    const double s11 = e11.data[i] - m1 * m1;
    const double s22 = e22.data[i] - m2 * m2;
    const double s12 = e12.data[i] - m1 * m2;
    sum += ((2.0 * m1 * m2 + c1) * (2.0 * s12 + c2)) /
           ((m1 * m1 + m2 * m2 + c1) * (s11 + s22 + c2));
  }
  return sum / double(mu1.data.size());
}

}  // namespace

Result<double> psnr(const ImageF& a, const ImageF& b, const FullReferenceOptions& options) {
  if (Status st = check_pair(a, b, options); !st) return st.error();
  const std::vector<Plane> pa = metric_planes(a, options);
  const std::vector<Plane> pb = metric_planes(b, options);
  // One MSE over all planes together, as numpy's mean over the HWC array.
  double sum = 0.0;
  size_t count = 0;
  for (size_t p = 0; p < pa.size(); ++p) {
    for (size_t i = 0; i < pa[p].data.size(); ++i) {
      const double d = pa[p].data[i] - pb[p].data[i];
      sum += d * d;
    }
    count += pa[p].data.size();
  }
  const double mse = sum / double(count);
  if (mse == 0.0) return std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(255.0 * 255.0 / mse);
}

Result<double> ssim(const ImageF& a, const ImageF& b, const FullReferenceOptions& options) {
  if (Status st = check_pair(a, b, options); !st) return st.error();
  const int w = a.width - 2 * options.crop_border;
  const int h = a.height - 2 * options.crop_border;
  if (w < kSsimWindow || h < kSsimWindow) {
    return Error(ErrorCode::InvalidArgument, "SSIM needs at least 11x11 pixels after the crop");
  }
  const std::vector<Plane> pa = metric_planes(a, options);
  const std::vector<Plane> pb = metric_planes(b, options);
  double sum = 0.0;
  for (size_t p = 0; p < pa.size(); ++p) sum += ssim_plane(pa[p], pb[p]);
  return sum / double(pa.size());
}

}  // namespace rsd::metrics
