// The batch run on the inference worker with a fake model and the real pipeline (files are
// decoded, upscaled, encoded and written atomically).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "fake_upscaler.h"
#include "ui/batch_controller.h"
#include "ui/batch_file_processor.h"
#include "ui/image_convert.h"
#include "ui/batch_queue_model.h"
#include "ui/inference_service.h"
#include "ui_test_util.h"

namespace rsd::ui {
namespace {

struct Rig {
  explicit Rig(const QString& queue_file, test::FakeOptions fake = {})
      : calls(std::make_shared<std::atomic<int>>(0)),
        service(test::fake_factory(fake, calls)),
        controller(&service, &model, QueueStore(queue_file)) {
    QObject::connect(&controller, &BatchController::batchFinished,
                     [this](int d, int f, int s, double) { finished = {d, f, s}; });
  }
  bool idle() const { return !controller.isRunning(); }
  ItemStatus status(int row) const { return model.at(row).status; }

  std::shared_ptr<std::atomic<int>> calls;
  InferenceService service;
  BatchQueueModel model;
  BatchController controller;
  std::array<int, 3> finished{-1, -1, -1};
};

QSize image_size(const QString& path) { return QImageReader(path).size(); }

TEST(BatchController, OneFailureNeverStopsTheRest) {
  QTemporaryDir dir;
  Rig rig(dir.filePath("queue.json"));
  QStringList inputs{test::write_photo(dir, "a.png"), test::write_photo(dir, "b.png", 40, 30, 1)};
  QFile bad(dir.filePath("broken.png"));
  ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
  bad.write("\x89PNG\r\n\x1a\nthis is not a png");
  bad.close();
  inputs.insert(1, bad.fileName());
  inputs.append(test::write_photo(dir, "c.jpg", 32, 24, 2));
  OutputPlan plan;
  plan.folder = dir.filePath("out");
  EXPECT_EQ(rig.controller.addFiles(inputs, plan), 4);
  EXPECT_EQ(rig.controller.addFiles(inputs, plan), 0);  // already queued
  rig.controller.start();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }, 30000));

  EXPECT_EQ(rig.status(0), ItemStatus::Done);
  EXPECT_EQ(rig.status(1), ItemStatus::Failed);
  EXPECT_FALSE(rig.model.at(1).error.isEmpty());
  EXPECT_EQ(rig.status(2), ItemStatus::Done);
  EXPECT_EQ(rig.status(3), ItemStatus::Done);
  EXPECT_EQ(image_size(rig.model.at(0).output), QSize(256, 192));
  EXPECT_EQ(image_size(rig.model.at(2).output), QSize(160, 120));
  EXPECT_EQ(image_size(rig.model.at(3).output), QSize(128, 96));
  EXPECT_EQ(QFileInfo(rig.model.at(3).output).suffix(), "jpg");
  EXPECT_FALSE(QFileInfo::exists(rig.model.at(1).output));  // nothing partial for the failure
  EXPECT_EQ(rig.finished, (std::array<int, 3>{3, 1, 0}));
  EXPECT_EQ(rig.model.at(0).output_size, QSize(256, 192));
}

TEST(BatchController, EveryChangeIsSavedAndARestartResumesWithoutRedoingFinishedItems) {
  QTemporaryDir dir;
  const QString queue = dir.filePath("queue.json");
  const QStringList inputs{test::write_photo(dir, "a.png"), test::write_photo(dir, "b.png", 48, 32, 1),
                           test::write_photo(dir, "c.png", 32, 32, 2)};
  OutputPlan plan;
  plan.folder = dir.filePath("out");
  QString done_output;
  {
    // First session: runs only the first item, then "crashes" with the second one marked running.
    Rig rig(queue);
    rig.controller.addFiles(inputs, plan);
    EXPECT_EQ(QueueStore(queue).load().size(), 3);  // saved as soon as added
    rig.controller.start();
    rig.controller.pause();  // the item already handed to the worker finishes; nothing new starts
    ASSERT_TRUE(test::wait_until([&] { return rig.status(0) == ItemStatus::Done; }, 20000));
    done_output = rig.model.at(0).output;
    EXPECT_EQ(QueueStore(queue).load()[0].status, ItemStatus::Done);  // saved on completion
    EXPECT_EQ(*rig.calls, 1);
    rig.model.update(rig.model.at(1).id, [](BatchItem& it) { it.status = ItemStatus::Running; });
  }
  const QDateTime first_write = QFileInfo(done_output).lastModified();
  const QVector<BatchItem> saved = QueueStore(queue).load();
  ASSERT_EQ(saved.size(), 3);
  EXPECT_EQ(saved[1].status, ItemStatus::Queued);  // the interrupted item is queued again

  Rig rig(queue);
  rig.controller.restore();
  ASSERT_EQ(rig.model.rowCount(), 3);
  EXPECT_EQ(rig.status(0), ItemStatus::Done);
  rig.controller.start();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }, 20000));
  EXPECT_EQ(*rig.calls, 2);  // only the two unfinished items ran
  for (int i = 0; i < 3; ++i) EXPECT_EQ(rig.status(i), ItemStatus::Done) << i;
  EXPECT_EQ(QFileInfo(done_output).lastModified(), first_write);
  EXPECT_EQ(image_size(rig.model.at(2).output), QSize(128, 128));
}

