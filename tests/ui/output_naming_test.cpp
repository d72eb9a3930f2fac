#include "ui/output_naming.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "ui_test_util.h"

namespace rsd::ui {
namespace {

TEST(OutputNaming, TemplateFolderAndFormat) {
  OutputPlan plan;
  EXPECT_EQ(output_path("/photos/a.jpeg", plan), "/photos/a_x4.jpeg");
  plan.folder = "/out";
  plan.format = "png";
  plan.naming = "{stem}-{model}-{scale}x.{ext}";
  plan.model = "rsd lite";
  EXPECT_EQ(output_path("/photos/a.jpeg", plan), "/out/a-rsd_lite-4x.png");
  plan.format = "same";
  EXPECT_EQ(output_path("/photos/b.bmp", plan), "/out/b-rsd_lite-4x.png");  // BMP is written as PNG
}

TEST(OutputNaming, NeverTheInputItself) {
  OutputPlan plan;
  plan.naming = "{stem}.{ext}";
  EXPECT_EQ(output_path("/photos/a.png", plan), "/photos/a_x4.png");
}

TEST(OutputNaming, FoldersAreSearchedRecursivelyAndTemporaryFilesSkipped) {
  QTemporaryDir dir;
  ASSERT_TRUE(QDir(dir.path()).mkpath("sub/deeper"));
  const QString a = test::write_photo(dir, "a.png");
  const QString b = test::write_photo(dir, "sub/deeper/b.jpg");
  test::write_photo(dir, "sub/.rsd-tmp-x.png");
  QFile txt(QDir(dir.path()).filePath("notes.txt"));
  ASSERT_TRUE(txt.open(QIODevice::WriteOnly));
  const QStringList files = collect_photo_files({dir.path(), a});
  EXPECT_EQ(files, QStringList({a, b}));
}

}  // namespace
}  // namespace rsd::ui
