// BatchItem: one row of the batch queue, as shown and as saved to disk.
#pragma once

#include <QJsonObject>
#include <QSize>
#include <QString>

namespace rsd::ui {

enum class ItemStatus { Queued, Running, Done, Failed, Cancelled, Skipped };

QString to_key(ItemStatus status);  // stable names for the saved queue: "queued", "running", ...
ItemStatus status_from_key(const QString& key);
// True when nothing more will happen to the item unless the user retries it.
inline bool is_final(ItemStatus s) { return s != ItemStatus::Queued && s != ItemStatus::Running; }

struct BatchItem {
  QString id;          // unique within the queue
  QString input;
  QString output;
  ItemStatus status = ItemStatus::Queued;
  double progress = 0.0;  // 0..1 of this item
  QString stage;          // what the worker is doing ("tile 3/9")
  QString error;
  QSize input_size;       // LR pixels (0x0 until probed)
  QSize output_size;
  double seconds = 0.0;   // processing time of a finished item
  qint64 started_ms = 0;  // wall clock (ms since epoch) when it last started running; 0 = never
  bool uncertainty_map = false;  // write its map of invented detail whatever the settings say
  QString map_path;              // the map written with its output (empty: none)
  bool redo = false;             // asked for again: its own earlier output is replaced (cleared when it ends)

  QJsonObject toJson() const;
  static BatchItem fromJson(const QJsonObject& o);
};

}  // namespace rsd::ui
