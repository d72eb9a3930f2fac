// InferenceService: the GUI thread's handle on the inference worker. Owns the worker thread; a
// newer region preview cancels older ones (their late results are dropped by generation id). On
// destruction: cancel everything, release the models on the worker thread, stop and join it.
//
// Threading: GUI thread only; its signals are emitted on the GUI thread.
#pragma once

#include <QObject>
#include <QThread>

#include <memory>

#include "ui/inference_types.h"

namespace rsd::ui {

class InferenceWorker;

class InferenceService : public QObject {
  Q_OBJECT
 public:
  explicit InferenceService(UpscalerFactory factory, QObject* parent = nullptr);
  ~InferenceService() override;

  void setModelSpec(ModelRole role, const ModelSpec& spec);

  // Upscales `inner` of `lr_crop` (which includes a context margin) with the student, and with the
  // teacher too when `with_teacher`. The student draws `samples` samples (blended at `detail`, and
  // returned for re-blending); the teacher one. Cancels every older preview. Returns the request's
  // generation.
  quint64 requestPreview(const QImage& lr_crop, const QRect& inner, bool with_teacher, int samples = 1,
                         double detail = 1.0);
  // Adds the teacher to the latest preview without cancelling the student result already shown.
  void requestTeacher(const QImage& lr_crop, const QRect& inner);
  quint64 currentPreview() const { return generation_; }
  // Cancels every preview and drops their late results (a new generation).
  void cancelPreviews();

  void submitBatch(BatchTask task);
  void cancelBatch();
  // Stops the worker (idempotent); the service is unusable afterwards.
  void shutdown();

 Q_SIGNALS:
  void previewFinished(const rsd::ui::PreviewResult& result);
  void batchStarted(const QString& id);
  void batchProgress(const QString& id, double fraction, const QString& stage);
  void batchFinished(const rsd::ui::BatchResult& result);
  void modelReady(int role, const QString& model, const QString& device);
  void modelFailed(int role, const QString& error);
  void busyChanged(bool busy);

 private:
  QThread thread_;
  InferenceWorker* worker_ = nullptr;
  quint64 generation_ = 0;
  std::shared_ptr<CancelToken> preview_cancel_;
};

}  // namespace rsd::ui
