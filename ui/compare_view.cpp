#include "ui/compare_view.h"

#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace rsd::ui {
namespace {

constexpr double kZoomStep = 1.25;
constexpr int kPaneGap = 2;              // pixels between side-by-side panes
constexpr int kDividerGrab = 6;      // how close to the divider a press grabs it
// Bicubic LR enlargements above this many SR pixels are drawn with the painter's bilinear filter
// instead, so a large photo never allocates gigabytes just for the comparison.
constexpr qint64 kMaxBicubicPixels = 80'000'000;

}  // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
  setObjectName("compareView");
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 150);
}

CompareView::~CompareView() = default;

void CompareView::setImages(const QImage& lr, const QImage& sr, int scale) {
  lr_ = lr;
  sr_ = sr;
  scale_ = std::max(1, scale);
  patch_ = QImage();
  selection_lr_ = QRect();
  lr_bicubic_ = QImage();
  t_.setImageSize(lr.size() * scale_);
  t_.fit(paneSize());
  startBicubic();
  Q_EMIT zoomChanged(t_.zoom());
  update();
}

void CompareView::setResult(const QImage& sr) {
  sr_ = sr;
  update();
}

void CompareView::setPreviewPatch(const QImage& patch, QPoint sr_top_left) {
  patch_ = patch;
  patch_at_ = sr_top_left;
  update();
}

void CompareView::setResultOverlay(const QImage& overlay, double opacity) {
  overlay_ = overlay;
  overlay_opacity_ = opacity;
  update();
}

void CompareView::setSelection(const QRect& lr_rect) {
  selection_lr_ = lr_rect.intersected(lr_.rect());
  update();
}

void CompareView::clear() { setImages(QImage(), QImage(), scale_); }

void CompareView::setMode(CompareMode mode) {
  if (mode_ == mode) return;
  mode_ = mode;
  t_.paneResized(paneSize());
  update();
  Q_EMIT modeChanged(mode);
}

void CompareView::setLrScaling(LrScaling scaling) {
  scaling_ = scaling;
  startBicubic();
  update();
}

void CompareView::setSplitPosition(double fraction) {
  split_ = std::clamp(fraction, 0.0, 1.0);
  update();
}

void CompareView::setZoom(double zoom) {
  t_.setZoom(zoom, paneSize());
  Q_EMIT zoomChanged(t_.zoom());
  update();
}

void CompareView::fitToWindow() {
  t_.fit(paneSize());
  Q_EMIT zoomChanged(t_.zoom());
  update();
}

void CompareView::zoomIn() { setZoom(t_.zoom() * kZoomStep); }
void CompareView::zoomOut() { setZoom(t_.zoom() / kZoomStep); }

void CompareView::flip() {
  show_b_ = !show_b_;
  update();
}

void CompareView::startBicubic() {
  const quint64 generation = ++bicubic_generation_;
  if (scaling_ != LrScaling::Bicubic || lr_.isNull() || !lr_bicubic_.isNull()) return;
  if (qint64(lr_.width()) * lr_.height() * scale_ * scale_ > kMaxBicubicPixels) return;
  auto* watcher = new QFutureWatcher<QImage>(this);
  connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, generation] {
    if (generation == bicubic_generation_) {
      lr_bicubic_ = watcher->result().convertToFormat(QImage::Format_RGB32);
      update();
    }
    watcher->deleteLater();
  });
  const QImage lr = lr_;
  const int scale = scale_;
  watcher->setFuture(QtConcurrent::run([lr, scale] { return enlarge(lr, scale, LrScaling::Bicubic); }));
}

QSizeF CompareView::paneSize() const {
  if (mode_ == CompareMode::SideBySide) return QSizeF((width() - kPaneGap) / 2.0, height());
  return QSizeF(width(), height());
}

QPointF CompareView::toPane(QPointF pos, int* pane_index) const {
  int index = 0;
  if (mode_ == CompareMode::SideBySide && pos.x() >= (width() + kPaneGap) / 2.0) {
    index = 1;
    pos.rx() -= (width() + kPaneGap) / 2.0;
  }
  if (pane_index) *pane_index = index;
  return pos;
}

