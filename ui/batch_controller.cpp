#include "ui/batch_controller.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/batch_queue_model.h"
#include "ui/inference_service.h"
#include "ui/photo.h"

namespace rsd::ui {
namespace {

struct Probe {
  QImage thumbnail;
  QSize size;
};

double megapixels(QSize s) { return s.isValid() ? s.width() * double(s.height()) / 1e6 : 0.0; }

}  // namespace

BatchController::BatchController(InferenceService* service, BatchQueueModel* model, QueueStore store,
                                 QObject* parent)
    : QObject(parent), service_(service), model_(model), store_(std::move(store)) {
  connect(model_, &BatchQueueModel::persistentChange, this, [this] { store_.save(model_->items()); });
  connect(service_, &InferenceService::batchStarted, this, &BatchController::onStarted);
  connect(service_, &InferenceService::batchProgress, this, &BatchController::onProgress);
  connect(service_, &InferenceService::batchFinished, this, &BatchController::onFinished);
}

void BatchController::restore() {
  model_->setItems(store_.load());
  for (const BatchItem& item : model_->items()) loadThumbnail(item.input);
  reportProgress();
}

int BatchController::addFiles(const QStringList& inputs, const OutputPlan& plan, bool uncertainty_map) {
  QVector<BatchItem> items;
  for (const QString& input : inputs) {
    if (model_->containsInput(input)) continue;
    BatchItem item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.input = input;
    item.output = output_path(input, plan);
    item.uncertainty_map = uncertainty_map;
    items.append(item);
  }
  model_->append(items);
  for (const BatchItem& item : items) loadThumbnail(item.input);
  reportProgress();
  if (running_) dispatch();
  return int(items.size());
}

bool BatchController::requestMap(const QString& input, const OutputPlan& plan) {
  for (const BatchItem& item : model_->items()) {
    if (item.input != input) continue;
    // Running or queued: it is on its way. Skipped: its output was there before the batch, not
    // ours to replace.
    if (!is_final(item.status) || item.status == ItemStatus::Skipped) return false;
    const bool ours = item.status == ItemStatus::Done;
    model_->update(item.id, [ours](BatchItem& it) {
      it.status = ItemStatus::Queued;
      it.progress = 0.0;
      it.error.clear();
      it.uncertainty_map = true;
      it.redo = ours;  // replaces the output this item wrote
    });
    reportProgress();
    if (running_) dispatch();
    return true;
  }
  return addFiles({input}, plan, true) == 1;
}

void BatchController::loadThumbnail(const QString& input) {
  auto* watcher = new QFutureWatcher<Probe>(this);
  connect(watcher, &QFutureWatcher<Probe>::finished, this, [this, watcher, input] {
    const Probe probe = watcher->result();
    model_->setThumbnail(input, probe.thumbnail);
    for (const BatchItem& item : model_->items())
      if (item.input == input && !item.input_size.isValid() && probe.size.isValid())
        model_->update(item.id, [&probe](BatchItem& it) { it.input_size = probe.size; }, false);
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run([input] {
    Probe p;
    p.size = photo_size(input);
    p.thumbnail = load_thumbnail(input, QSize(48, 36));
    return p;
  }));
}

void BatchController::start() {
  if (!running_) wall_.start();
  running_ = true;
  paused_ = false;
  Q_EMIT stateChanged();
  dispatch();
}

void BatchController::pause() {
  paused_ = true;
  Q_EMIT stateChanged();
}

void BatchController::resume() {
  if (!running_) return start();
  paused_ = false;
  Q_EMIT stateChanged();
  dispatch();
}

void BatchController::dispatch() {
  if (!running_ || paused_ || !current_id_.isEmpty()) return;
  for (const BatchItem& item : model_->items()) {
    if (item.status != ItemStatus::Queued) continue;
    // An output that already exists is a finished photo from an earlier run: never redo it.
    if (!options_.overwrite && !item.redo && QFileInfo::exists(item.output)) {
      model_->update(item.id, [](BatchItem& it) {
        it.status = ItemStatus::Skipped;
        it.error = BatchController::tr("output already exists");
      });
      continue;
    }
    current_id_ = item.id;
    current_cancel_ = std::make_shared<CancelToken>();
    BatchTask task{item.id, item.input, item.output, options_, current_cancel_};
    task.options.uncertainty_map = task.options.uncertainty_map || item.uncertainty_map;
    task.options.overwrite = task.options.overwrite || item.redo;
    model_->update(item.id, [](BatchItem& it) {
      it.status = ItemStatus::Running;
      it.progress = 0.0;
      it.error.clear();
      it.started_ms = QDateTime::currentMSecsSinceEpoch();
    });
    service_->submitBatch(std::move(task));
    reportProgress();
    return;
  }
  // Nothing left to start.
  running_ = false;
  paused_ = false;
  reportProgress();
  Q_EMIT stateChanged();
  Q_EMIT batchFinished(model_->count(ItemStatus::Done), model_->count(ItemStatus::Failed),
                       model_->count(ItemStatus::Skipped), wall_.isValid() ? wall_.elapsed() / 1000.0 : 0.0);
}

void BatchController::onStarted(const QString& id) {
  model_->update(id, [](BatchItem& it) { it.stage = BatchController::tr("loading"); }, false);
}

void BatchController::onProgress(const QString& id, double fraction, const QString& stage) {
  model_->update(id, [&](BatchItem& it) {
    it.progress = fraction;
    it.stage = stage;
  }, false);
  reportProgress();
}

void BatchController::onFinished(const BatchResult& r) {
  const int row = model_->rowOf(r.id);
  if (row >= 0 && r.ok) {
    busy_seconds_ += r.seconds;
    busy_megapixels_ += megapixels(model_->at(row).input_size);
    ++busy_items_;
  }
  model_->update(r.id, [&r](BatchItem& it) {
    it.status = r.ok ? ItemStatus::Done : r.cancelled ? ItemStatus::Cancelled : ItemStatus::Failed;
    it.progress = r.ok ? 1.0 : it.progress;
    it.error = r.ok || r.cancelled ? QString() : r.error;
    it.seconds = r.seconds;
    if (r.ok) {
      it.output_size = r.output_size;
      it.map_path = r.uncertainty_map;
      it.redo = false;  // a later retry must not replace the output again unasked
    }
    if (r.ok && !r.warnings.isEmpty()) it.error = r.warnings.join(QStringLiteral("; "));
  });
  if (r.id == current_id_) {
    current_id_.clear();
    current_cancel_.reset();
  }
  reportProgress();
  dispatch();
}

void BatchController::cancelItem(const QString& id) {
  if (id == current_id_ && current_cancel_) {
    current_cancel_->cancel();  // the worker reports it as cancelled
    return;
  }
  model_->update(id, [](BatchItem& it) {
    if (it.status == ItemStatus::Queued) it.status = ItemStatus::Cancelled;
  });
  reportProgress();
}

void BatchController::cancelAll() {
  for (const BatchItem& item : model_->items())
    if (item.status == ItemStatus::Queued)
      model_->update(item.id, [](BatchItem& it) { it.status = ItemStatus::Cancelled; });
  if (current_cancel_) current_cancel_->cancel();
  reportProgress();
}

void BatchController::retryFailed() {
  for (const BatchItem& item : model_->items())
    if (item.status == ItemStatus::Failed || item.status == ItemStatus::Cancelled)
      model_->update(item.id, [](BatchItem& it) {
        it.status = ItemStatus::Queued;
        it.error.clear();
        it.progress = 0.0;
      });
  reportProgress();
  if (running_) dispatch();
}

void BatchController::removeFinished() {
  model_->removeRowsWhere([](const BatchItem& it) {
    return it.status == ItemStatus::Done || it.status == ItemStatus::Skipped;
  });
  reportProgress();
}

void BatchController::reportProgress() {
  int total = 0, finished = 0;
  double remaining_mp = 0.0, unit_sum = 0.0;
  int remaining_unknown = 0;
  for (const BatchItem& item : model_->items()) {
    ++total;
    if (is_final(item.status)) {
      ++finished;
      unit_sum += 1.0;
      continue;
    }
    unit_sum += item.progress;
    const double mp = megapixels(item.input_size) * (1.0 - item.progress);
    if (mp > 0) remaining_mp += mp;
    else ++remaining_unknown;
  }
  double eta = -1.0;
  if (busy_items_ > 0 && busy_megapixels_ > 0)
    eta = remaining_mp * (busy_seconds_ / busy_megapixels_) +
          remaining_unknown * (busy_seconds_ / busy_items_);
  else if (busy_items_ > 0)
    eta = (total - finished) * (busy_seconds_ / busy_items_);
  Q_EMIT overallProgress(finished, total, total ? unit_sum / total : 0.0, eta);
}

}  // namespace rsd::ui
