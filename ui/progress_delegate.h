// ProgressDelegate: draws the batch table's progress column as a progress bar.
#pragma once

#include <QStyledItemDelegate>

namespace rsd::ui {

class ProgressDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rsd::ui
