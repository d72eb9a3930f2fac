#include "ui/queue_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace rsd::ui {

QueueStore::QueueStore(QString path) : path_(std::move(path)) {}

QString QueueStore::defaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/queue.json");
}

bool QueueStore::save(const QVector<BatchItem>& items) const {
  QDir().mkpath(QFileInfo(path_).absolutePath());
  QJsonArray array;
  for (const BatchItem& item : items) array.append(item.toJson());
  QJsonObject root;
  root["version"] = 1;
  root["items"] = array;
  QSaveFile file(path_);
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
  return file.commit();
}

QVector<BatchItem> QueueStore::load() const {
  QFile file(path_);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
  QVector<BatchItem> items;
  for (const QJsonValue& v : root["items"].toArray()) {
    BatchItem item = BatchItem::fromJson(v.toObject());
    if (item.id.isEmpty() || item.input.isEmpty()) continue;
    if (item.status == ItemStatus::Running) {
      // Interrupted (crash, kill, power cut). Outputs appear under their final name only when
      // complete (atomic writes), so an output written after the item started is its finished
      // result: the photo was done, only the "done" state was not saved yet.
      const QFileInfo out(item.output);
      if (item.started_ms > 0 && out.exists() &&
          out.lastModified().toMSecsSinceEpoch() >= item.started_ms - 2000) {
        item.status = ItemStatus::Done;
        item.progress = 1.0;
      } else {
        item.status = ItemStatus::Queued;
        item.progress = 0.0;
      }
    }
    items.append(item);
  }
  return items;
}

}  // namespace rsd::ui
