// ImageUpscaler: what the pipeline and the UI need from an upscaling model. The engine's
// Upscaler implements it; tests use cheap fakes (e.g. bicubic) through the same interface.
//
// Threading: one instance is used by one thread at a time (the inference worker).
#pragma once

#include <string>

#include "base/error.h"
#include "base/image.h"
#include "base/job_context.h"
#include "base/sample_set.h"

namespace rsd {

// How many samples an upscale draws and how they are blended (base/sample_set.h).
struct Sampling {
  int samples = 1;      // K >= 1
  double detail = 1.0;  // D in [0, 1]: 0 = mean of the K samples, 1 = the first sample
};

class ImageUpscaler {
 public:
  virtual ~ImageUpscaler() = default;
  // rgb: 3 channels, values in [0, 1]. Returns scale() times larger, 3 channels, values in [0, 1]:
  // one sample (engine::Upscaler blends its own sampling() here; the pipeline never relies on
  // that and blends through upscale_samples() itself when sampling().samples > 1).
  // Honours ctx.cancel between tiles and diffusion steps (returns ErrorCode::Cancelled).
  virtual Result<ImageF> upscale(const ImageF& rgb, const JobContext& ctx) = 0;
  // `samples` upscales of rgb with different noise seeds (sample 0 is the ordinary output),
  // reduced to first, mean and spread. The default runs upscale() that many times, which suits
  // deterministic models (the spread is then 0).
  virtual Result<SampleSet> upscale_samples(const ImageF& rgb, int samples, const JobContext& ctx) {
    SampleAccumulator acc;
    const int k_total = samples < 1 ? 1 : samples;
    for (int k = 0; k < k_total; ++k) {
      auto out = upscale(rgb, ctx.slice(double(k) / k_total, double(k + 1) / k_total));
      if (!out) return out.error();
      if (!acc.add(out.value()))
        return Error(ErrorCode::Internal, "samples of one image differ in size", "upscale");
    }
    return acc.finish();
  }
  virtual int scale() const = 0;
  // For logs, the status bar and Exif.Image.Software, e.g. "rsd-lite-student".
  virtual std::string model_name() const = 0;
  // "cpu" or "cuda:0".
  virtual std::string device_name() const = 0;

  // What upscale() draws and blends. The pipeline honours it for every model: with more than one
  // sample it goes through upscale_samples() and blend_detail() itself.
  virtual Sampling sampling() const { return sampling_; }
  virtual void set_sampling(const Sampling& sampling) { sampling_ = sampling; }

 private:
  Sampling sampling_;
};

}  // namespace rsd