void CompareView::drawSide(QPainter& p, bool right_side) const {
  if (right_side && !sr_.isNull()) {
    // The region preview stays on top of a whole-photo result: it shows the Detail and the map
    // of the region as they are set now.
    p.drawImage(QPointF(0, 0), sr_);
    if (!overlay_.isNull() && overlay_.size() == sr_.size()) {
      p.save();
      p.setOpacity(overlay_opacity_);
      p.drawImage(QPointF(0, 0), overlay_);
      p.restore();
    }
    if (!patch_.isNull()) p.drawImage(patch_at_, patch_);
    return;
  }
  if (scaling_ == LrScaling::Bicubic && !lr_bicubic_.isNull()) {
    p.drawImage(QPointF(0, 0), lr_bicubic_);
  } else {
    p.save();
    p.scale(scale_, scale_);
    if (scaling_ == LrScaling::Bicubic) p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(QPointF(0, 0), lr_);
    p.restore();
  }
  if (right_side && !patch_.isNull()) p.drawImage(patch_at_, patch_);
}

void CompareView::drawPane(QPainter& p, QRectF pane, bool right_side) const {
  p.save();
  p.setClipRect(pane, Qt::IntersectClip);  // keep the split's half-clip set by the caller
  p.translate(pane.topLeft());
  const QPointF origin = t_.toScreen(QPointF(0, 0), pane.size());
  p.translate(origin);
  p.scale(t_.zoom(), t_.zoom());
  // Above 100 % pixels must stay square blocks; below, filtering avoids aliasing.
  p.setRenderHint(QPainter::SmoothPixmapTransform, t_.zoom() < 1.0);
  drawSide(p, right_side);
  p.restore();
}

void CompareView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Dark));
  if (lr_.isNull()) return;
  const QSizeF pane = paneSize();
  QRectF left(QPointF(0, 0), pane);
  if (mode_ == CompareMode::SideBySide) {
    drawPane(p, left, false);
    drawPane(p, QRectF(QPointF(width() - pane.width(), 0), pane), true);
  } else if (mode_ == CompareMode::Split) {
    const double x = split_ * width();
    p.save();
    p.setClipRect(QRectF(0, 0, x, height()));
    drawPane(p, left, false);
    p.restore();
    p.save();
    p.setClipRect(QRectF(x, 0, width() - x, height()));
    drawPane(p, left, true);
    p.restore();
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(x, height() / 2.0), 6, 6);
  } else {
    drawPane(p, left, show_b_);
  }
  // Labels say which side is which; they are part of the view, so exports and screenshots show them.
  p.setRenderHint(QPainter::Antialiasing);
  auto label = [&p](QPointF at, const QString& text) {
    const QRectF box = p.fontMetrics().boundingRect(text).adjusted(-6, -3, 6, 3);
    p.fillRect(box.translated(at - box.topLeft()), QColor(0, 0, 0, 150));
    p.setPen(Qt::white);
    p.drawText(box.translated(at - box.topLeft()), Qt::AlignCenter, text);
  };
  const QString a = tr("Original"), b = sr_.isNull() ? tr("Preview") : tr("Upscaled");
  if (mode_ == CompareMode::Flip) {
    label(QPointF(8, 8), show_b_ ? b : a);
  } else {
    label(QPointF(8, 8), a);
    const QRectF bbox = p.fontMetrics().boundingRect(b).adjusted(-6, -3, 6, 3);
    label(QPointF(width() - bbox.width() - 8, 8), b);
  }
  if (!selection_lr_.isNull()) {
    p.setPen(QPen(QColor(255, 200, 0), 1.5, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    const QRectF sr_rect(QPointF(selection_lr_.topLeft()) * scale_,
                         QSizeF(selection_lr_.size()) * scale_);
    const int panes = mode_ == CompareMode::SideBySide ? 2 : 1;
    for (int i = 0; i < panes; ++i) {
      const QPointF off(i * (width() - pane.width()), 0);
      p.drawRect(QRectF(t_.toScreen(sr_rect.topLeft(), pane) + off,
                        t_.toScreen(sr_rect.bottomRight(), pane) + off));
    }
  }
}

void CompareView::resizeEvent(QResizeEvent*) {
  t_.paneResized(paneSize());
  if (t_.fitMode()) Q_EMIT zoomChanged(t_.zoom());
}

void CompareView::wheelEvent(QWheelEvent* event) {
  if (lr_.isNull()) return;
  const double steps = event->angleDelta().y() / 120.0;
  t_.zoomAround(toPane(event->position()), t_.zoom() * std::pow(kZoomStep, steps), paneSize());
  Q_EMIT zoomChanged(t_.zoom());
  update();
  event->accept();
}

void CompareView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || lr_.isNull()) return;
  drag_start_ = drag_last_ = event->position();
  if (region_tool_ || (event->modifiers() & Qt::ShiftModifier)) {
    drag_ = Drag::Region;
  } else if (mode_ == CompareMode::Split &&
             std::abs(event->position().x() - split_ * width()) <= kDividerGrab) {
    drag_ = Drag::Divider;
  } else {
    drag_ = Drag::Pan;
    setCursor(Qt::ClosedHandCursor);
  }
}