TEST(BatchController, ExistingOutputsAreSkipped) {
  QTemporaryDir dir;
  Rig rig(dir.filePath("queue.json"));
  const QString in = test::write_photo(dir, "a.png");
  OutputPlan plan;
  QFile existing(output_path(in, plan));
  ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
  existing.write("keep me");
  existing.close();
  rig.controller.addFiles({in}, plan);
  rig.controller.start();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }));
  EXPECT_EQ(rig.status(0), ItemStatus::Skipped);
  EXPECT_EQ(*rig.calls, 0);
  QFile check(existing.fileName());
  ASSERT_TRUE(check.open(QIODevice::ReadOnly));
  EXPECT_EQ(check.readAll(), "keep me");
}

TEST(BatchController, CancelItemCancelAllAndRetry) {
  QTemporaryDir dir;
  test::FakeOptions slow;
  slow.work_ms = 400;
  Rig rig(dir.filePath("queue.json"), slow);
  QStringList inputs;
  for (int i = 0; i < 4; ++i) inputs << test::write_photo(dir, QStringLiteral("p%1.png").arg(i), 16, 12, i);
  OutputPlan plan;
  plan.folder = dir.filePath("out");
  rig.controller.addFiles(inputs, plan);
  rig.controller.start();
  ASSERT_TRUE(test::wait_until([&] { return rig.status(0) == ItemStatus::Running; }));
  rig.controller.cancelItem(rig.model.at(0).id);  // the running one: cancelled through its token
  rig.controller.cancelItem(rig.model.at(2).id);  // a queued one
  ASSERT_TRUE(test::wait_until([&] { return rig.status(1) == ItemStatus::Running; }));
  EXPECT_EQ(rig.status(0), ItemStatus::Cancelled);
  EXPECT_FALSE(QFileInfo::exists(rig.model.at(0).output));
  EXPECT_EQ(rig.status(2), ItemStatus::Cancelled);
  rig.controller.cancelAll();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }));
  EXPECT_EQ(rig.status(1), ItemStatus::Cancelled);
  EXPECT_EQ(rig.status(3), ItemStatus::Cancelled);

  rig.controller.retryFailed();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(rig.status(i), ItemStatus::Queued);
  rig.controller.start();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }, 30000));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(rig.status(i), ItemStatus::Done) << i;
  rig.controller.removeFinished();
  EXPECT_EQ(rig.model.rowCount(), 0);
}

TEST(BatchController, PauseHoldsTheQueueAndResumeContinues) {
  QTemporaryDir dir;
  test::FakeOptions slow;
  slow.work_ms = 150;
  Rig rig(dir.filePath("queue.json"), slow);
  QStringList inputs;
  for (int i = 0; i < 3; ++i) inputs << test::write_photo(dir, QStringLiteral("p%1.png").arg(i), 16, 12, i);
  rig.controller.addFiles(inputs, OutputPlan());
  rig.controller.start();
  rig.controller.pause();
  ASSERT_TRUE(test::wait_until([&] { return rig.status(0) == ItemStatus::Done; }));
  test::wait_until([] { return false; }, 300);  // nothing new may start while paused
  EXPECT_EQ(rig.status(1), ItemStatus::Queued);
  EXPECT_TRUE(rig.controller.isPaused());
  rig.controller.resume();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }, 20000));
  EXPECT_EQ(rig.model.count(ItemStatus::Done), 3);
}

