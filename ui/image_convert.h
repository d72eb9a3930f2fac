// Conversions between Qt images and the core's float buffer, and the LR-to-SR resampling used by
// the compare view. Pure functions on QImage (never QPixmap), so they are safe on any thread.
#pragma once

#include <QByteArray>
#include <QColorSpace>
#include <QImage>
#include <QSize>

#include "base/image.h"
#include "base/sample_set.h"

namespace rsd::ui {

// How the low-resolution photo is enlarged to the SR geometry for comparison.
enum class LrScaling { Nearest, Bicubic };

// RGB float [0,1] from any QImage (alpha dropped, gray expanded). Keeps 16-bit precision.
ImageF to_image_f(const QImage& image);

// An 8-bit RGB QImage from 1, 3 or 4 channel float pixels (values clamped to [0,1]).
QImage to_qimage(const ImageF& image);

// `image` enlarged by the integer `factor`: nearest repeats each pixel factor x factor times, so
// LR pixel (x, y) covers SR pixels [x*f, (x+1)*f) exactly; bicubic uses Keys' a = -0.5 kernel with
// pixel-centre alignment (the same geometry as the SR models' bicubic baseline).
QImage enlarge(const QImage& image, int factor, LrScaling scaling);

// The image as it should appear on an sRGB screen: converted through its ICC profile (`icc`, or
// the colour space the reader attached when `icc` is empty). Untagged images are taken as sRGB.
QImage to_display(const QImage& image, const QByteArray& icc = {});

// The samples blended at `detail` (base/sample_set.h), as shown on screen; `space` is the photo's.
QImage blended_display(const SampleSet& samples, double detail, const QColorSpace& space);

// `image` with the uncertainty map of `samples` (pipeline/uncertainty_map.h colours) drawn over it
// at `opacity` in [0, 1]; the sizes must match.
QImage with_uncertainty_overlay(const QImage& image, const SampleSet& samples, double opacity);
// A map image (an _uncertainty.png) as an ARGB overlay: each pixel's alpha grows with its
// lightness (square root), so where the samples agree (black) the photo shows through unchanged.
QImage overlay_map(const QImage& map);
// `image` with overlay_map(map) drawn over it at `opacity`.
QImage with_map_overlay(const QImage& image, const QImage& map, double opacity);

}  // namespace rsd::ui
