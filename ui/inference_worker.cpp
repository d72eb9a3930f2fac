#include "ui/inference_worker.h"

#include <QColorSpace>
#include <QElapsedTimer>
#include <QMetaObject>

#include <algorithm>

#include "ui/batch_file_processor.h"
#include "ui/image_convert.h"

namespace rsd::ui {

InferenceWorker::InferenceWorker(UpscalerFactory factory) : factory_(std::move(factory)) {
  qRegisterMetaType<rsd::ui::PreviewResult>();
  qRegisterMetaType<rsd::ui::BatchResult>();
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::setModelSpec(ModelRole role, const ModelSpec& spec) {
  std::lock_guard lock(mutex_);
  wanted_[int(role)] = spec;
}

void InferenceWorker::submitPreview(PreviewRequest request) {
  {
    std::lock_guard lock(mutex_);
    previews_.push_back(std::move(request));
  }
  schedule();
}

void InferenceWorker::submitBatch(BatchTask task) {
  {
    std::lock_guard lock(mutex_);
    batch_.push_back(std::move(task));
  }
  schedule();
}

void InferenceWorker::cancelPreviews() {
  std::lock_guard lock(mutex_);
  for (auto& r : previews_)
    if (r.cancel) r.cancel->cancel();
  if (running_preview_) running_preview_->cancel();
}

void InferenceWorker::cancelBatch() {
  std::lock_guard lock(mutex_);
  for (auto& t : batch_)
    if (t.cancel) t.cancel->cancel();
  if (running_batch_) running_batch_->cancel();
}

void InferenceWorker::schedule() {
  std::lock_guard lock(mutex_);
  if (pump_posted_) return;
  pump_posted_ = true;
  QMetaObject::invokeMethod(this, "pump", Qt::QueuedConnection);
}

void InferenceWorker::pump() {
  PreviewRequest preview;
  BatchTask task;
  bool have_preview = false, have_task = false;
  {
    std::lock_guard lock(mutex_);
    pump_posted_ = false;
    if (!previews_.empty()) {
      preview = std::move(previews_.front());
      previews_.pop_front();
      have_preview = true;
      running_preview_ = preview.cancel;
    } else if (!batch_.empty()) {
      task = std::move(batch_.front());
      batch_.pop_front();
      have_task = true;
      running_batch_ = task.cancel;
    }
  }
  if (!have_preview && !have_task) {
    Q_EMIT busyChanged(false);
    return;
  }
  Q_EMIT busyChanged(true);
  // One task per event so queued previews and cancellations are seen between tasks.
  if (have_preview) runPreview(preview);
  if (have_task) runBatch(task);
  {
    std::lock_guard lock(mutex_);
    running_preview_.reset();
    running_batch_.reset();
  }
  schedule();
}

Result<ImageUpscaler*> InferenceWorker::model(ModelRole role) {
  const int i = int(role);
  ModelSpec wanted;
  {
    std::lock_guard lock(mutex_);
    wanted = wanted_[i];
  }
  if (models_[i] && loaded_[i] == wanted) return models_[i].get();
  models_[i].reset();  // free the old model before loading the new one
  auto created = factory_(wanted, role);
  if (!created) {
    Q_EMIT modelFailed(i, QString::fromStdString(created.error().what()));
    return created.error();
  }
  models_[i] = std::move(created.value());
  loaded_[i] = wanted;
  Q_EMIT modelReady(i, QString::fromStdString(models_[i]->model_name()),
                    QString::fromStdString(models_[i]->device_name()));
  return models_[i].get();
}

void InferenceWorker::runPreview(const PreviewRequest& request) {
  PreviewResult result;
  result.id = request.id;
  result.role = request.role;
  JobContext ctx{request.cancel, nullptr, nullptr};
  if (ctx.cancelled()) {
    result.cancelled = true;
    Q_EMIT previewFinished(result);
    return;
  }
  auto m = model(request.role);
  if (!m) {
    result.error = QString::fromStdString(m.error().what());
    Q_EMIT previewFinished(result);
    return;
  }
  ImageUpscaler& up = **m;
  result.model = QString::fromStdString(up.model_name());
  result.device = QString::fromStdString(up.device_name());
  QElapsedTimer timer;
  timer.start();
  const int s = up.scale();
  result.scale = s;
  result.color_space = request.lr_crop.colorSpace();
  const ImageF rgb = to_image_f(request.lr_crop);
  // The margin gave the model the same context a full run has; only the region itself is kept.
  const auto crop = [&](const ImageF& img) {
    const QRect r = request.inner.intersected(QRect(0, 0, img.width / s, img.height / s));
    return img.crop(r.x() * s, r.y() * s, r.width() * s, r.height() * s);
  };
  // The first sample goes on screen at once (the ordinary result); the others follow for the
  // Detail control and the map, and the final result replaces it.
  const int total = std::max(1, request.samples);
  auto out = up.upscale_samples(rgb, total, ctx, [&](int k, const ImageF& sample) {
    if (k != 0 || total == 1) return;
    PreviewResult first = result;
    first.seconds = timer.elapsed() / 1000.0;
    auto one = std::make_shared<SampleSet>(single_sample(crop(sample)));
    first.image = blended_display(*one, 1.0, first.color_space);
    first.samples = std::move(one);
    first.partial = true;
    Q_EMIT previewFinished(first);
  });
  result.seconds = timer.elapsed() / 1000.0;
  if (!out) {
    result.cancelled = out.error().code == ErrorCode::Cancelled;
    result.error = QString::fromStdString(out.error().what());
    Q_EMIT previewFinished(result);
    return;
  }
  auto set = std::make_shared<SampleSet>();
  set->samples = out->samples;
  set->first = crop(out->first);
  set->mean = crop(out->mean);
  set->spread = crop(out->spread);
  result.image = blended_display(*set, request.detail, result.color_space);
  result.samples = std::move(set);
  Q_EMIT previewFinished(result);
}

void InferenceWorker::runBatch(const BatchTask& task) {
  BatchResult result;
  result.id = task.id;
  JobContext ctx{task.cancel, nullptr, nullptr};
  if (ctx.cancelled()) {
    result.cancelled = true;
    Q_EMIT batchFinished(result);
    return;
  }
  Q_EMIT batchStarted(task.id);
  auto m = model(ModelRole::Student);
  if (!m) {
    result.error = QString::fromStdString(m.error().what());
    Q_EMIT batchFinished(result);
    return;
  }
  const QString id = task.id;
  ctx.progress = [this, id](double f, std::string_view stage) {
    Q_EMIT batchProgress(id, f, QString::fromUtf8(stage.data(), int(stage.size())));
  };
  QStringList warnings;
  ctx.log = [&warnings](LogLevel level, std::string_view message) {
    if (level == LogLevel::Warning) warnings.append(QString::fromUtf8(message.data(), int(message.size())));
  };
  QElapsedTimer timer;
  timer.start();
  auto out = process_batch_file(task, **m, ctx);
  result.seconds = timer.elapsed() / 1000.0;
  result.warnings = warnings;
  if (out) {
    result.ok = true;
    result.output_size = out->size;
    result.uncertainty_map = out->uncertainty_map;
  } else {
    result.cancelled = out.error().code == ErrorCode::Cancelled;
    result.error = QString::fromStdString(out.error().what());
  }
  Q_EMIT batchFinished(result);
}

void InferenceWorker::release() {
  models_[0].reset();
  models_[1].reset();
}

}  // namespace rsd::ui
