// Full-reference metrics PSNR and SSIM, computed the way BasicSR's psnr_ssim.py computes them
// (and so matching the tables of most super-resolution papers): on values in [0, 255], after
// cropping `crop_border` pixels from every side, by default on the Y channel of MATLAB YCbCr.
// Threading: pure functions, safe to call from any thread.
#pragma once

#include "base/error.h"
#include "base/image.h"

namespace rsd::metrics {

struct FullReferenceOptions {
  int crop_border = 0;    // pixels dropped on each side before measuring (usually the SR scale)
  bool y_channel = true;  // true: Y of BT.601 YCbCr; false: every colour channel (alpha excluded)
};

// PSNR in dB with peak 255: 10 log10(255^2 / MSE). Identical images give +infinity.
// Errors: InvalidArgument when the sizes or channel counts differ or nothing is left after the crop.
Result<double> psnr(const ImageF& a, const ImageF& b, const FullReferenceOptions& options = {});

// Mean SSIM (Wang et al. 2004) with the 11x11 Gaussian window (sigma 1.5), C1 = (0.01*255)^2,
// C2 = (0.03*255)^2, over the "valid" region (no padding: 5 pixels lost on each side). With
// y_channel false it is the mean over the colour channels.
// Errors: as psnr, plus InvalidArgument when the cropped image is smaller than 11x11.
Result<double> ssim(const ImageF& a, const ImageF& b, const FullReferenceOptions& options = {});

}  // namespace rsd::metrics
