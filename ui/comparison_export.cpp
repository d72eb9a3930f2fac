#include "ui/comparison_export.h"

#include <QPainter>

#include <algorithm>

namespace rsd::ui {
namespace {

constexpr int kExportGap = 8;

void draw_label(QPainter& p, const QString& text, QPoint corner, bool right_aligned) {
  if (text.isEmpty()) return;
  QFont f = p.font();
  f.setPixelSize(std::max(12, p.device()->height() / 30));
  p.setFont(f);
  QRect box = p.fontMetrics().boundingRect(text).adjusted(-8, -4, 8, 4);
  box.moveTopLeft(right_aligned ? corner - QPoint(box.width(), 0) : corner);
  p.fillRect(box, QColor(0, 0, 0, 150));
  p.setPen(Qt::white);
  p.drawText(box, Qt::AlignCenter, text);
}

}  // namespace

QImage render_side_by_side(const QImage& left, const QImage& right, const QRect& region,
                           const ComparisonLabels& labels) {
  const QRect r = region.intersected(left.rect()).intersected(right.rect());
  if (r.isEmpty()) return {};
  QImage out(r.width() * 2 + kExportGap, r.height(), QImage::Format_RGB32);
  out.fill(Qt::white);
  QPainter p(&out);
  p.drawImage(QPoint(0, 0), left, r);
  p.drawImage(QPoint(r.width() + kExportGap, 0), right, r);
  draw_label(p, labels.left, QPoint(8, 8), false);
  draw_label(p, labels.right, QPoint(out.width() - 8, 8), true);
  return out;
}

QImage render_split(const QImage& left, const QImage& right, const QRect& region, double split,
                    const ComparisonLabels& labels) {
  const QRect r = region.intersected(left.rect()).intersected(right.rect());
  if (r.isEmpty()) return {};
  const int x = int(std::clamp(split, 0.0, 1.0) * r.width() + 0.5);
  QImage out(r.size(), QImage::Format_RGB32);
  QPainter p(&out);
  p.drawImage(QPoint(0, 0), left, QRect(r.x(), r.y(), x, r.height()));
  p.drawImage(QPoint(x, 0), right, QRect(r.x() + x, r.y(), r.width() - x, r.height()));
  p.setPen(QPen(Qt::white, std::max(1, r.width() / 400)));
  p.drawLine(x, 0, x, r.height());
  draw_label(p, labels.left, QPoint(8, 8), false);
  draw_label(p, labels.right, QPoint(out.width() - 8, 8), true);
  return out;
}

}  // namespace rsd::ui
