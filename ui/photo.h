// Photo: one loaded photo as the window holds it. Built off the GUI thread (QImage only), then
// handed to the GUI thread by value (QImage is implicitly shared, so copies are cheap).
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace rsd::ui {

struct Photo {
  QString path;        // empty for a pasted image
  QString name;        // file name or "Pasted image"
  QImage original;     // upright pixels as stored (8 or 16 bit), colour space attached
  QImage display;      // `original` converted to sRGB for the screen (RGB32/ARGB32)
  QByteArray icc;      // the embedded ICC profile, empty when untagged
  QString error;       // why loading failed; the images are null then

  bool ok() const { return error.isEmpty() && !original.isNull(); }
};

// Reads `path` (EXIF orientation applied, ICC profile kept). HEIF, AVIF, camera RAW and CMYK
// JPEG are decoded by the core (as the batch decodes them), the rest by QImageReader. Safe on
// any thread.
Photo load_photo(const QString& path);

// A photo from an in-memory image (clipboard paste). Safe on any thread.
Photo photo_from_image(const QImage& image, const QString& name);

// The upright size of the photo at `path` from its header (invalid when unreadable). Safe on
// any thread.
QSize photo_size(const QString& path);

// A small preview of `path` no larger than `box`, decoded at reduced size where the format
// allows (JPEG). Safe on any thread. Returns a null image when unreadable.
QImage load_thumbnail(const QString& path, QSize box);

}  // namespace rsd::ui
