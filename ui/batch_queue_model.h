// BatchQueueModel: the batch queue as a table (name with thumbnail, size, status, progress, error).
// The single source of truth for the queue; BatchController changes it, QueueStore saves it.
//
// Threading: GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>
#include <QVector>

#include <functional>

#include "ui/batch_item.h"

namespace rsd::ui {

class BatchQueueModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NameColumn, SizeColumn, StatusColumn, ProgressColumn, ErrorColumn, ColumnCount };
  static constexpr int ProgressRole = Qt::UserRole + 1;  // double 0..1 for the progress delegate
  static constexpr int StatusRole = Qt::UserRole + 2;    // int(ItemStatus)

  explicit BatchQueueModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  void setItems(const QVector<BatchItem>& items);
  void append(const QVector<BatchItem>& items);
  void removeRowsWhere(const std::function<bool(const BatchItem&)>& pred);
  const QVector<BatchItem>& items() const { return items_; }
  const BatchItem& at(int row) const { return items_[row]; }
  int rowOf(const QString& id) const;
  bool containsInput(const QString& input) const;
  // Applies `change` to the item with `id`; `persistent` says whether it is worth saving (status,
  // error, size) or transient (progress).
  void update(const QString& id, const std::function<void(BatchItem&)>& change, bool persistent = true);
  void setThumbnail(const QString& input, const QImage& thumbnail);
  int count(ItemStatus status) const;

 Q_SIGNALS:
  // Something worth saving changed (rows added/removed, status, error, size).
  void persistentChange();

 private:
  QVector<BatchItem> items_;
  QHash<QString, QImage> thumbnails_;  // by input path
};

}  // namespace rsd::ui
