#include "ui/image_convert.h"

#include <QColorSpace>

#include <gtest/gtest.h>

#include "ui_test_util.h"

namespace rsd::ui {
namespace {

TEST(ImageConvert, NearestEnlargeRepeatsEachPixelOnTheSrGrid) {
  const QImage lr = test::make_photo(8, 6);
  const QImage sr = enlarge(lr, 4, LrScaling::Nearest);
  ASSERT_EQ(sr.size(), QSize(32, 24));
  for (int y = 0; y < sr.height(); ++y)
    for (int x = 0; x < sr.width(); ++x)
      ASSERT_EQ(sr.pixel(x, y), lr.pixel(x / 4, y / 4)) << x << "," << y;
}

TEST(ImageConvert, BicubicKeepsFlatAreasAndDiffersFromNearestAtEdges) {
  QImage flat(6, 5, QImage::Format_RGB32);
  flat.fill(qRgb(100, 150, 200));
  const QImage up = enlarge(flat, 3, LrScaling::Bicubic);
  ASSERT_EQ(up.size(), QSize(18, 15));
  for (int y = 0; y < up.height(); ++y)
    for (int x = 0; x < up.width(); ++x) ASSERT_EQ(up.pixel(x, y), qRgb(100, 150, 200));
  const QImage lr = test::make_photo(16, 12);
  EXPECT_NE(enlarge(lr, 4, LrScaling::Bicubic), enlarge(lr, 4, LrScaling::Nearest));
}

TEST(ImageConvert, FloatRoundTripIsExactFor8BitAndKeeps16BitPrecision) {
  const QImage lr = test::make_photo(10, 7).convertToFormat(QImage::Format_RGB888);
  const ImageF f = to_image_f(lr);
  ASSERT_EQ(f.channels, 3);
  EXPECT_EQ(to_qimage(f), lr);
  QImage deep(2, 1, QImage::Format_RGBX64);
  deep.setPixelColor(0, 0, QColor::fromRgba64(1000, 2000, 3000));
  const ImageF g = to_image_f(deep);
  EXPECT_NEAR(g.at(0, 0, 0), 1000 / 65535.f, 1e-6);
  EXPECT_NEAR(g.at(0, 0, 2), 3000 / 65535.f, 1e-6);
}

TEST(ImageConvert, DisplayConvertsThroughTheIccProfile) {
  QImage img(4, 4, QImage::Format_RGB32);
  img.fill(qRgb(0, 200, 0));
  const QByteArray p3 = QColorSpace(QColorSpace::DisplayP3).iccProfile();
  ASSERT_FALSE(p3.isEmpty());
  const QImage shown = to_display(img, p3);
  // Display-P3 green is outside sRGB: converted, its red channel drops and it stays green-dominant.
  const QColor c = shown.pixelColor(1, 1);
  EXPECT_NE(c, QColor(0, 200, 0));
  EXPECT_GT(c.green(), c.red());
  // Untagged or sRGB images pass through unchanged.
  EXPECT_EQ(to_display(img).pixelColor(1, 1), QColor(0, 200, 0));
}

}  // namespace
}  // namespace rsd::ui
