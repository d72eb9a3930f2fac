// ImageUpscaler: what the pipeline and the UI need from an upscaling model. The engine's
// Upscaler implements it; tests use cheap fakes (e.g. bicubic) through the same interface.
//
// Threading: one instance is used by one thread at a time (the inference worker).
#pragma once

#include <string>

#include "base/error.h"
#include "base/image.h"
#include "base/job_context.h"

namespace rsd {

class ImageUpscaler {
 public:
  virtual ~ImageUpscaler() = default;
  // rgb: 3 channels, values in [0, 1]. Returns scale() times larger, 3 channels, values in [0, 1].
  // Honours ctx.cancel between tiles and diffusion steps (returns ErrorCode::Cancelled).
  virtual Result<ImageF> upscale(const ImageF& rgb, const JobContext& ctx) = 0;
  virtual int scale() const = 0;
  // For logs, the status bar and Exif.Image.Software, e.g. "rsd-lite-student".
  virtual std::string model_name() const = 0;
  // "cpu" or "cuda:0".
  virtual std::string device_name() const = 0;
};

}  // namespace rsd
