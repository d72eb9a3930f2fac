#include "ui/photo.h"

#include <QColorSpace>
#include <QFileInfo>
#include <QImageReader>

#include "ui/image_convert.h"

namespace rsd::ui {

Photo load_photo(const QString& path) {
  Photo photo;
  photo.path = path;
  photo.name = QFileInfo(path).fileName();
  QImageReader reader(path);
  reader.setAutoTransform(true);  // bake EXIF orientation in, as the pipeline does
  QImage image = reader.read();
  if (image.isNull()) {
    photo.error = reader.errorString();
    return photo;
  }
  photo.icc = image.colorSpace().isValid() ? image.colorSpace().iccProfile() : QByteArray();
  photo.original = image;
  photo.display = to_display(image, photo.icc);
  return photo;
}

Photo photo_from_image(const QImage& image, const QString& name) {
  Photo photo;
  photo.name = name;
  if (image.isNull()) {
    photo.error = QStringLiteral("empty image");
    return photo;
  }
  photo.original = image;
  photo.icc = image.colorSpace().isValid() ? image.colorSpace().iccProfile() : QByteArray();
  photo.display = to_display(image, photo.icc);
  return photo;
}

QImage load_thumbnail(const QString& path, QSize box) {
  QImageReader reader(path);
  reader.setAutoTransform(true);
  const QSize size = reader.size();
  if (size.isValid() && (size.width() > box.width() || size.height() > box.height()))
    reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
  QImage image = reader.read();
  if (image.isNull()) return image;
  if (image.width() > box.width() || image.height() > box.height())
    image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  return to_display(image);
}

}  // namespace rsd::ui
