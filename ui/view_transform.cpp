#include "ui/view_transform.h"

#include <algorithm>

namespace rsd::ui {

void ViewTransform::setImageSize(QSize size) {
  const bool changed = size != image_;
  image_ = size;
  if (changed) {
    centre_ = QPointF(size.width() / 2.0, size.height() / 2.0);
    fit_ = true;
  }
}

void ViewTransform::fit(QSizeF pane) {
  fit_ = true;
  if (image_.isEmpty() || pane.isEmpty()) return;
  zoom_ = std::clamp(std::min(pane.width() / image_.width(), pane.height() / image_.height()),
                     kMinZoom, kMaxZoom);
  centre_ = QPointF(image_.width() / 2.0, image_.height() / 2.0);
}

void ViewTransform::setZoom(double zoom, QSizeF pane) {
  zoomAround(QPointF(pane.width() / 2.0, pane.height() / 2.0), zoom, pane);
}

void ViewTransform::zoomAround(QPointF screen, double zoom, QSizeF pane) {
  const QPointF anchor = toImage(screen, pane);
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
  const QPointF from_centre = screen - QPointF(pane.width() / 2.0, pane.height() / 2.0);
  centre_ = anchor - from_centre / zoom_;
  fit_ = false;
  clampCentre();
}

void ViewTransform::panBy(QPointF screen_delta) {
  centre_ -= screen_delta / zoom_;
  fit_ = false;
  clampCentre();
}

void ViewTransform::paneResized(QSizeF pane) {
  if (fit_) fit(pane);
}

QPointF ViewTransform::toImage(QPointF screen, QSizeF pane) const {
  return centre_ + (screen - QPointF(pane.width() / 2.0, pane.height() / 2.0)) / zoom_;
}

QPointF ViewTransform::toScreen(QPointF image, QSizeF pane) const {
  return (image - centre_) * zoom_ + QPointF(pane.width() / 2.0, pane.height() / 2.0);
}

QRectF ViewTransform::visibleImageRect(QSizeF pane) const {
  const QRectF r(toImage(QPointF(0, 0), pane), toImage(QPointF(pane.width(), pane.height()), pane));
  return r.intersected(QRectF(0, 0, image_.width(), image_.height()));
}

void ViewTransform::clampCentre() {
  // The centre stays on the image, so the photo can never be panned out of sight.
  centre_.setX(std::clamp(centre_.x(), 0.0, double(image_.width())));
  centre_.setY(std::clamp(centre_.y(), 0.0, double(image_.height())));
}

}  // namespace rsd::ui
