// The whole window offscreen with a fake model: getting photos in, region preview (newest wins,
// teacher comparison), the batch feeding the compare view, screenshots per mode, export, theme.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

#include "fake_upscaler.h"
#include "ui/batch_controller.h"
#include "ui/batch_queue_model.h"
#include "ui/main_window.h"
#include "ui/region_preview_panel.h"
#include "ui_test_util.h"

namespace rsd::ui {
namespace {

const QColor kPhoto(200, 60, 30);
const QColor kInverted(55, 195, 225);

class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QSettings().clear();
    calls = std::make_shared<std::atomic<int>>(0);
  }
  std::unique_ptr<MainWindow> make(test::FakeOptions fake = {}) {
    fake.invert = true;
    auto w = std::make_unique<MainWindow>(test::fake_factory(fake, calls), dir.filePath("queue.json"));
    AppSettings s;
    s.output_folder = dir.filePath("out");
    s.format = "png";
    w->applySettings(s);
    w->resize(1000, 760);
    w->show();
    return w;
  }
  QString solidPhoto(const QString& name, QSize size = QSize(64, 48)) {
    QImage img(size, QImage::Format_RGB32);
    img.fill(kPhoto);
    const QString path = dir.filePath(name);
    img.save(path);
    return path;
  }
  // make(fake) with the solid photo p.png open.
  std::unique_ptr<MainWindow> withPhoto(test::FakeOptions fake) {
    auto w = make(fake);
    const QString p = solidPhoto("p.png");
    w->openPaths({p});
    EXPECT_TRUE(shown(*w, p));
    return w;
  }
  static test::FakeOptions sampling(float shift) {
    test::FakeOptions fake;
    fake.sample_shift = shift;  // sample k: the inverted photo + shift x k
    return fake;
  }
  static bool shown(MainWindow& w, const QString& path) {
    return test::wait_until([&] { return w.currentPhoto().path == path && w.compareView()->hasImage(); });
  }
  QTemporaryDir dir;
  std::shared_ptr<std::atomic<int>> calls;
};

TEST_F(MainWindowTest, OpensFilesAndFoldersRecursivelyByDropAndPaste) {
  auto w = make();
  ASSERT_TRUE(QDir(dir.path()).mkpath("album/day2"));
  const QString a = test::write_photo(dir, "album/a.png");
  const QString b = test::write_photo(dir, "album/day2/b.jpg");
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(dir.filePath("album"))});
  w->openMime(&mime);  // what a drop (and a paste of copied files) does
  EXPECT_EQ(w->loadedPaths(), QStringList({a, b}));
  ASSERT_TRUE(shown(*w, a));
  EXPECT_EQ(w->currentPhoto().original.size(), QSize(64, 48));
  EXPECT_TRUE(QSettings().value("recent/files").toStringList().contains(dir.filePath("album")));

  QApplication::clipboard()->setImage(test::make_photo(20, 10));
  w->findChild<QAction*>("actionPaste")->trigger();
  ASSERT_EQ(w->loadedPaths().size(), 3);
  ASSERT_TRUE(test::wait_until([&] { return w->currentPhoto().original.size() == QSize(20, 10); }));
}

TEST_F(MainWindowTest, RegionPreviewNewestWinsAndTeacherComparisonRuns) {
  test::FakeOptions slow;
  slow.work_ms = 300;
  auto w = make(slow);
  const QString p = solidPhoto("p.png");
  w->openPaths({p});
  ASSERT_TRUE(shown(*w, p));
  QVector<PreviewResult> results;
  QObject::connect(w.get(), &MainWindow::previewFinished, [&](const PreviewResult& r) { results.append(r); });
  w->previewRegion(QRect(0, 0, 16, 16));
  w->previewRegion(QRect(8, 8, 20, 12));  // cancels the first
  ASSERT_TRUE(test::wait_until([&] { return !results.isEmpty(); }));
  test::wait_until([] { return false; }, 200);
  ASSERT_EQ(results.size(), 1);  // the older request's result never reaches the window
  EXPECT_EQ(w->compareView()->selection(), QRect(8, 8, 20, 12));
  EXPECT_EQ(results[0].image.size(), QSize(80, 48));  // region x4, margin cropped off
  EXPECT_TRUE(test::colors_near(results[0].image.pixelColor(40, 24), kInverted, 3));
  EXPECT_EQ(results[0].model, "fake-student");
  EXPECT_GT(results[0].seconds, 0.2);
  EXPECT_FALSE(w->previewPanel()->studentImage().isNull());

  w->findChild<QAction*>("actionTeacher")->trigger();
  ASSERT_TRUE(test::wait_until([&] { return results.size() == 2; }));
  EXPECT_EQ(results[1].role, ModelRole::Teacher);
  EXPECT_EQ(results[1].model, "fake-teacher");
  EXPECT_EQ(w->previewPanel()->teacherImage().size(), QSize(80, 48));
  // The preview patch is drawn over the result side of the compare view.
  const QImage right = w->compareView()->rightImage();
  EXPECT_TRUE(test::colors_near(right.pixelColor(8 * 4 + 40, 8 * 4 + 24), kInverted, 3));
  EXPECT_TRUE(test::colors_near(right.pixelColor(2, 2), kPhoto, 3));
}

