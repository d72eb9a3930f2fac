// The per-block natural-scene-statistics features of NIQE (Mittal, Soundararajan, Bovik, "Making a
// 'Completely Blind' Image Quality Analyzer", IEEE SPL 2013), as in the MATLAB release's
// computefeature.m and BasicSR's basicsr/metrics/niqe.py.
// Threading: pure functions; the gamma lookup table is built once, thread-safely.
#pragma once

#include <array>
#include <vector>

#include "metrics/plane.h"

namespace rsd::metrics {

// Asymmetric generalized Gaussian fit by moment matching over the fixed shape grid 0.2:0.001:10.
// Fields are NaN where the block lacks negative or positive samples, like the reference code.
struct AggdFit {
  double alpha = 0.0;   // shape
  double beta_l = 0.0;  // left scale
  double beta_r = 0.0;  // right scale
};
AggdFit fit_aggd(const std::vector<double>& samples);

constexpr int kNiqeFeaturesPerScale = 18;
using NiqeBlockFeatures = std::array<double, kNiqeFeaturesPerScale>;

// Features of one block of MSCN coefficients: [alpha, mean beta] of the coefficients, then for the
// products with the horizontal, vertical, main-diagonal and anti-diagonal neighbour (circular
// shifts, as MATLAB's circshift) [alpha, mean, beta_l, beta_r].
NiqeBlockFeatures block_features(const Plane& mscn, int x0, int y0, int width, int height);

// Mean-subtracted contrast-normalized coefficients: (I - mu) / (sigma + 1), with mu and sigma the
// local mean and deviation under `window` (odd square, replicated borders).
Plane mscn(const Plane& image, const std::vector<double>& window, int window_size);

}  // namespace rsd::metrics