void CompareView::mouseMoveEvent(QMouseEvent* event) {
  const QPointF pos = event->position();
  if (drag_ == Drag::Pan) {
    t_.panBy(pos - drag_last_);
    update();
  } else if (drag_ == Drag::Divider) {
    setSplitPosition(pos.x() / std::max(1, width()));
  } else if (drag_ == Drag::Region) {
    selection_lr_ = regionInLr(drag_start_, pos);
    update();
  } else if (mode_ == CompareMode::Split) {
    setCursor(std::abs(pos.x() - split_ * width()) <= kDividerGrab ? Qt::SplitHCursor
                                                                    : Qt::ArrowCursor);
  }
  drag_last_ = pos;
  emitPixelInfo(pos);
}

void CompareView::mouseReleaseEvent(QMouseEvent* event) {
  if (drag_ == Drag::Region) {
    selection_lr_ = regionInLr(drag_start_, event->position());
    if (selection_lr_.width() >= 4 && selection_lr_.height() >= 4) Q_EMIT regionSelected(selection_lr_);
    else selection_lr_ = QRect();
    update();
  }
  drag_ = Drag::None;
  unsetCursor();
}

void CompareView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape && drag_ == Drag::Region) {
    drag_ = Drag::None;
    selection_lr_ = QRect();
    update();
    return;
  }
  QWidget::keyPressEvent(event);
}

QRect CompareView::regionInLr(QPointF a, QPointF b) const {
  const QSizeF pane = paneSize();
  const QPointF ia = t_.toImage(toPane(a), pane) / scale_;
  const QPointF ib = t_.toImage(toPane(b), pane) / scale_;
  // Whole LR pixels covering the dragged rectangle, inside the photo.
  QRect r(QPoint(int(std::floor(std::min(ia.x(), ib.x()))), int(std::floor(std::min(ia.y(), ib.y())))),
          QPoint(int(std::ceil(std::max(ia.x(), ib.x()))) - 1, int(std::ceil(std::max(ia.y(), ib.y()))) - 1));
  return r.intersected(lr_.rect());
}

void CompareView::emitPixelInfo(QPointF widget_pos) {
  if (lr_.isNull()) return;
  int pane_index = 0;
  const QPointF img = t_.toImage(toPane(widget_pos, &pane_index), paneSize());
  const int sx = int(std::floor(img.x())), sy = int(std::floor(img.y()));
  if (sx < 0 || sy < 0 || sx >= lr_.width() * scale_ || sy >= lr_.height() * scale_) {
    Q_EMIT pixelInfo(QString());
    return;
  }
  const QColor lc = lr_.pixelColor(sx / scale_, sy / scale_);
  QString text = tr("SR %1, %2  ·  LR %3, %4  ·  LR RGB %5 %6 %7")
                     .arg(sx).arg(sy).arg(sx / scale_).arg(sy / scale_)
                     .arg(lc.red()).arg(lc.green()).arg(lc.blue());
  if (!sr_.isNull() && sr_.valid(sx, sy)) {
    const QColor sc = sr_.pixelColor(sx, sy);
    text += tr("  ·  SR RGB %1 %2 %3").arg(sc.red()).arg(sc.green()).arg(sc.blue());
  }
  Q_EMIT pixelInfo(text);
}

QImage CompareView::leftImage() const {
  if (lr_.isNull()) return {};
  if (scaling_ == LrScaling::Bicubic && !lr_bicubic_.isNull()) return lr_bicubic_;
  return enlarge(lr_, scale_, scaling_);
}

QImage CompareView::rightImage() const {
  // As drawSide() paints it: the result (or the enlarged original) with the map and the patch.
  if (!sr_.isNull() && overlay_.isNull() && patch_.isNull()) return sr_;
  QImage out = (sr_.isNull() ? leftImage() : sr_).convertToFormat(QImage::Format_RGB32);
  QPainter p(&out);
  if (!sr_.isNull() && !overlay_.isNull() && overlay_.size() == sr_.size()) {
    p.setOpacity(overlay_opacity_);
    p.drawImage(0, 0, overlay_);
    p.setOpacity(1.0);
  }
  if (!patch_.isNull()) p.drawImage(patch_at_, patch_);
  p.end();
  return out;
}

QRect CompareView::visibleRect() const { return t_.visibleImageRect(paneSize()).toAlignedRect(); }

}  // namespace rsd::ui