// The Detail slider re-blends the region's cached samples without running the model again, and
// the map of invented detail is drawn over the preview and the compare view.
TEST_F(MainWindowTest, DetailSliderReblendsTheCachedSamplesAndTheMapOverlays) {
  auto w = withPhoto(sampling(0.1f));
  AppSettings s = w->settings();
  s.samples = 4;
  w->applySettings(s);
  QVector<PreviewResult> results;
  QObject::connect(w.get(), &MainWindow::previewFinished, [&](const PreviewResult& r) { results.append(r); });
  w->previewRegion(QRect(8, 8, 20, 12));
  ASSERT_TRUE(test::wait_until([&] { return !results.isEmpty(); }));
  RegionPreviewPanel* panel = w->previewPanel();
  EXPECT_EQ(panel->sampleCount(), 4);
  ASSERT_NE(results[0].samples, nullptr);
  const int model_calls = *calls;
  const QPoint at(40, 24);                    // inside the region's result
  const QPoint in_view = at + QPoint(32, 32);  // the region starts at LR (8, 8)
  // 100 %: the first sample, the ordinary result.
  EXPECT_TRUE(test::colors_near(panel->studentImage().pixelColor(at), kInverted, 3));
  // 0 %: the mean of the four (each sample clipped at 255): red 55 + 38, green 229, blue 246.
  panel->findChild<QSlider*>("detailSlider")->setValue(0);
  EXPECT_TRUE(test::colors_near(panel->studentImage().pixelColor(at), QColor(93, 229, 246), 3));
  EXPECT_TRUE(test::colors_near(w->compareView()->rightImage().pixelColor(in_view), QColor(93, 229, 246), 3));
  EXPECT_EQ(w->settings().detail, 0);
  panel->findChild<QSlider*>("detailSlider")->setValue(50);
  EXPECT_TRUE(test::colors_near(panel->studentImage().pixelColor(at), QColor(74, 212, 236), 3));
  EXPECT_EQ(*calls, model_calls) << "re-blending runs no model";
  // The map: the samples disagree everywhere by more than its full scale, so it is at the top of
  // its colour scale (pale yellow), over the preview and the compare view alike.
  panel->setOverlay(true, 100);
  const QColor top = panel->studentImage().pixelColor(at);
  EXPECT_GT(top.red(), 240);
  EXPECT_GT(top.green(), 240);
  EXPECT_LT(top.blue(), 200);
  EXPECT_TRUE(test::colors_near(w->compareView()->rightImage().pixelColor(in_view), top, 3));
  panel->setOverlay(true, 50);  // half way between the blend and the map colour
  EXPECT_NEAR(panel->studentImage().pixelColor(at).blue(), (236 + top.blue()) / 2, 4);
  panel->setOverlay(false, 50);
  EXPECT_TRUE(test::colors_near(panel->studentImage().pixelColor(at), QColor(74, 212, 236), 3));
  EXPECT_EQ(*calls, model_calls);
}

