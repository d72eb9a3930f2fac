#include "metrics/niqe_features.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <opencv2/imgproc.hpp>

namespace rsd::metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// On integer luma, a pixel whose neighbourhood is symmetric around it (c-d and c+d at mirrored
// positions) has a local mean of exactly c, so its MSCN coefficient is exactly 0; in floating point
// it comes out as +-1e-14 with a sign that depends on the summation order. The AGGD fit splits
// samples by sign (zeros join neither side), so those signs moved NIQE on baboon.png by 4e-4
// (5.72996). Snapping differences far below any real contrast (values are in 0..255) to 0
// reproduces MATLAB (5.72957).
constexpr double kZeroTolerance = 1e-9;

// Shape grid and the ratio r(g) = Gamma(2/g)^2 / (Gamma(1/g) Gamma(3/g)) that the moment ratio is
// matched against. The grid is built as start + i*step, like numpy's arange, so the chosen alpha is
// bit-for-bit the reference's.
struct GammaTable {
  std::vector<double> shape;
  std::vector<double> ratio;
  GammaTable() {
    const int n = 9801;  // 0.2, 0.201, ..., 10.0
    shape.resize(n);
    ratio.resize(n);
    for (int i = 0; i < n; ++i) {
      const double g = 0.2 + 0.001 * i;
      const double g2 = std::tgamma(2.0 / g);
      shape[i] = g;
      ratio[i] = g2 * g2 / (std::tgamma(1.0 / g) * std::tgamma(3.0 / g));
    }
  }
};

const GammaTable& gamma_table() {
  static const GammaTable table;
  return table;
}

}  // namespace

AggdFit fit_aggd(const std::vector<double>& samples) {
  double left_sq = 0.0, right_sq = 0.0, abs_sum = 0.0, sq_sum = 0.0;
  size_t left_n = 0, right_n = 0;
  for (double v : samples) {
    if (v < 0.0) {
      left_sq += v * v;
      ++left_n;
    } else if (v > 0.0) {
      right_sq += v * v;
      ++right_n;
    }
    abs_sum += std::abs(v);
    sq_sum += v * v;
  }
  const double n = double(samples.size());
  // The mean of an empty selection is NaN in both numpy and MATLAB; keep that so such blocks drop
  // out of the covariance exactly as in the reference.
  const double left_std = left_n ? std::sqrt(left_sq / double(left_n)) : kNaN;
  const double right_std = right_n ? std::sqrt(right_sq / double(right_n)) : kNaN;
  const double gammahat = left_std / right_std;
  const double mean_abs = abs_sum / n;
  const double rhat = mean_abs * mean_abs / (sq_sum / n);
  const double g3 = gammahat * gammahat * gammahat;
  const double g2 = gammahat * gammahat;
  const double rhatnorm = rhat * (g3 + 1.0) * (gammahat + 1.0) / ((g2 + 1.0) * (g2 + 1.0));

  // argmin of the squared difference; with a NaN target both references return the first grid
  // point, which is what this loop does since no comparison with NaN succeeds.
  const GammaTable& table = gamma_table();
  size_t best = 0;
  double best_diff = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < table.ratio.size(); ++i) {
    const double d = (table.ratio[i] - rhatnorm) * (table.ratio[i] - rhatnorm);
    if (d < best_diff) {
      best_diff = d;
      best = i;
    }
  }
  AggdFit fit;
  fit.alpha = table.shape[best];
  const double spread = std::sqrt(std::tgamma(1.0 / fit.alpha) / std::tgamma(3.0 / fit.alpha));
  fit.beta_l = left_std * spread;
  fit.beta_r = right_std * spread;
  return fit;
}

NiqeBlockFeatures block_features(const Plane& m, int x0, int y0, int width, int height) {
  NiqeBlockFeatures feat{};
  std::vector<double> block(size_t(width) * height);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) block[size_t(y) * width + x] = m.at(x0 + x, y0 + y);
  }
  const AggdFit base = fit_aggd(block);
  feat[0] = base.alpha;
  feat[1] = (base.beta_l + base.beta_r) / 2.0;

  // Neighbour offsets (dy, dx). The product of each pixel with its circularly shifted copy; the
  // sign of a shift does not change the set of products, so these match both references.
  const int shifts[4][2] = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
  std::vector<double> prod(block.size());
  for (int s = 0; s < 4; ++s) {
    const int dy = shifts[s][0];
    const int dx = shifts[s][1];
    for (int y = 0; y < height; ++y) {
      const int sy = ((y - dy) % height + height) % height;
      for (int x = 0; x < width; ++x) {
        const int sx = ((x - dx) % width + width) % width;
        prod[size_t(y) * width + x] = block[size_t(y) * width + x] * block[size_t(sy) * width + sx];
      }
    }
    const AggdFit fit = fit_aggd(prod);
    const double mean =
        (fit.beta_r - fit.beta_l) * (std::tgamma(2.0 / fit.alpha) / std::tgamma(1.0 / fit.alpha));
    feat[2 + 4 * s + 0] = fit.alpha;
    feat[2 + 4 * s + 1] = mean;
    feat[2 + 4 * s + 2] = fit.beta_l;
    feat[2 + 4 * s + 3] = fit.beta_r;
  }
  return feat;
}

Plane mscn(const Plane& image, const std::vector<double>& window, int window_size) {
  // Local mean and second moment: correlation with the window, edges replicated (MATLAB's
  // imfilter(..., 'replicate')).
  const cv::Mat kernel(window_size, window_size, CV_64F, const_cast<double*>(window.data()));
  const cv::Mat src = as_mat(image);
  cv::Mat mu, ex2;
  cv::filter2D(src, mu, CV_64F, kernel, cv::Point(-1, -1), 0.0, cv::BORDER_REPLICATE);
  cv::filter2D(src.mul(src), ex2, CV_64F, kernel, cv::Point(-1, -1), 0.0, cv::BORDER_REPLICATE);
  Plane out(image.width, image.height);
  for (int y = 0; y < image.height; ++y) {
    const double* m = mu.ptr<double>(y);
    const double* e = ex2.ptr<double>(y);
    for (int x = 0; x < image.width; ++x) {
      const double sigma = std::sqrt(std::abs(e[x] - m[x] * m[x]));
      double centred = image.at(x, y) - m[x];
      if (std::abs(centred) < kZeroTolerance) centred = 0.0;
      out.at(x, y) = centred / (sigma + 1.0);
    }
  }
  return out;
}

}  // namespace rsd::metrics
