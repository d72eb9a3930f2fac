// InferenceWorker: the one thread that runs models. It owns every loaded upscaler (student and
// teacher), so all LibTorch work is serialized on one thread, and grad-mode guards (thread-local)
// are set here by the engine. Previews jump ahead of batch items: the worker keeps its own two
// queues and always takes a pending preview first, so a preview waits at most for the batch item
// being processed.
//
// Threading: construct on the GUI thread, then moveToThread(); submit*/setModelSpec are
// thread-safe; signals are delivered to the GUI thread by queued connections. release() must run
// on the worker thread (InferenceService calls it with a blocking queued call on shutdown).
#pragma once

#include <QObject>

#include <deque>
#include <memory>
#include <mutex>

#include "ui/inference_types.h"

namespace rsd::ui {

class InferenceWorker : public QObject {
  Q_OBJECT
 public:
  explicit InferenceWorker(UpscalerFactory factory);
  ~InferenceWorker() override;

  void setModelSpec(ModelRole role, const ModelSpec& spec);
  void submitPreview(PreviewRequest request);
  void submitBatch(BatchTask task);
  // Cancels queued and running work (previews, batch items or both).
  void cancelPreviews();
  void cancelBatch();

 public Q_SLOTS:
  // Destroys the models; call on the worker thread before it stops.
  void release();

 Q_SIGNALS:
  void previewFinished(const rsd::ui::PreviewResult& result);
  void batchStarted(const QString& id);
  void batchProgress(const QString& id, double fraction, const QString& stage);
  void batchFinished(const rsd::ui::BatchResult& result);
  void modelReady(int role, const QString& model, const QString& device);
  void modelFailed(int role, const QString& error);
  void busyChanged(bool busy);

 private Q_SLOTS:
  void pump();

 private:
  Result<ImageUpscaler*> model(ModelRole role);
  void runPreview(const PreviewRequest& request);
  void runBatch(const BatchTask& task);
  void schedule();

  UpscalerFactory factory_;
  std::mutex mutex_;  // guards the queues, the specs and the running tokens
  std::deque<PreviewRequest> previews_;
  std::deque<BatchTask> batch_;
  ModelSpec wanted_[2];
  std::shared_ptr<CancelToken> running_preview_, running_batch_;
  bool pump_posted_ = false;
  // Worker-thread only.
  std::unique_ptr<ImageUpscaler> models_[2];
  ModelSpec loaded_[2];
};

}  // namespace rsd::ui
