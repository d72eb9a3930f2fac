// PhotoStrip: the filmstrip of loaded photos (thumbnail + name). Selecting one shows it in the
// compare view. Thumbnails are decoded on the thread pool.
#pragma once

#include <QListWidget>

namespace rsd::ui {

class PhotoStrip : public QListWidget {
  Q_OBJECT
 public:
  explicit PhotoStrip(QWidget* parent = nullptr);
  // Adds a photo (no duplicates); returns its row.
  int addPhoto(const QString& path, const QString& name);
  QString pathAt(int row) const;
  int rowOf(const QString& path) const;
  void setThumbnail(const QString& path, const QImage& thumbnail);

 Q_SIGNALS:
  void photoActivated(const QString& path);
};

}  // namespace rsd::ui
