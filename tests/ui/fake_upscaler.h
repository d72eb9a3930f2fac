// FakeUpscaler: a stand-in model for UI tests — bicubic-like enlargement through QImage scaling,
// optionally colour-inverted (so results differ visibly from the LR), with simulated CPU work that
// honours the cancel token, and a counter of calls.
#pragma once

#include <atomic>
#include <memory>

#include "base/image_upscaler.h"
#include "ui/inference_types.h"

namespace rsd::ui::test {

struct FakeOptions {
  int scale = 4;
  int work_ms = 0;         // busy CPU time per call (checked for cancel every 5 ms)
  bool invert = false;     // output = 1 - enlarged input
  std::string name = "fake-student";
  float sample_shift = 0.f;  // upscale_sample(): sample k is the output plus k x this
};

class FakeUpscaler : public ImageUpscaler {
 public:
  FakeUpscaler(FakeOptions options, std::shared_ptr<std::atomic<int>> calls)
      : options_(std::move(options)), calls_(std::move(calls)) {}
  Result<ImageF> upscale(const ImageF& rgb, const JobContext& ctx) override;
  Result<ImageF> upscale_sample(const ImageF& rgb, int k, const JobContext& ctx, ImageF* blend_factor) override;
  int scale() const override { return options_.scale; }
  std::string model_name() const override { return options_.name; }
  std::string device_name() const override { return "cpu"; }

 private:
  FakeOptions options_;
  std::shared_ptr<std::atomic<int>> calls_;
};

// A factory giving FakeUpscalers (the teacher role gets name "fake-teacher" and 2x the work).
// `calls` counts upscale() calls across all instances.
UpscalerFactory fake_factory(FakeOptions options, std::shared_ptr<std::atomic<int>> calls = nullptr);

}  // namespace rsd::ui::test
