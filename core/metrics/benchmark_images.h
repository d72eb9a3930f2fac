// Image preparation for super-resolution benchmarks: the standard "bicubic xN" low-resolution
// inputs made from high-resolution photos, and the classical upscalers every result table is
// compared with.
// Threading: pure functions, safe to call from any thread.
#pragma once

#include "base/error.h"
#include "base/image.h"

namespace rsd::metrics {

// The top-left part of `image` whose width and height are multiples of `factor` (BasicSR's
// mod_crop), so that LR = HR / factor exactly and the HR/SR pair line up pixel for pixel.
// Errors: InvalidArgument when factor < 1 or the image is smaller than factor.
Result<ImageF> mod_crop(const ImageF& image, int factor);

struct LowResolutionOptions {
  // Round to 8-bit levels and clamp to [0, 1], as MATLAB's imresize does on a uint8 image (how
  // the published LR sets were made). false keeps the unclamped float result.
  bool quantize_8bit = true;
};

// mod_crop(hr, factor) shrunk by 1/factor with MATLAB's antialiased bicubic imresize.
// Errors: those of mod_crop.
Result<ImageF> make_low_resolution(const ImageF& hr, int factor,
                                   const LowResolutionOptions& options = {});

enum class UpscaleFilter {
  MatlabBicubic,  // MATLAB imresize bicubic (the "Bicubic" row of SR papers)
  OpenCvBicubic,  // cv::resize INTER_CUBIC (Keys a = -0.75)
  OpenCvLanczos,  // cv::resize INTER_LANCZOS4 (8x8 Lanczos)
};

// `lr` enlarged `factor` times with a classical filter, clamped to [0, 1].
// Errors: InvalidArgument for an empty image or factor < 1; Internal for an OpenCV failure.
Result<ImageF> upscale_classical(const ImageF& lr, int factor, UpscaleFilter filter);

}  // namespace rsd::metrics
