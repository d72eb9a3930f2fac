// BatchController: runs the batch queue on the inference service, one item at a time (so a region
// preview never waits for more than the item in progress). One failure never stops the rest.
// Every change worth keeping is saved at once through QueueStore; on start-up the saved queue is
// loaded back and finished items are never redone.
//
// Threading: GUI thread only. Thumbnails and sizes are read on the thread pool.
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <memory>

#include "ui/inference_types.h"
#include "ui/output_naming.h"
#include "ui/queue_store.h"

namespace rsd::ui {

class BatchQueueModel;
class InferenceService;

class BatchController : public QObject {
  Q_OBJECT
 public:
  BatchController(InferenceService* service, BatchQueueModel* model, QueueStore store,
                  QObject* parent = nullptr);

  // Restores the saved queue (finished items stay finished, an interrupted one is queued again).
  void restore();
  // Adds photos (not already queued) with outputs planned by `plan`. Returns how many were added.
  // uncertainty_map: these items write their maps whatever the output options say.
  int addFiles(const QStringList& inputs, const OutputPlan& plan, bool uncertainty_map = false);
  void setOutputOptions(const OutputOptions& options) { options_ = options; }
  // Queues `input` to be written with its map of invented detail: a new item, or its finished
  // item again (a done one replaces the output it wrote). Returns false when the input is queued
  // or running, or its item was skipped (its output was there before: not ours to replace).
  bool requestMap(const QString& input, const OutputPlan& plan);

  bool isRunning() const { return running_; }
  bool isPaused() const { return paused_; }
  QString currentId() const { return current_id_; }

 public Q_SLOTS:
  void start();
  void pause();   // the item in progress finishes; nothing new starts
  void resume();
  void cancelItem(const QString& id);
  void cancelAll();
  void retryFailed();
  void removeFinished();

 Q_SIGNALS:
  // done: finished items (done, failed, skipped, cancelled) of `total`; eta_seconds < 0: unknown.
  void overallProgress(int done, int total, double fraction, double eta_seconds);
  void stateChanged();
  // The queue ran dry after start(): counts for a summary and the elapsed wall time.
  void batchFinished(int done, int failed, int skipped, double seconds);

 private:
  void dispatch();
  void onStarted(const QString& id);
  void onProgress(const QString& id, double fraction, const QString& stage);
  void onFinished(const BatchResult& result);
  void reportProgress();
  void loadThumbnail(const QString& input);

  InferenceService* service_;
  BatchQueueModel* model_;
  QueueStore store_;
  OutputOptions options_;
  bool running_ = false;
  bool paused_ = false;
  QString current_id_;
  std::shared_ptr<CancelToken> current_cancel_;
  QElapsedTimer wall_;
  // Throughput of this session's finished items, for the ETA (seconds per LR megapixel).
  double busy_seconds_ = 0.0;
  double busy_megapixels_ = 0.0;
  int busy_items_ = 0;
};

}  // namespace rsd::ui
