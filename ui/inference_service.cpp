#include "ui/inference_service.h"

#include "ui/inference_worker.h"

namespace rsd::ui {

InferenceService::InferenceService(UpscalerFactory factory, QObject* parent) : QObject(parent) {
  thread_.setObjectName("rsd-inference");
  worker_ = new InferenceWorker(std::move(factory));
  worker_->moveToThread(&thread_);
  connect(worker_, &InferenceWorker::previewFinished, this, [this](const PreviewResult& r) {
    if (r.id == generation_) Q_EMIT previewFinished(r);  // stale generations are dropped here
  });
  connect(worker_, &InferenceWorker::batchStarted, this, &InferenceService::batchStarted);
  connect(worker_, &InferenceWorker::batchProgress, this, &InferenceService::batchProgress);
  connect(worker_, &InferenceWorker::batchFinished, this, &InferenceService::batchFinished);
  connect(worker_, &InferenceWorker::modelReady, this, &InferenceService::modelReady);
  connect(worker_, &InferenceWorker::modelFailed, this, &InferenceService::modelFailed);
  connect(worker_, &InferenceWorker::busyChanged, this, &InferenceService::busyChanged);
  thread_.start();
}

InferenceService::~InferenceService() { shutdown(); }

void InferenceService::setModelSpec(ModelRole role, const ModelSpec& spec) {
  if (worker_) worker_->setModelSpec(role, spec);
}

quint64 InferenceService::requestPreview(const QImage& lr_crop, const QRect& inner, bool with_teacher, int samples,
                                         double detail) {
  if (!worker_) return 0;
  worker_->cancelPreviews();
  preview_cancel_ = std::make_shared<CancelToken>();
  ++generation_;
  worker_->submitPreview({generation_, ModelRole::Student, lr_crop, inner, preview_cancel_, samples, detail});
  if (with_teacher)
    worker_->submitPreview({generation_, ModelRole::Teacher, lr_crop, inner, preview_cancel_});
  return generation_;
}

void InferenceService::requestTeacher(const QImage& lr_crop, const QRect& inner) {
  if (!worker_ || !preview_cancel_) return;
  worker_->submitPreview({generation_, ModelRole::Teacher, lr_crop, inner, preview_cancel_});
}

void InferenceService::cancelPreviews() {
  if (!worker_) return;
  worker_->cancelPreviews();
  preview_cancel_.reset();
  ++generation_;
}

void InferenceService::submitBatch(BatchTask task) {
  if (worker_) worker_->submitBatch(std::move(task));
}

void InferenceService::cancelBatch() {
  if (worker_) worker_->cancelBatch();
}

void InferenceService::shutdown() {
  if (!worker_) return;
  worker_->cancelPreviews();
  worker_->cancelBatch();
  // Models are destroyed on the thread that created and used them, after the running job ends.
  QMetaObject::invokeMethod(worker_, "release", Qt::BlockingQueuedConnection);
  thread_.quit();
  thread_.wait();
  delete worker_;
  worker_ = nullptr;
}

}  // namespace rsd::ui
