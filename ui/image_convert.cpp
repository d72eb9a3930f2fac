#include "ui/image_convert.h"

#include <QColorSpace>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

#include "pipeline/uncertainty_map.h"

namespace rsd::ui {
namespace {

inline uchar to_byte(float v) { return uchar(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); }

// Keys cubic convolution kernel, a = -0.5 (what bicubic resizers in PIL/MATLAB/OpenCV use).
float cubic(float x) {
  const float a = -0.5f;
  x = std::fabs(x);
  if (x <= 1.f) return ((a + 2.f) * x - (a + 3.f)) * x * x + 1.f;
  if (x < 2.f) return ((a * x - 5.f * a) * x + 8.f * a) * x - 4.f * a;
  return 0.f;
}

}  // namespace

ImageF to_image_f(const QImage& image) {
  if (image.isNull()) return {};
  const QImage src = image.convertToFormat(QImage::Format_RGBX64);
  ImageF out(src.width(), src.height(), 3);
  for (int y = 0; y < src.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgba64*>(src.constScanLine(y));
    float* dst = out.row(y);
    for (int x = 0; x < src.width(); ++x) {
      dst[3 * x + 0] = line[x].red() / 65535.f;
      dst[3 * x + 1] = line[x].green() / 65535.f;
      dst[3 * x + 2] = line[x].blue() / 65535.f;
    }
  }
  return out;
}

QImage to_qimage(const ImageF& image) {
  if (image.empty()) return {};
  QImage out(image.width, image.height, QImage::Format_RGB888);
  const int c = image.channels;
  for (int y = 0; y < image.height; ++y) {
    const float* src = image.row(y);
    uchar* dst = out.scanLine(y);
    for (int x = 0; x < image.width; ++x) {
      const float* p = src + size_t(x) * c;
      dst[3 * x + 0] = to_byte(p[0]);
      dst[3 * x + 1] = to_byte(c >= 3 ? p[1] : p[0]);
      dst[3 * x + 2] = to_byte(c >= 3 ? p[2] : p[0]);
    }
  }
  return out;
}

QImage enlarge(const QImage& image, int factor, LrScaling scaling) {
  if (image.isNull() || factor <= 1) return image;
  const QImage src = image.convertToFormat(QImage::Format_RGB888);
  const int w = src.width(), h = src.height();
  QImage out(w * factor, h * factor, QImage::Format_RGB888);
  out.setColorSpace(image.colorSpace());
  if (scaling == LrScaling::Nearest) {
    for (int y = 0; y < out.height(); ++y) {
      const uchar* s = src.constScanLine(y / factor);
      uchar* d = out.scanLine(y);
      for (int x = 0; x < out.width(); ++x) std::copy_n(s + 3 * (x / factor), 3, d + 3 * x);
    }
    return out;
  }
  // Separable bicubic: the four taps and weights depend only on the output phase (x mod factor).
  struct Taps { std::array<int, 4> at; std::array<float, 4> w; };
  auto taps_for = [factor](int o, int n) {
    Taps t;
    const float centre = (o + 0.5f) / factor - 0.5f;
    const int base = int(std::floor(centre)) - 1;
    for (int k = 0; k < 4; ++k) {
      t.at[k] = std::clamp(base + k, 0, n - 1);
      t.w[k] = cubic(centre - float(base + k));
    }
    return t;
  };
  std::vector<float> rows(size_t(out.width()) * h * 3);  // horizontal pass, full LR height
  for (int x = 0; x < out.width(); ++x) {
    const Taps t = taps_for(x, w);
    for (int y = 0; y < h; ++y) {
      const uchar* s = src.constScanLine(y);
      for (int c = 0; c < 3; ++c) {
        float v = 0.f;
        for (int k = 0; k < 4; ++k) v += t.w[k] * s[3 * t.at[k] + c];
        rows[(size_t(y) * out.width() + x) * 3 + c] = v;
      }
    }
  }
  for (int y = 0; y < out.height(); ++y) {
    const Taps t = taps_for(y, h);
    uchar* d = out.scanLine(y);
    for (int x = 0; x < out.width(); ++x) {
      for (int c = 0; c < 3; ++c) {
        float v = 0.f;
        for (int k = 0; k < 4; ++k) v += t.w[k] * rows[(size_t(t.at[k]) * out.width() + x) * 3 + c];
        d[3 * x + c] = uchar(std::lround(std::clamp(v, 0.f, 255.f)));
      }
    }
  }
  return out;
}

QImage to_display(const QImage& image, const QByteArray& icc) {
  if (image.isNull()) return image;
  QColorSpace space = icc.isEmpty() ? image.colorSpace() : QColorSpace::fromIccProfile(icc);
  // 32-bit formats paint fastest and are the ones QColorSpace converts in place.
  QImage out = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32
                                                             : QImage::Format_RGB32);
  if (!space.isValid() || space == QColorSpace(QColorSpace::SRgb)) {
    out.setColorSpace(QColorSpace(QColorSpace::SRgb));
    return out;
  }
  out.setColorSpace(space);
  out.convertToColorSpace(QColorSpace::SRgb);
  return out;
}

}  // namespace rsd::ui

namespace rsd::ui {

QImage blended_display(const SampleSet& samples, double detail, const QColorSpace& space) {
  QImage image = to_qimage(blend_detail(samples, detail));
  if (image.isNull()) return image;
  image.setColorSpace(space);
  return to_display(image);
}

QImage with_uncertainty_overlay(const QImage& image, const SampleSet& samples, double opacity) {
  if (image.isNull() || samples.spread.empty()) return image;
  return with_map_overlay(image, to_qimage(pipeline::spread_to_colors(samples.spread)), opacity);
}

QImage overlay_map(const QImage& map) {
  if (map.isNull()) return map;
  constexpr double kTopLuma = 0.299 * 252 + 0.587 * 255 + 0.114 * 164;  // inferno's brightest
  QImage out = map.convertToFormat(QImage::Format_ARGB32);
  for (int y = 0; y < out.height(); ++y) {
    QRgb* px = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < out.width(); ++x) {
      const double luma = 0.299 * qRed(px[x]) + 0.587 * qGreen(px[x]) + 0.114 * qBlue(px[x]);
      const int alpha = int(std::lround(255.0 * std::sqrt(std::min(1.0, luma / kTopLuma))));
      px[x] = qRgba(qRed(px[x]), qGreen(px[x]), qBlue(px[x]), alpha);
    }
  }
  return out;
}

QImage with_map_overlay(const QImage& image, const QImage& map, double opacity) {
  if (image.isNull() || map.size() != image.size() || opacity <= 0.0) return image;
  QImage out = image.convertToFormat(QImage::Format_RGB32);
  QPainter p(&out);
  p.setOpacity(std::min(1.0, opacity));
  p.drawImage(0, 0, overlay_map(map));
  p.end();
  return out;
}

}  // namespace rsd::ui
