// ImageUpscaler: what the pipeline and the UI need from an upscaling model. The engine's
// Upscaler implements it; tests use cheap fakes (e.g. bicubic) through the same interface.
//
// Threading: one instance is used by one thread at a time (the inference worker).
#pragma once

#include <functional>
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

// InvalidArgument unless 1 <= samples <= kMaxSamples and 0 <= detail <= 1.
inline Status check_sampling(const Sampling& s) {
  if (s.samples < 1 || s.samples > kMaxSamples)
    return Error(ErrorCode::InvalidArgument,
                 "samples must be 1 to " + std::to_string(kMaxSamples) + ", not " + std::to_string(s.samples));
  if (!(s.detail >= 0.0 && s.detail <= 1.0)) return Error(ErrorCode::InvalidArgument, "detail must be between 0 and 1");
  return {};
}

class ImageUpscaler {
 public:
  virtual ~ImageUpscaler() = default;
  // rgb: 3 channels, values in [0, 1]. Returns scale() times larger, 3 channels, values in [0, 1]:
  // one sample (engine::Upscaler blends its own sampling() here; the pipeline never relies on
  // that and blends through upscale_samples() itself when sampling().samples > 1).
  // Honours ctx.cancel between tiles and diffusion steps (returns ErrorCode::Cancelled).
  virtual Result<ImageF> upscale(const ImageF& rgb, const JobContext& ctx) = 0;
  // Sample k of rgb (k = 0 is the ordinary output; each k its own noise seed). blend_factor
  // (optional) receives the cross-fade's sum(w^2) / sum(w)^2 per output pixel when the model
  // tiles (SampleAccumulator::finish). The default is upscale(), which suits deterministic models.
  virtual Result<ImageF> upscale_sample(const ImageF& rgb, int k, const JobContext& ctx,
                                        ImageF* blend_factor = nullptr) {
    (void)k;
    (void)blend_factor;
    return upscale(rgb, ctx);
  }
  // Samples 0 .. samples-1 reduced to first, mean and spread (1 <= samples <= kMaxSamples).
  // on_sample (optional) sees each sample as it is drawn (the GUI shows the first at once).
  Result<SampleSet> upscale_samples(const ImageF& rgb, int samples, const JobContext& ctx,
                                    const std::function<void(int k, const ImageF& sample)>& on_sample = {}) {
    if (auto st = check_sampling({samples, 1.0}); !st) return st.error().within("upscale");
    SampleAccumulator acc;
    ImageF factor;
    for (int k = 0; k < samples; ++k) {
      if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled");
      auto out = upscale_sample(rgb, k, ctx.slice(double(k) / samples, double(k + 1) / samples),
                                k == 0 ? &factor : nullptr);
      if (!out) return out.error();
      if (!acc.add(out.value()))
        return Error(ErrorCode::Internal, "samples of one image differ in size", "upscale");
      if (on_sample) on_sample(k, out.value());
    }
    return acc.finish(&factor);
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
