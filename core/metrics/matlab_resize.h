// Bicubic resizing as MATLAB's imresize does it (Keys cubic, a = -0.5; when shrinking with
// antialiasing the kernel is stretched by 1/scale; borders mirrored symmetrically), in double
// precision. NIQE's second scale and the usual "bicubic x4" low-resolution test inputs of
// super-resolution benchmarks both depend on this exact filter, which OpenCV's INTER_CUBIC and
// INTER_AREA do not reproduce.
// Threading: pure functions, safe to call from any thread.
#pragma once

#include "base/error.h"
#include "base/image.h"
#include "metrics/plane.h"

namespace rsd::metrics {

// Output size per axis: ceil(size * scale), as imresize with a scale factor. Values are not
// clamped (bicubic overshoots slightly near edges); clamp when converting to an integer format.
// `scale` must be positive.
Plane matlab_resize(const Plane& plane, double scale, bool antialias = true);

// The same filter on every channel of an image (alpha included).
// Errors: InvalidArgument for an empty image or a non-positive scale.
Result<ImageF> matlab_resize(const ImageF& image, double scale, bool antialias = true);

}  // namespace rsd::metrics
