#include "ui/photo.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include <QColorSpace>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include "imaging/header_probe.h"
#include "imaging/image_format.h"
#include "pipeline/process_file.h"
#include "ui/image_convert.h"

namespace rsd::ui {
namespace {

// Formats Qt cannot read (HEIF, AVIF, camera RAW) or reads without their colour profile (CMYK
// JPEG, whose inks Qt guesses): the core decodes them exactly as the batch will.
bool needs_core_decoder(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return false;
  QByteArray head = file.read(64 << 10);
  const auto format = imaging::sniff_format(reinterpret_cast<const uint8_t*>(head.constData()), size_t(head.size()));
  if (format == imaging::ImageFormat::Heif || format == imaging::ImageFormat::Avif ||
      format == imaging::ImageFormat::Raw)
    return true;
  if (format == imaging::ImageFormat::Jpeg) {
    auto header = imaging::probe_header(reinterpret_cast<const uint8_t*>(head.constData()), size_t(head.size()));
    if (!header && !file.atEnd()) {  // its frame header lies past a large EXIF or Photoshop block
      head += file.readAll();
      header = imaging::probe_header(reinterpret_cast<const uint8_t*>(head.constData()), size_t(head.size()));
    }
    return header && header->cmyk;
  }
  return false;
}

// The decoded photo as a 16-bit QImage (alpha kept) tagged with its ICC profile.
QImage to_tagged_qimage(const imaging::DecodedImage& decoded) {
  const ImageF& px = decoded.pixels;
  const bool alpha = px.channels == 4;
  QImage image(px.width, px.height, alpha ? QImage::Format_RGBA64 : QImage::Format_RGBX64);
  auto level = [](float v) { return quint16(std::lround(std::clamp(v, 0.f, 1.f) * 65535.f)); };
  for (int y = 0; y < px.height; ++y) {
    const float* src = px.row(y);
    auto* dst = reinterpret_cast<QRgba64*>(image.scanLine(y));
    for (int x = 0; x < px.width; ++x, src += px.channels) {
      const float g = src[0];
      const bool gray = px.channels == 1;
      dst[x] = QRgba64::fromRgba64(level(g), level(gray ? g : src[1]), level(gray ? g : src[2]),
                                  alpha ? level(src[3]) : 65535);
    }
  }
  if (!decoded.icc_profile.empty()) {
    const QColorSpace space = QColorSpace::fromIccProfile(
        QByteArray(reinterpret_cast<const char*>(decoded.icc_profile.data()), int(decoded.icc_profile.size())));
    if (space.isValid()) image.setColorSpace(space);
  }
  return image;
}

// Decodes through the core; the error message is the core's.
QImage core_decode(const QString& path, QByteArray& icc, QString& error) {
  auto loaded = pipeline::load_input(path.toStdString(), pipeline::SizeLimits{});
  if (!loaded) {
    error = QString::fromStdString(loaded.error().message);
    return {};
  }
  const auto& profile = loaded->image.icc_profile;
  icc = QByteArray(reinterpret_cast<const char*>(profile.data()), int(profile.size()));
  return to_tagged_qimage(loaded->image);
}

}  // namespace

Photo load_photo(const QString& path) {
  Photo photo;
  photo.path = path;
  photo.name = QFileInfo(path).fileName();
  if (needs_core_decoder(path)) {
    QImage image = core_decode(path, photo.icc, photo.error);
    if (image.isNull()) return photo;
    photo.original = image;
    photo.display = to_display(image, photo.icc);
    return photo;
  }
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

QSize photo_size(const QString& path) {
  if (needs_core_decoder(path)) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = file.readAll();  // HEIF and RAW headers may need the whole file
    auto header = imaging::probe_header(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size()));
    return header ? QSize(int(header->width), int(header->height)) : QSize();
  }
  QImageReader reader(path);
  reader.setAutoTransform(true);
  QSize size = reader.size();
  if (reader.transformation() & QImageIOHandler::TransformationRotate90) size.transpose();
  return size;
}

QImage load_thumbnail(const QString& path, QSize box) {
  QImage image;
  if (needs_core_decoder(path)) {
    // A full decode (a RAW is developed at full size, ~0.7 GB for 24 MP with the copies): one at
    // a time, so a folder of RAWs does not develop them all at once on the thread pool.
    static std::mutex one_at_a_time;
    std::lock_guard<std::mutex> lock(one_at_a_time);
    QByteArray icc;
    QString error;
    image = core_decode(path, icc, error);
  } else {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > box.width() || size.height() > box.height()))
      reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    image = reader.read();
  }
  if (image.isNull()) return image;
  if (image.width() > box.width() || image.height() > box.height())
    image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  return to_display(image);
}

}  // namespace rsd::ui
