#include "ui/view_transform.h"

#include <gtest/gtest.h>

namespace rsd::ui {
namespace {

TEST(ViewTransform, FitShowsTheWholeImageCentred) {
  ViewTransform t;
  t.setImageSize(QSize(400, 200));
  t.fit(QSizeF(200, 200));
  EXPECT_DOUBLE_EQ(t.zoom(), 0.5);
  EXPECT_EQ(t.toScreen(QPointF(200, 100), QSizeF(200, 200)), QPointF(100, 100));
  EXPECT_TRUE(t.fitMode());
}

TEST(ViewTransform, ZoomAroundKeepsThePointUnderTheCursor) {
  ViewTransform t;
  t.setImageSize(QSize(1000, 800));
  const QSizeF pane(300, 200);
  t.fit(pane);
  const QPointF cursor(40, 170);
  const QPointF before = t.toImage(cursor, pane);
  t.zoomAround(cursor, 2.0, pane);
  EXPECT_FALSE(t.fitMode());
  const QPointF after = t.toImage(cursor, pane);
  EXPECT_NEAR(after.x(), before.x(), 1e-9);
  EXPECT_NEAR(after.y(), before.y(), 1e-9);
  EXPECT_DOUBLE_EQ(t.zoom(), 2.0);
}

TEST(ViewTransform, PanMovesByScreenPixelsAndStaysOnTheImage) {
  ViewTransform t;
  t.setImageSize(QSize(100, 100));
  const QSizeF pane(50, 50);
  t.setZoom(2.0, pane);
  const QPointF c = t.centre();
  t.panBy(QPointF(10, 0));
  EXPECT_DOUBLE_EQ(t.centre().x(), c.x() - 5.0);
  t.panBy(QPointF(-10000, -10000));
  EXPECT_DOUBLE_EQ(t.centre().x(), 100.0);
  EXPECT_DOUBLE_EQ(t.centre().y(), 100.0);
}

}  // namespace
}  // namespace rsd::ui
