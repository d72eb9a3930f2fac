#include "ui/photo_strip.h"

#include <QFutureWatcher>
#include <QPixmap>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/photo.h"

namespace rsd::ui {

namespace {
constexpr QSize kThumb(96, 72);
}

PhotoStrip::PhotoStrip(QWidget* parent) : QListWidget(parent) {
  setObjectName("photoStrip");
  setViewMode(QListView::IconMode);
  setFlow(QListView::LeftToRight);
  setWrapping(false);
  setIconSize(kThumb);
  setGridSize(kThumb + QSize(24, 28));
  setMovement(QListView::Static);
  setResizeMode(QListView::Adjust);
  setFixedHeight(kThumb.height() + 48);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) Q_EMIT photoActivated(pathAt(row));
  });
}

int PhotoStrip::addPhoto(const QString& path, const QString& name) {
  if (const int row = rowOf(path); row >= 0) return row;
  auto* item = new QListWidgetItem(name, this);
  item->setData(Qt::UserRole, path);
  item->setToolTip(path);
  if (!path.isEmpty()) {
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, path] {
      setThumbnail(path, watcher->result());
      watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path] { return load_thumbnail(path, kThumb); }));
  }
  return count() - 1;
}

QString PhotoStrip::pathAt(int row) const {
  const QListWidgetItem* it = item(row);
  return it ? it->data(Qt::UserRole).toString() : QString();
}

int PhotoStrip::rowOf(const QString& path) const {
  for (int i = 0; i < count(); ++i)
    if (item(i)->data(Qt::UserRole).toString() == path) return i;
  return -1;
}

void PhotoStrip::setThumbnail(const QString& path, const QImage& thumbnail) {
  const int row = rowOf(path);
  if (row >= 0 && !thumbnail.isNull()) item(row)->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
}

}  // namespace rsd::ui
