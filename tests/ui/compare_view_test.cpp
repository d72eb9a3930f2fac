// Offscreen renders of the compare view in each mode, checked for what each part shows.
#include <QApplication>
#include <QMouseEvent>

#include <gtest/gtest.h>

#include "ui/compare_view.h"
#include "ui_test_util.h"

namespace rsd::ui {
namespace {

const QColor kLr(128, 128, 128);
const QColor kSr(220, 30, 30);

class CompareViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QImage lr(32, 24, QImage::Format_RGB32), sr(128, 96, QImage::Format_RGB32);
    lr.fill(kLr);
    sr.fill(kSr);
    view.resize(400, 300);
    view.setImages(lr, sr, 4);
    view.show();
    test::wait_until([this] { return view.isVisible(); });
  }
  QImage shot() { return view.grab().toImage(); }
  // Mean colour in a small box around a point given as fractions of the view.
  QColor at(const QImage& img, double fx, double fy) {
    const QPoint c(int(fx * img.width()), int(fy * img.height()));
    return test::mean_color(img, QRect(c - QPoint(3, 3), QSize(7, 7)));
  }
  CompareView view;
};

TEST_F(CompareViewTest, SideBySideShowsOriginalLeftAndResultRight) {
  view.setMode(CompareMode::SideBySide);
  view.fitToWindow();
  const QImage img = shot();
  EXPECT_TRUE(test::colors_near(at(img, 0.25, 0.5), kLr, 12)) << at(img, 0.25, 0.5).name().toStdString();
  EXPECT_TRUE(test::colors_near(at(img, 0.75, 0.5), kSr, 12)) << at(img, 0.75, 0.5).name().toStdString();
  // Synchronised: zooming shows the same image point at the same place in both panes.
  view.setZoom(2.0);
  const QImage z = shot();
  EXPECT_TRUE(test::colors_near(at(z, 0.25, 0.5), kLr, 12));
  EXPECT_TRUE(test::colors_near(at(z, 0.75, 0.5), kSr, 12));
}

TEST_F(CompareViewTest, SplitShowsOriginalLeftOfTheDividerAndResultRight) {
  view.setMode(CompareMode::Split);
  view.setZoom(4.0);  // fill the view with image
  view.setSplitPosition(0.5);
  QImage img = shot();
  EXPECT_TRUE(test::colors_near(at(img, 0.3, 0.5), kLr, 12));
  EXPECT_TRUE(test::colors_near(at(img, 0.7, 0.5), kSr, 12));
  view.setSplitPosition(0.2);
  img = shot();
  EXPECT_TRUE(test::colors_near(at(img, 0.1, 0.5), kLr, 12));
  EXPECT_TRUE(test::colors_near(at(img, 0.3, 0.5), kSr, 12));
}

TEST_F(CompareViewTest, FlipTogglesTheWholeViewAtTheSamePixels) {
  view.setMode(CompareMode::Flip);
  view.setZoom(4.0);
  ASSERT_TRUE(view.showingResult());
  EXPECT_TRUE(test::colors_near(at(shot(), 0.5, 0.6), kSr, 12));
  EXPECT_TRUE(test::colors_near(at(shot(), 0.2, 0.6), kSr, 12));
  view.flip();
  EXPECT_TRUE(test::colors_near(at(shot(), 0.5, 0.6), kLr, 12));
  EXPECT_TRUE(test::colors_near(at(shot(), 0.2, 0.6), kLr, 12));
  EXPECT_EQ(view.zoom(), 4.0);
}

TEST_F(CompareViewTest, LrIsDrawnNearestAndPixelAlignedAbove100Percent) {
  QImage lr(8, 8, QImage::Format_RGB32);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) lr.setPixel(x, y, (x + y) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
  view.setImages(lr, QImage(), 4);
  view.setMode(CompareMode::Flip);
  view.flip();  // original side
  view.setZoom(4.0);  // one LR pixel = 16 screen pixels; the image spans x 136..264, y 86..214
  const QImage img = shot();
  int sharp = 0, total = 0;
  for (int y = 90; y < 210; y += 3)
    for (int x = 140; x < 260; x += 3) {
      const int v = qGray(img.pixel(x, y));
      if (v == 0 || v == 255) ++sharp;
      ++total;
    }
  // Nearest neighbour: only pure black and white inside the image.
  EXPECT_EQ(sharp, total);
}

TEST_F(CompareViewTest, ShiftDragSelectsARegionInLrPixels) {
  view.setMode(CompareMode::Flip);
  view.setZoom(2.0);  // 1 LR pixel = 8 screen pixels, image centred
  QVector<QRect> selected;
  QObject::connect(&view, &CompareView::regionSelected, [&selected](const QRect& r) { selected.append(r); });
  const QPointF centre(200, 150);  // = LR (16, 12)
  auto send = [this](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, view.mapToGlobal(pos), Qt::LeftButton, buttons, Qt::ShiftModifier);
    QApplication::sendEvent(&view, &e);
  };
  send(QEvent::MouseButtonPress, centre, Qt::LeftButton);
  send(QEvent::MouseMove, centre + QPointF(64, 48), Qt::LeftButton);
  send(QEvent::MouseButtonRelease, centre + QPointF(64, 48), Qt::NoButton);
  ASSERT_EQ(selected.size(), 1);
  EXPECT_EQ(selected[0], QRect(16, 12, 8, 6));
}

TEST_F(CompareViewTest, PixelReadoutNamesSrAndLrCoordinates) {
  view.setMode(CompareMode::Flip);
  view.setZoom(1.0);
  QStringList infos;
  QObject::connect(&view, &CompareView::pixelInfo, [&infos](const QString& t) { infos.append(t); });
  QMouseEvent move(QEvent::MouseMove, QPointF(200, 150), view.mapToGlobal(QPointF(200, 150)), Qt::NoButton,
                   Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(&view, &move);
  ASSERT_FALSE(infos.isEmpty());
  const QString text = infos.last();
  EXPECT_TRUE(text.contains("SR 64, 48")) << text.toStdString();
  EXPECT_TRUE(text.contains("LR 16, 12")) << text.toStdString();
  EXPECT_TRUE(text.contains("128 128 128")) << text.toStdString();
}

}  // namespace
}  // namespace rsd::ui
