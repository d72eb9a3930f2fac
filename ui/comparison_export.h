// Comparison images for sharing: the visible region of the compare view rendered at full SR
// resolution, either side by side (LR | SR with a gap) or split (LR left of the divider, SR right).
// Pure QImage code, safe on any thread.
#pragma once

#include <QImage>
#include <QRect>
#include <QString>

namespace rsd::ui {

struct ComparisonLabels {
  QString left, right;  // drawn in the top corners; empty: no label
};

// left/right: the two sides in SR geometry (same size); region: SR pixels to export.
QImage render_side_by_side(const QImage& left, const QImage& right, const QRect& region,
                           const ComparisonLabels& labels = {});
// split: the divider as a fraction of the region's width.
QImage render_split(const QImage& left, const QImage& right, const QRect& region, double split,
                    const ComparisonLabels& labels = {});

}  // namespace rsd::ui
