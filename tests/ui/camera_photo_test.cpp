// The window's loader on photos from cameras and phones: camera RAW, HEIF and CMYK JPEG open
// through the core (Qt 6 has no reader for the first two and guesses CMYK inks), with their
// upright size, depth and profile; damaged ones give a message, never a crash.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "imaging/color_management.h"
#include "imaging/heif_codec.h"
#include "imaging/image_format.h"
#include "ui/output_naming.h"
#include "ui/photo.h"
#include "../core/imaging/cmyk_fixture.h"
#include "../core/imaging/dng_fixture.h"

namespace rsd::ui {
namespace {

QString write(const QTemporaryDir& dir, const QString& name, const std::vector<uint8_t>& bytes) {
  const QString path = QDir(dir.path()).filePath(name);
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size()));
  return path;
}

std::vector<uint8_t> heic(int w, int h) {
  ImageF img(w, h, 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) img.at(x, y, 0) = img.at(x, y, 1) = img.at(x, y, 2) = float(x) / float(w);
  imaging::heif::EncodeParams p;
  auto bytes = imaging::heif::encode(img, p);
  EXPECT_TRUE(bytes) << bytes.error().what();
  return bytes ? bytes.value() : std::vector<uint8_t>();
}

TEST(CameraPhotos, RawOpensUprightAtSixteenBitsWithItsProfile) {
  QTemporaryDir dir;
  rsd::test::DngSpec spec;
  spec.orientation = 6;
  const QString path = write(dir, "IMG_1.NEF.dng", rsd::test::make_test_dng(spec));
  const Photo photo = load_photo(path);
  ASSERT_TRUE(photo.ok()) << photo.error.toStdString();
  EXPECT_EQ(photo.original.size(), QSize(spec.height, spec.width));
  EXPECT_EQ(photo.original.format(), QImage::Format_RGBX64);
  const auto& srgb = imaging::srgb_icc_profile();
  EXPECT_EQ(photo.icc, QByteArray(reinterpret_cast<const char*>(srgb.data()), int(srgb.size())));
  EXPECT_FALSE(photo.display.isNull());
  EXPECT_EQ(photo_size(path), photo.original.size());
  const QImage thumb = load_thumbnail(path, QSize(20, 20));
  ASSERT_FALSE(thumb.isNull());
  EXPECT_LE(thumb.width(), 20);
  EXPECT_LE(thumb.height(), 20);
}

TEST(CameraPhotos, HeifAndCmykOpenAndDamagedFilesSaySo) {
  if (!imaging::heif::can_encode(imaging::heif::Flavor::Heic)) GTEST_SKIP() << "no HEIC encoder here";
  QTemporaryDir dir;
  const auto bytes = heic(40, 30);
  const QString path = write(dir, "phone.heic", bytes);
  const Photo photo = load_photo(path);
  ASSERT_TRUE(photo.ok()) << photo.error.toStdString();
  EXPECT_EQ(photo.original.size(), QSize(40, 30));
  EXPECT_EQ(photo_size(path), QSize(40, 30));

  const Photo cmyk = load_photo(write(dir, "print.jpg", rsd::test::cmyk_test_jpeg()));
  ASSERT_TRUE(cmyk.ok()) << cmyk.error.toStdString();
  EXPECT_GT(qGreen(cmyk.display.pixel(2, 4)), 230);  // paper white, not Qt's guess at the inks
  EXPECT_LT(qRed(cmyk.display.pixel(12, 4)), 100);  // cyan

  const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + std::ptrdiff_t(bytes.size() / 2));
  const Photo damaged = load_photo(write(dir, "cut.heic", cut));
  EXPECT_FALSE(damaged.ok());
  EXPECT_FALSE(damaged.error.isEmpty());
}

TEST(CameraPhotos, QueueNamesAndFindsThem) {
  OutputPlan plan;
  plan.format = "same";
  EXPECT_TRUE(output_path("/p/IMG_1.CR2", plan).endsWith("IMG_1_x4.tif"));
  EXPECT_TRUE(output_path("/p/a.dng", plan).endsWith("a_x4.tif"));
  const bool heic_out = imaging::can_write(imaging::ImageFormat::Heif);
  EXPECT_TRUE(output_path("/p/b.HEIC", plan).endsWith(heic_out ? "b_x4.heic" : "b_x4.jpg"));
  QTemporaryDir dir;
  write(dir, "a.heic", {1, 2, 3});
  write(dir, "b.arw", {1, 2, 3});
  write(dir, "c.txt", {1, 2, 3});
  EXPECT_EQ(collect_photo_files({dir.path()}).size(), 2);
}

}  // namespace
}  // namespace rsd::ui
