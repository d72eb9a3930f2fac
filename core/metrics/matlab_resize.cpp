#include "metrics/matlab_resize.h"

#include <cmath>
#include <vector>

namespace rsd::metrics {
namespace {

// Keys' cubic convolution kernel with a = -0.5 (MATLAB's "cubic").
double cubic(double x) {
  const double ax = std::abs(x);
  const double ax2 = ax * ax;
  const double ax3 = ax2 * ax;
  if (ax <= 1.0) return 1.5 * ax3 - 2.5 * ax2 + 1.0;
  if (ax <= 2.0) return -0.5 * ax3 + 2.5 * ax2 - 4.0 * ax + 2.0;
  return 0.0;
}

// For one axis: the input taps and normalized weights of every output sample.
struct AxisWeights {
  int taps = 0;
  std::vector<int> index;      // out_length x taps, already mirrored into [0, in_length)
  std::vector<double> weight;  // out_length x taps
};

// MATLAB mirrors out-of-range indices symmetrically, repeating the edge sample:
// ... 2 1 0 | 0 1 2 ... n-1 | n-1 n-2 ...
int mirror(int i, int n) {
  const int period = 2 * n;
  int m = i % period;
  if (m < 0) m += period;
  return m < n ? m : period - 1 - m;
}

AxisWeights axis_weights(int in_length, int out_length, double scale, bool antialias) {
  const bool stretch = antialias && scale < 1.0;
  const double kernel_width = stretch ? 4.0 / scale : 4.0;
  AxisWeights w;
  w.taps = int(std::ceil(kernel_width)) + 2;
  w.index.resize(size_t(out_length) * w.taps);
  w.weight.resize(size_t(out_length) * w.taps);
  for (int o = 0; o < out_length; ++o) {
    // 1-based output coordinate mapped so that pixel areas line up (0.5 maps to 0.5).
    const double x = o + 1.0;
    const double u = x / scale + 0.5 * (1.0 - 1.0 / scale);
    const double left = std::floor(u - kernel_width / 2.0);
    double sum = 0.0;
    for (int t = 0; t < w.taps; ++t) {
      const double j = left + t;  // 1-based input coordinate
      const double d = u - j;
      const double k = stretch ? scale * cubic(d * scale) : cubic(d);
      w.index[size_t(o) * w.taps + t] = mirror(int(j) - 1, in_length);
      w.weight[size_t(o) * w.taps + t] = k;
      sum += k;
    }
    for (int t = 0; t < w.taps; ++t) w.weight[size_t(o) * w.taps + t] /= sum;
  }
  return w;
}

}  // namespace

Plane matlab_resize(const Plane& plane, double scale, bool antialias) {
  const int out_w = int(std::ceil(plane.width * scale));
  const int out_h = int(std::ceil(plane.height * scale));
  const AxisWeights wh = axis_weights(plane.height, out_h, scale, antialias);
  const AxisWeights ww = axis_weights(plane.width, out_w, scale, antialias);

  // Height first, then width, as MATLAB does when both scales are equal.
  Plane tmp(plane.width, out_h);
  for (int o = 0; o < out_h; ++o) {
    double* dst = tmp.data.data() + size_t(o) * plane.width;
    for (int t = 0; t < wh.taps; ++t) {
      const double k = wh.weight[size_t(o) * wh.taps + t];
      if (k == 0.0) continue;
      const double* src = plane.data.data() + size_t(wh.index[size_t(o) * wh.taps + t]) * plane.width;
      for (int x = 0; x < plane.width; ++x) dst[x] += k * src[x];
    }
  }
  Plane out(out_w, out_h);
  for (int y = 0; y < out_h; ++y) {
    const double* src = tmp.data.data() + size_t(y) * plane.width;
    double* dst = out.data.data() + size_t(y) * out_w;
    for (int o = 0; o < out_w; ++o) {
      double s = 0.0;
      for (int t = 0; t < ww.taps; ++t) {
        s += ww.weight[size_t(o) * ww.taps + t] * src[ww.index[size_t(o) * ww.taps + t]];
      }
      dst[o] = s;
    }
  }
  return out;
}

Result<ImageF> matlab_resize(const ImageF& image, double scale, bool antialias) {
  if (image.empty()) return Error(ErrorCode::InvalidArgument, "empty image");
  if (!(scale > 0.0)) return Error(ErrorCode::InvalidArgument, "scale must be positive");
  ImageF out;
  for (int c = 0; c < image.channels; ++c) {
    Plane p(image.width, image.height);
    for (size_t i = 0; i < image.pixel_count(); ++i) p.data[i] = image.data[i * image.channels + c];
    const Plane r = matlab_resize(p, scale, antialias);
    if (c == 0) out = ImageF(r.width, r.height, image.channels);
    for (size_t i = 0; i < r.data.size(); ++i) out.data[i * image.channels + c] = float(r.data[i]);
  }
  return out;
}

}  // namespace rsd::metrics