// The batch writes the map beside the output on request; with the overlay on, the compare view
// shows it over the whole-photo result, and without it the plain result again.
TEST_F(MainWindowTest, TheBatchMapOverlaysTheWholePhoto) {
  auto w = withPhoto(sampling(0.1f));
  AppSettings s = w->settings();
  s.uncertainty_maps = true;
  s.samples = 3;
  w->applySettings(s);
  EXPECT_EQ(w->addToBatch(), 1);
  w->batchController()->start();
  ASSERT_TRUE(test::wait_until([&] { return w->batchModel()->count(ItemStatus::Done) == 1; }));
  EXPECT_TRUE(QFileInfo::exists(dir.filePath("out/p_x4_uncertainty.png")));
  auto right_at = [&] { return w->compareView()->rightImage().pixelColor(5, 5); };
  ASSERT_TRUE(test::wait_until([&] { return test::colors_near(right_at(), kInverted, 3); }));
  w->previewPanel()->setOverlay(true, 100);
  const QColor map = right_at();
  EXPECT_GT(map.red(), 240) << "the map's top colour (the samples differ by 0.1 steps)";
  EXPECT_LT(map.blue(), 200);
  w->previewPanel()->setOverlay(false, 100);
  EXPECT_TRUE(test::colors_near(right_at(), kInverted, 3));
}

// With several samples the first one is on screen first (previewShown, once), the complete
// result follows (previewFinished, once); a newer request drops the older one's late results.
TEST_F(MainWindowTest, TheFirstSampleShowsFirstAndTheRestFollow) {
  test::FakeOptions fake = sampling(0.1f);
  fake.work_ms = 150;
  auto w = withPhoto(fake);
  AppSettings s = w->settings();
  s.samples = 3;
  w->applySettings(s);
  QVector<PreviewResult> shown_results, finished;
  QObject::connect(w.get(), &MainWindow::previewShown, [&](const PreviewResult& r) { shown_results.append(r); });
  QObject::connect(w.get(), &MainWindow::previewFinished, [&](const PreviewResult& r) { finished.append(r); });
  w->previewRegion(QRect(0, 0, 16, 16));
  ASSERT_TRUE(test::wait_until([&] { return !shown_results.isEmpty(); }));
  w->previewRegion(QRect(8, 8, 16, 16));  // while the first request's other samples run
  ASSERT_TRUE(test::wait_until([&] { return !finished.isEmpty(); }, 10000));
  test::wait_until([] { return false; }, 300);
  ASSERT_EQ(finished.size(), 1) << "only the newer request completes";
  EXPECT_EQ(finished[0].samples->samples, 3);
  ASSERT_EQ(shown_results.size(), 2);  // the first image of each request, once each
  EXPECT_TRUE(shown_results[0].partial);
  EXPECT_TRUE(shown_results[1].partial);
  EXPECT_EQ(shown_results[1].id, finished[0].id);
  EXPECT_EQ(w->previewPanel()->sampleCount(), 3);
}

// "Map the whole photo" sends the photo through the batch with its map, even when the settings
// write none, and shows the map over the result; the batch's other items keep the settings.
TEST_F(MainWindowTest, MapTheWholePhotoOnRequest) {
  auto w = withPhoto(sampling(0.1f));
  ASSERT_FALSE(w->settings().uncertainty_maps);
  w->previewPanel()->setOverlay(false, 100);  // off, at full opacity once switched on
  w->previewPanel()->findChild<QPushButton*>("wholePhotoMap")->click();
  ASSERT_TRUE(test::wait_until([&] { return w->batchModel()->count(ItemStatus::Done) == 1; }));
  EXPECT_TRUE(QFileInfo::exists(dir.filePath("out/p_x4_uncertainty.png")));
  EXPECT_TRUE(w->previewPanel()->overlayShown());
  ASSERT_TRUE(test::wait_until([&] { return w->compareView()->rightImage().pixelColor(5, 5).red() > 240; }))
      << "the map's colour over the result";
  // Asked again once done: the same item runs again, replacing its output and map.
  ASSERT_TRUE(QFile::remove(dir.filePath("out/p_x4_uncertainty.png")));
  w->previewPanel()->findChild<QPushButton*>("wholePhotoMap")->click();
  ASSERT_TRUE(test::wait_until([&] { return QFileInfo::exists(dir.filePath("out/p_x4_uncertainty.png")) &&
                                            w->batchModel()->count(ItemStatus::Done) == 1; }));
  EXPECT_EQ(w->batchModel()->rowCount(), 1);
  // Other photos keep the settings (no map).
  EXPECT_EQ(w->addToBatch({solidPhoto("q.png")}), 1);
  EXPECT_FALSE(w->batchModel()->at(1).uncertainty_map);
}

