#include "fake_upscaler.h"

#include <QElapsedTimer>

#include <algorithm>

#include "ui/image_convert.h"

namespace rsd::ui::test {

Result<ImageF> FakeUpscaler::upscale(const ImageF& rgb, const JobContext& ctx) {
  if (calls_) ++*calls_;
  QElapsedTimer timer;
  timer.start();
  volatile double sink = 0;
  while (timer.elapsed() < options_.work_ms) {
    if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled");
    for (int i = 0; i < 20000; ++i) sink = sink + i * 0.5;  // real CPU work, like a model
    ctx.report(double(timer.elapsed()) / options_.work_ms, "fake");
  }
  const QImage in = to_qimage(rgb);
  QImage out = in.scaled(in.size() * options_.scale, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
  if (options_.invert) out.invertPixels();
  return to_image_f(out);
}

Result<ImageF> FakeUpscaler::upscale_sample(const ImageF& rgb, int k, const JobContext& ctx, ImageF*) {
  auto out = upscale(rgb, ctx);
  if (!out) return out.error();
  for (float& v : out->data) v = std::min(1.f, v + options_.sample_shift * float(k));
  return out;
}

UpscalerFactory fake_factory(FakeOptions options, std::shared_ptr<std::atomic<int>> calls) {
  return [options, calls](const ModelSpec&, ModelRole role) -> Result<std::unique_ptr<ImageUpscaler>> {
    FakeOptions o = options;
    if (role == ModelRole::Teacher) {
      o.name = "fake-teacher";
      o.work_ms *= 2;
    }
    return std::unique_ptr<ImageUpscaler>(new FakeUpscaler(o, calls));
  };
}

}  // namespace rsd::ui::test