// Hostile files in the queue (tests/reliability runs many more through run_batch and the CLI):
// each fails in its own row, the message names the file and the reason, nothing is written for it,
// the photo queued after them is written, and no input changes.
TEST(BatchController, HostileFilesFailInTheirRowsAndTheGoodPhotoIsWritten) {
  QTemporaryDir dir;
  Rig rig(dir.filePath("queue.json"));
  const QString good = test::write_photo(dir, "good.jpg", 32, 24, 1);
  QFile good_file(good);
  ASSERT_TRUE(good_file.open(QIODevice::ReadOnly));
  const QByteArray jpeg = good_file.readAll();
  // A PNG header claiming 100,000 x 100,000 pixels, and no pixel data.
  QByteArray bomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0\0\0\0\0", 33);
  struct Hostile {
    QString name;
    QByteArray bytes;
    QString reason;
  };
  const QVector<Hostile> hostile = {{"cut.jpg", jpeg.left(jpeg.size() / 2), "truncated"},
                                    {"bomb.png", bomb, "100000x100000 (10000.0 MP), over the input limit"},
                                    {"notes.jpg", "shopping list\n", "not a supported image"},
                                    {"empty.webp", QByteArray(), "not a supported image"}};
  QStringList inputs;
  for (const Hostile& h : hostile) {
    QFile f(dir.filePath(h.name));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(h.bytes);
    inputs << f.fileName();
  }
  inputs << good;
  OutputPlan plan;
  plan.folder = dir.filePath("out");
  ASSERT_EQ(rig.controller.addFiles(inputs, plan), 5);
  rig.controller.start();
  ASSERT_TRUE(test::wait_until([&] { return rig.idle(); }, 30000));

  for (int i = 0; i < hostile.size(); ++i) {
    SCOPED_TRACE(hostile[i].name.toStdString());
    EXPECT_EQ(rig.status(i), ItemStatus::Failed);
    const QString error = rig.model.at(i).error;
    EXPECT_TRUE(error.contains(hostile[i].name)) << error.toStdString();
    EXPECT_TRUE(error.contains(hostile[i].reason)) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(rig.model.at(i).output));
    QFile f(inputs[i]);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), hostile[i].bytes);
  }
  EXPECT_EQ(rig.status(4), ItemStatus::Done) << rig.model.at(4).error.toStdString();
  EXPECT_EQ(image_size(rig.model.at(4).output), QSize(128, 96));
  EXPECT_EQ(QDir(plan.folder).entryList(QDir::Files | QDir::Hidden), QStringList{"good_x4.jpg"});
  EXPECT_EQ(rig.finished, (std::array<int, 3>{1, 4, 0}));
  QFile check(good);
  ASSERT_TRUE(check.open(QIODevice::ReadOnly));
  EXPECT_EQ(check.readAll(), jpeg);
}

}  // namespace
}  // namespace rsd::ui

namespace rsd::ui {
namespace {

TEST(BatchItem, TheMapFlagsAndPathSurviveTheSavedQueue) {
  BatchItem item;
  item.id = "7";
  item.input = "/in/p.png";
  item.output = "/out/p_x4.png";
  item.status = ItemStatus::Queued;
  item.uncertainty_map = true;
  item.redo = true;
  item.map_path = "/out/p_x4_uncertainty_2.png";
  const BatchItem back = BatchItem::fromJson(item.toJson());
  EXPECT_TRUE(back.uncertainty_map);
  EXPECT_TRUE(back.redo);
  EXPECT_EQ(back.map_path, item.map_path);
  const BatchItem plain = BatchItem::fromJson(BatchItem().toJson());  // old queues: no keys
  EXPECT_FALSE(plain.uncertainty_map);
  EXPECT_FALSE(plain.redo);
  EXPECT_TRUE(plain.map_path.isEmpty());
}

// A batch item with a detail below 100 % and the map asked for: the output is the blend of the
// item's samples and the map lies beside it, named after the output.
TEST(BatchFile, WritesTheBlendAndTheUncertaintyMap) {
  QTemporaryDir dir;
  QImage solid(32, 24, QImage::Format_RGB32);
  solid.fill(QColor(100, 80, 60));
  const QString in = dir.filePath("p.png");
  ASSERT_TRUE(solid.save(in));
  test::FakeOptions fake;
  fake.sample_shift = 0.1f;
  auto calls = std::make_shared<std::atomic<int>>(0);
  test::FakeUpscaler up(fake, calls);
  BatchTask task;
  task.id = "1";
  task.input = in;
  task.output = dir.filePath("out/p_x4.png");
  task.options.samples = 3;
  task.options.detail = 0.0;
  task.options.uncertainty_map = true;
  auto done = process_batch_file(task, up, {});
  ASSERT_TRUE(done) << done.error().what();
  EXPECT_EQ(*calls, 3);
  EXPECT_EQ(done->uncertainty_map, dir.filePath("out/p_x4_uncertainty.png"));
  const QImage map(dir.filePath("out/p_x4_uncertainty.png"));
  ASSERT_FALSE(map.isNull());
  EXPECT_EQ(map.size(), done->size);
  EXPECT_GT(map.pixelColor(10, 10).red(), 100) << "the samples disagree: not black";
  // Detail 0: every pixel is the mean of samples 0, +0.1 and +0.2: 25.5 levels above the first.
  const QImage out(task.output);
  EXPECT_NEAR(out.pixelColor(10, 10).red(), 100 + 26, 2);
  EXPECT_NEAR(out.pixelColor(10, 10).blue(), 60 + 26, 2);
  // Without the map and at 100 %, one sample and no map file.
  task.output = dir.filePath("out/q_x4.png");
  task.options = OutputOptions();
  *calls = 0;
  ASSERT_TRUE(process_batch_file(task, up, {}));
  EXPECT_EQ(*calls, 1);
  EXPECT_FALSE(QFileInfo::exists(dir.filePath("out/q_x4_uncertainty.png")));
}

}  // namespace
}  // namespace rsd::ui
