#include "ui_test_util.h"

#include <cstdlib>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>

namespace rsd::ui::test {

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (!done() && timer.elapsed() < timeout_ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QThread::msleep(1);
  }
  return done();
}

QImage make_photo(int w, int h, int seed) {
  QImage img(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const bool checker = ((x / 4 + y / 4 + seed) % 2) == 0 && x > w / 2;
      img.setPixel(x, y, qRgb((x * 255) / w, (y * 255) / h, checker ? 230 : (40 + 20 * seed) % 256));
    }
  return img;
}

QString write_photo(const QTemporaryDir& dir, const QString& name, int w, int h, int seed) {
  const QString path = QDir(dir.path()).filePath(name);
  make_photo(w, h, seed).save(path);
  return path;
}

QColor mean_color(const QImage& image, const QRect& rect) {
  const QRect r = rect.intersected(image.rect());
  double sr = 0, sg = 0, sb = 0;
  const double n = double(r.width()) * r.height();
  if (n <= 0) return {};
  for (int y = r.top(); y <= r.bottom(); ++y)
    for (int x = r.left(); x <= r.right(); ++x) {
      const QRgb p = image.pixel(x, y);
      sr += qRed(p);
      sg += qGreen(p);
      sb += qBlue(p);
    }
  return QColor(int(sr / n), int(sg / n), int(sb / n));
}

bool colors_near(const QColor& a, const QColor& b, int tol) {
  return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
         std::abs(a.blue() - b.blue()) <= tol;
}

}  // namespace rsd::ui::test
