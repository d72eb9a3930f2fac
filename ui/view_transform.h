// ViewTransform: zoom and pan shared by every pane of the compare view, so side-by-side panes,
// the split halves and both sides of the A/B flip always show the same SR pixels.
//
// Image coordinates are SR pixels; `zoom` is screen pixels per SR pixel (1.0 = 100 %).
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>

namespace rsd::ui {

class ViewTransform {
 public:
  static constexpr double kMinZoom = 0.02;
  static constexpr double kMaxZoom = 32.0;

  void setImageSize(QSize size);
  QSize imageSize() const { return image_; }

  // Fit mode re-fits whenever the pane size changes; any explicit zoom or pan leaves it.
  bool fitMode() const { return fit_; }
  void fit(QSizeF pane);
  void setZoom(double zoom, QSizeF pane);  // keeps the pane centre fixed
  // Zooms so that the image point under `screen` (pane coordinates) stays under it.
  void zoomAround(QPointF screen, double zoom, QSizeF pane);
  void panBy(QPointF screen_delta);
  void paneResized(QSizeF pane);

  double zoom() const { return zoom_; }
  QPointF centre() const { return centre_; }

  QPointF toImage(QPointF screen, QSizeF pane) const;
  QPointF toScreen(QPointF image, QSizeF pane) const;
  // The image rectangle visible in a pane, clipped to the image.
  QRectF visibleImageRect(QSizeF pane) const;

 private:
  void clampCentre();
  QSize image_;
  double zoom_ = 1.0;
  QPointF centre_;
  bool fit_ = true;
};

}  // namespace rsd::ui
