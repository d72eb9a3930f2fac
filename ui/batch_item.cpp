#include "ui/batch_item.h"

#include <array>
#include <utility>

namespace rsd::ui {
namespace {

const std::array<std::pair<ItemStatus, const char*>, 6> kKeys{{
    {ItemStatus::Queued, "queued"},
    {ItemStatus::Running, "running"},
    {ItemStatus::Done, "done"},
    {ItemStatus::Failed, "failed"},
    {ItemStatus::Cancelled, "cancelled"},
    {ItemStatus::Skipped, "skipped"},
}};

}  // namespace

QString to_key(ItemStatus status) {
  for (const auto& [s, key] : kKeys)
    if (s == status) return QString::fromLatin1(key);
  return QStringLiteral("queued");
}

ItemStatus status_from_key(const QString& key) {
  for (const auto& [s, k] : kKeys)
    if (key == QLatin1String(k)) return s;
  return ItemStatus::Queued;
}

QJsonObject BatchItem::toJson() const {
  QJsonObject o;
  o["id"] = id;
  o["input"] = input;
  o["output"] = output;
  o["status"] = to_key(status);
  if (!error.isEmpty()) o["error"] = error;
  if (uncertainty_map) o["uncertainty_map"] = true;
  if (redo) o["redo"] = true;
  if (!map_path.isEmpty()) o["map"] = map_path;
  if (input_size.isValid()) {
    o["width"] = input_size.width();
    o["height"] = input_size.height();
  }
  if (output_size.isValid()) {
    o["out_width"] = output_size.width();
    o["out_height"] = output_size.height();
  }
  if (seconds > 0) o["seconds"] = seconds;
  if (started_ms > 0) o["started"] = double(started_ms);
  return o;
}

BatchItem BatchItem::fromJson(const QJsonObject& o) {
  BatchItem item;
  item.id = o["id"].toString();
  item.input = o["input"].toString();
  item.output = o["output"].toString();
  item.status = status_from_key(o["status"].toString());
  item.error = o["error"].toString();
  if (o.contains("width")) item.input_size = QSize(o["width"].toInt(), o["height"].toInt());
  if (o.contains("out_width")) item.output_size = QSize(o["out_width"].toInt(), o["out_height"].toInt());
  item.seconds = o["seconds"].toDouble();
  item.started_ms = qint64(o["started"].toDouble());
  item.uncertainty_map = o["uncertainty_map"].toBool();
  item.redo = o["redo"].toBool();
  item.map_path = o["map"].toString();
  if (item.status == ItemStatus::Done) item.progress = 1.0;
  return item;
}

}  // namespace rsd::ui
