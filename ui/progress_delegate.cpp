#include "ui/progress_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include "ui/batch_queue_model.h"

namespace rsd::ui {

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
  QStyleOptionProgressBar bar;
  bar.rect = option.rect.adjusted(2, 3, -2, -3);
  bar.minimum = 0;
  bar.maximum = 1000;
  bar.progress = int(index.data(BatchQueueModel::ProgressRole).toDouble() * 1000);
  bar.text = index.data(Qt::DisplayRole).toString();
  bar.textVisible = true;
  bar.state = option.state | QStyle::State_Horizontal;
  bar.palette = option.palette;
  const QWidget* w = option.widget;
  (w ? w->style() : QApplication::style())->drawControl(QStyle::CE_ProgressBar, &bar, painter, w);
}

}  // namespace rsd::ui
