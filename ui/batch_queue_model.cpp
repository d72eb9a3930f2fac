#include "ui/batch_queue_model.h"

#include <QFileInfo>
#include <QLocale>

namespace rsd::ui {

BatchQueueModel::BatchQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

int BatchQueueModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(items_.size());
}

int BatchQueueModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

static QString status_text(ItemStatus s) {
  switch (s) {
    case ItemStatus::Queued: return BatchQueueModel::tr("Queued");
    case ItemStatus::Running: return BatchQueueModel::tr("Running");
    case ItemStatus::Done: return BatchQueueModel::tr("Done");
    case ItemStatus::Failed: return BatchQueueModel::tr("Failed");
    case ItemStatus::Cancelled: return BatchQueueModel::tr("Cancelled");
    case ItemStatus::Skipped: return BatchQueueModel::tr("Skipped");
  }
  return {};
}

QVariant BatchQueueModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= items_.size()) return {};
  const BatchItem& item = items_[index.row()];
  if (role == ProgressRole) return item.progress;
  if (role == StatusRole) return int(item.status);
  switch (index.column()) {
    case NameColumn:
      if (role == Qt::DisplayRole) return QFileInfo(item.input).fileName();
      if (role == Qt::ToolTipRole) return item.input + QStringLiteral("\n→ ") + item.output;
      if (role == Qt::DecorationRole) return thumbnails_.value(item.input);
      break;
    case SizeColumn:
      if (role == Qt::DisplayRole && item.input_size.isValid()) {
        QString text = QStringLiteral("%1×%2").arg(item.input_size.width()).arg(item.input_size.height());
        if (item.output_size.isValid())
          text += QStringLiteral(" → %1×%2").arg(item.output_size.width()).arg(item.output_size.height());
        return text;
      }
      break;
    case StatusColumn:
      if (role == Qt::DisplayRole) {
        if (item.status == ItemStatus::Done && item.seconds > 0)
          return tr("Done (%1 s)").arg(QLocale().toString(item.seconds, 'f', 1));
        return status_text(item.status);
      }
      break;
    case ProgressColumn:
      if (role == Qt::DisplayRole) return QStringLiteral("%1 %").arg(int(item.progress * 100 + 0.5));
      if (role == Qt::ToolTipRole) return item.stage;
      break;
    case ErrorColumn:
      if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return item.error;
      break;
    default: break;
  }
  return {};
}

QVariant BatchQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Photo");
    case SizeColumn: return tr("Size");
    case StatusColumn: return tr("Status");
    case ProgressColumn: return tr("Progress");
    case ErrorColumn: return tr("Error");
    default: return {};
  }
}

void BatchQueueModel::setItems(const QVector<BatchItem>& items) {
  beginResetModel();
  items_ = items;
  endResetModel();
  Q_EMIT persistentChange();
}

void BatchQueueModel::append(const QVector<BatchItem>& items) {
  if (items.isEmpty()) return;
  beginInsertRows({}, int(items_.size()), int(items_.size() + items.size() - 1));
  items_ += items;
  endInsertRows();
  Q_EMIT persistentChange();
}

void BatchQueueModel::removeRowsWhere(const std::function<bool(const BatchItem&)>& pred) {
  bool removed = false;
  for (int row = int(items_.size()) - 1; row >= 0; --row) {
    if (!pred(items_[row])) continue;
    beginRemoveRows({}, row, row);
    items_.remove(row);
    endRemoveRows();
    removed = true;
  }
  if (removed) Q_EMIT persistentChange();
}

int BatchQueueModel::rowOf(const QString& id) const {
  for (int i = 0; i < items_.size(); ++i)
    if (items_[i].id == id) return i;
  return -1;
}

bool BatchQueueModel::containsInput(const QString& input) const {
  for (const BatchItem& item : items_)
    if (item.input == input) return true;
  return false;
}

void BatchQueueModel::update(const QString& id, const std::function<void(BatchItem&)>& change,
                             bool persistent) {
  const int row = rowOf(id);
  if (row < 0) return;
  change(items_[row]);
  Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
  if (persistent) Q_EMIT persistentChange();
}

void BatchQueueModel::setThumbnail(const QString& input, const QImage& thumbnail) {
  thumbnails_.insert(input, thumbnail);
  for (int row = 0; row < items_.size(); ++row)
    if (items_[row].input == input) Q_EMIT dataChanged(index(row, NameColumn), index(row, NameColumn));
}

int BatchQueueModel::count(ItemStatus status) const {
  int n = 0;
  for (const BatchItem& item : items_) n += item.status == status;
  return n;
}

}  // namespace rsd::ui