TEST_F(MainWindowTest, BatchResultFeedsTheCompareViewInEveryMode) {
  auto w = make();
  const QString p = solidPhoto("p.png");
  w->openPaths({p});
  ASSERT_TRUE(shown(*w, p));
  EXPECT_EQ(w->addToBatch(), 1);
  w->batchController()->start();
  ASSERT_TRUE(test::wait_until([&] { return w->batchModel()->count(ItemStatus::Done) == 1; }));
  ASSERT_TRUE(test::wait_until([&] { return !w->compareView()->rightImage().isNull() &&
                                            test::colors_near(w->compareView()->rightImage().pixelColor(5, 5), kInverted, 3); }));
  CompareView* view = w->compareView();
  auto grab_view = [&] {
    // The window as a screenshot, cut to the compare view.
    const QImage window = w->grab().toImage();
    return window.copy(QRect(view->mapTo(w.get(), QPoint(0, 0)), view->size()));
  };
  auto sample = [](const QImage& img, double fx, double fy) {
    const QPoint c(int(fx * img.width()), int(fy * img.height()));
    return test::mean_color(img, QRect(c - QPoint(2, 2), QSize(5, 5)));
  };
  w->setCompareMode(CompareMode::SideBySide);
  view->fitToWindow();
  QImage img = grab_view();
  EXPECT_TRUE(test::colors_near(sample(img, 0.25, 0.5), kPhoto, 16)) << sample(img, 0.25, 0.5).name().toStdString();
  EXPECT_TRUE(test::colors_near(sample(img, 0.75, 0.5), kInverted, 16)) << sample(img, 0.75, 0.5).name().toStdString();

  w->setCompareMode(CompareMode::Split);
  view->setZoom(8.0);
  view->setSplitPosition(0.5);
  img = grab_view();
  EXPECT_TRUE(test::colors_near(sample(img, 0.25, 0.5), kPhoto, 16));
  EXPECT_TRUE(test::colors_near(sample(img, 0.75, 0.5), kInverted, 16));

  w->setCompareMode(CompareMode::Flip);
  img = grab_view();
  EXPECT_TRUE(test::colors_near(sample(img, 0.25, 0.5), kInverted, 16));
  EXPECT_TRUE(test::colors_near(sample(img, 0.75, 0.5), kInverted, 16));
  w->findChild<QAction*>("actionFlip")->trigger();
  img = grab_view();
  EXPECT_TRUE(test::colors_near(sample(img, 0.25, 0.5), kPhoto, 16));
  EXPECT_TRUE(test::colors_near(sample(img, 0.75, 0.5), kPhoto, 16));

  // Export of the visible region at SR resolution, side by side.
  view->fitToWindow();
  const QString out = dir.filePath("cmp.png");
  ASSERT_TRUE(w->exportComparison(out, true));
  const QImage exported(out);
  EXPECT_EQ(exported.size(), QSize(256 * 2 + 8, 192));
  EXPECT_TRUE(test::colors_near(exported.pixelColor(128, 150), kPhoto, 3));
  EXPECT_TRUE(test::colors_near(exported.pixelColor(256 + 8 + 128, 150), kInverted, 3));
  ASSERT_TRUE(w->exportComparison(out, false));
  EXPECT_EQ(QImage(out).size(), QSize(256, 192));
}

TEST_F(MainWindowTest, EveryCommonActionHasAShortcutAndDarkThemeApplies) {
  auto w = make();
  for (const char* name : {"actionOpen", "actionPaste", "actionZoomIn", "actionZoomOut", "actionZoomFit",
                           "actionZoom100", "actionFlip", "actionModeSideBySide", "actionModeSplit",
                           "actionModeFlip", "actionStartBatch", "actionCancelBatch", "actionRegionTool",
                           "actionTeacher", "actionExport", "actionSettings"}) {
    auto* a = w->findChild<QAction*>(name);
    ASSERT_NE(a, nullptr) << name;
    EXPECT_FALSE(a->shortcut().isEmpty()) << name;
    EXPECT_FALSE(a->text().isEmpty()) << name;
  }
  AppSettings s = w->settings();
  s.theme = "dark";
  w->applySettings(s);
  EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 80);
  EXPECT_GT(QApplication::palette().color(QPalette::WindowText).lightness(), 180);
  s.theme = "light";
  w->applySettings(s);
  EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 180);
  s.theme = "system";
  w->applySettings(s);
  EXPECT_EQ(QSettings().value("ui/theme").toString(), "system");
}

}  // namespace
}  // namespace rsd::ui
