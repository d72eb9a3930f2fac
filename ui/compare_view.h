// CompareView: the LR photo and its upscale in one of three modes — side by side (two panes, one
// shared zoom/pan), split (one pane with a draggable divider) or A/B flip (one key switches between
// the two at the same pixels). The LR side is drawn in the SR geometry: nearest neighbour repeats
// each LR pixel scale x scale times, aligned to the SR grid; bicubic is precomputed off the GUI
// thread. Above 100 % everything is drawn nearest-neighbour so pixels stay pixels.
//
// Also the place where a region is picked for the preview (Shift+drag, or drag while the region
// tool is on). GUI thread only.
#pragma once

#include <QImage>
#include <QWidget>

#include "ui/image_convert.h"
#include "ui/view_transform.h"

namespace rsd::ui {

enum class CompareMode { SideBySide, Split, Flip };

class CompareView : public QWidget {
  Q_OBJECT
 public:
  explicit CompareView(QWidget* parent = nullptr);
  ~CompareView() override;

  // lr: the photo (display-ready); sr: its upscale (may be null: the LR is shown on both sides
  // until a result or a region preview arrives). scale: SR/LR factor.
  void setImages(const QImage& lr, const QImage& sr, int scale);
  void setResult(const QImage& sr);
  // An upscaled patch drawn over the SR side at `sr_top_left` (the region preview).
  void setPreviewPatch(const QImage& patch, QPoint sr_top_left);
  // An ARGB image of the SR size drawn over the result at `opacity` (the map of invented detail);
  // null: none. Only the visible part is painted, so moving the opacity stays cheap.
  void setResultOverlay(const QImage& overlay, double opacity);
  void clear();

  CompareMode mode() const { return mode_; }
  void setMode(CompareMode mode);
  LrScaling lrScaling() const { return scaling_; }
  void setLrScaling(LrScaling scaling);
  bool showingResult() const { return show_b_; }  // flip mode: true = SR side
  double splitPosition() const { return split_; }
  void setSplitPosition(double fraction);
  void setRegionTool(bool on) { region_tool_ = on; }
  // Outlines a region (LR pixels) on both sides; an empty rectangle removes the outline.
  void setSelection(const QRect& lr_rect);
  QRect selection() const { return selection_lr_; }
  bool regionTool() const { return region_tool_; }

  double zoom() const { return t_.zoom(); }
  bool fitMode() const { return t_.fitMode(); }
  void setZoom(double zoom);
  void fitToWindow();
  void zoomIn();
  void zoomOut();
  void flip();

  int scale() const { return scale_; }
  bool hasImage() const { return !lr_.isNull(); }
  // The LR side in SR geometry as currently drawn, and the SR side (with the preview patch).
  QImage leftImage() const;
  QImage rightImage() const;
  // The image rectangle (SR pixels) visible in one pane.
  QRect visibleRect() const;

 Q_SIGNALS:
  void regionSelected(const QRect& lr_rect);
  void pixelInfo(const QString& text);
  void zoomChanged(double zoom);
  void modeChanged(rsd::ui::CompareMode mode);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  enum class Drag { None, Pan, Divider, Region };
  QSizeF paneSize() const;
  // The pane under a widget point and the point in that pane's coordinates.
  QPointF toPane(QPointF widget_pos, int* pane_index = nullptr) const;
  void drawPane(class QPainter& p, QRectF pane, bool right_side) const;
  void drawSide(class QPainter& p, bool right_side) const;
  void startBicubic();
  void emitPixelInfo(QPointF widget_pos);
  QRect regionInLr(QPointF a, QPointF b) const;

  QImage lr_, sr_, lr_bicubic_, patch_, overlay_;
  double overlay_opacity_ = 0.0;
  QPoint patch_at_;
  int scale_ = 4;
  CompareMode mode_ = CompareMode::Split;
  LrScaling scaling_ = LrScaling::Nearest;
  bool show_b_ = true;
  bool region_tool_ = false;
  double split_ = 0.5;
  ViewTransform t_;
  Drag drag_ = Drag::None;
  QPointF drag_start_, drag_last_;
  QRect selection_lr_;
  quint64 bicubic_generation_ = 0;
};

}  // namespace rsd::ui
