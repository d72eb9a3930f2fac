#include "ui/app_settings.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace rsd::ui {
namespace {

TEST(AppSettings, RoundTripThroughQSettings) {
  QTemporaryDir dir;
  const QString file = dir.filePath("settings.ini");
  AppSettings s;
  s.model = "/models/custom.json";
  s.teacher = "teacher";
  s.device = "cpu";
  s.precision = "bf16";
  s.tile = 256;
  s.seed = 987654321012ULL;
  s.output_folder = "/tmp/out";
  s.format = "tiff";
  s.quality = 80;
  s.naming = "{stem}-{model}.{ext}";
  s.metadata = "strip-gps";
  s.language = "ja";
  s.theme = "dark";
  s.bicubic_lr = true;
  s.notify = false;
  s.models_folder = "/models";
  s.samples = 8;
  s.detail = 35;
  s.uncertainty_maps = true;
  {
    QSettings qs(file, QSettings::IniFormat);
    s.save(qs);
  }
  QSettings qs(file, QSettings::IniFormat);
  const AppSettings back = AppSettings::load(qs);
  EXPECT_TRUE(back == s);
  EXPECT_EQ(back.seed, 987654321012ULL);
  EXPECT_EQ(back.theme, "dark");
  EXPECT_EQ(back.precision, "bf16");
  EXPECT_EQ(back.samples, 8);
  EXPECT_EQ(back.detail, 35);
  EXPECT_TRUE(back.uncertainty_maps);
  AppSettings other = back;
  other.precision = "fp32";
  EXPECT_FALSE(other == back);  // the precision is part of the comparison
}

TEST(AppSettings, DefaultsWhenNothingIsStored) {
  QTemporaryDir dir;
  QSettings qs(dir.filePath("empty.ini"), QSettings::IniFormat);
  EXPECT_TRUE(AppSettings::load(qs) == AppSettings());
  EXPECT_EQ(AppSettings().model, "student");
  EXPECT_EQ(AppSettings().precision, "auto");
}

}  // namespace
}  // namespace rsd::ui
