// The queue's item model and its persistence.
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "ui/batch_queue_model.h"
#include "ui/queue_store.h"

namespace rsd::ui {
namespace {

BatchItem item(const QString& id, ItemStatus status) {
  BatchItem it;
  it.id = id;
  it.input = "/in/" + id + ".png";
  it.output = "/out/" + id + "_x4.png";
  it.status = status;
  return it;
}

TEST(BatchQueueModel, RowsColumnsAndRoles) {
  BatchQueueModel model;
  int saves = 0;
  QObject::connect(&model, &BatchQueueModel::persistentChange, [&saves] { ++saves; });
  model.append({item("a", ItemStatus::Queued), item("b", ItemStatus::Failed)});
  EXPECT_EQ(model.rowCount(), 2);
  EXPECT_EQ(model.columnCount(), int(BatchQueueModel::ColumnCount));
  EXPECT_EQ(saves, 1);
  EXPECT_EQ(model.data(model.index(0, BatchQueueModel::NameColumn), Qt::DisplayRole).toString(), "a.png");
  EXPECT_EQ(model.data(model.index(1, BatchQueueModel::StatusColumn), Qt::DisplayRole).toString(), "Failed");

  // Progress is transient (not saved); status is persistent.
  model.update("a", [](BatchItem& it) { it.progress = 0.5; }, false);
  EXPECT_EQ(saves, 1);
  EXPECT_DOUBLE_EQ(model.data(model.index(0, 0), BatchQueueModel::ProgressRole).toDouble(), 0.5);
  EXPECT_EQ(model.data(model.index(0, BatchQueueModel::ProgressColumn), Qt::DisplayRole).toString(), "50 %");
  model.update("a", [](BatchItem& it) {
    it.status = ItemStatus::Done;
    it.input_size = QSize(64, 48);
    it.output_size = QSize(256, 192);
  });
  EXPECT_EQ(saves, 2);
  EXPECT_EQ(model.data(model.index(0, BatchQueueModel::SizeColumn), Qt::DisplayRole).toString(), "64×48 → 256×192");
  EXPECT_EQ(model.count(ItemStatus::Done), 1);

  QImage thumb(8, 6, QImage::Format_RGB32);
  thumb.fill(Qt::red);
  model.setThumbnail("/in/a.png", thumb);
  EXPECT_EQ(model.data(model.index(0, BatchQueueModel::NameColumn), Qt::DecorationRole).value<QImage>(), thumb);

  model.removeRowsWhere([](const BatchItem& it) { return it.status == ItemStatus::Done; });
  EXPECT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.at(0).id, "b");
  EXPECT_EQ(saves, 3);
}

TEST(QueueStore, SavesEveryFieldAndResumesAnInterruptedItem) {
  QTemporaryDir dir;
  QueueStore store(dir.filePath("sub/queue.json"));
  QVector<BatchItem> items{item("a", ItemStatus::Done), item("b", ItemStatus::Running),
                           item("c", ItemStatus::Failed), item("d", ItemStatus::Queued),
                           item("e", ItemStatus::Skipped), item("f", ItemStatus::Cancelled)};
  items[0].input_size = QSize(64, 48);
  items[0].output_size = QSize(256, 192);
  items[0].seconds = 1.5;
  items[1].progress = 0.7;
  items[2].error = "decode failed";
  ASSERT_TRUE(store.save(items));

  const QVector<BatchItem> back = store.load();
  ASSERT_EQ(back.size(), items.size());
  EXPECT_EQ(back[0].status, ItemStatus::Done);
  EXPECT_EQ(back[0].output_size, QSize(256, 192));
  EXPECT_DOUBLE_EQ(back[0].seconds, 1.5);
  EXPECT_EQ(back[1].status, ItemStatus::Queued);  // interrupted: runs again
  EXPECT_DOUBLE_EQ(back[1].progress, 0.0);
  EXPECT_EQ(back[2].error, "decode failed");
  EXPECT_EQ(back[3].status, ItemStatus::Queued);
  EXPECT_EQ(back[4].status, ItemStatus::Skipped);
  EXPECT_EQ(back[5].status, ItemStatus::Cancelled);
  for (int i = 0; i < items.size(); ++i) {
    EXPECT_EQ(back[i].id, items[i].id);
    EXPECT_EQ(back[i].input, items[i].input);
    EXPECT_EQ(back[i].output, items[i].output);
  }
}

TEST(QueueStore, AnInterruptedItemWhoseOutputWasWrittenIsDone) {
  QTemporaryDir dir;
  QueueStore store(dir.filePath("queue.json"));
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  QVector<BatchItem> items{item("written", ItemStatus::Running), item("not-yet", ItemStatus::Running),
                           item("old-output", ItemStatus::Running)};
  for (auto& it : items) it.output = dir.filePath(it.id + "_x4.png");
  items[0].started_ms = now - 5000;  // killed after its output got its final name
  items[1].started_ms = now - 5000;  // killed before: no output
  items[2].started_ms = now + 60000; // the output predates the run (overwrite mode): redo it
  for (int i : {0, 2}) {
    QFile f(items[i].output);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("png");
  }
  ASSERT_TRUE(store.save(items));
  const QVector<BatchItem> back = store.load();
  ASSERT_EQ(back.size(), 3);
  EXPECT_EQ(back[0].status, ItemStatus::Done);
  EXPECT_DOUBLE_EQ(back[0].progress, 1.0);
  EXPECT_EQ(back[0].started_ms, items[0].started_ms);
  EXPECT_EQ(back[1].status, ItemStatus::Queued);
  EXPECT_EQ(back[2].status, ItemStatus::Queued);
}

TEST(QueueStore, MissingOrCorruptFileGivesAnEmptyQueue) {
  QTemporaryDir dir;
  EXPECT_TRUE(QueueStore(dir.filePath("none.json")).load().isEmpty());
  QFile f(dir.filePath("bad.json"));
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("{not json");
  f.close();
  EXPECT_TRUE(QueueStore(dir.filePath("bad.json")).load().isEmpty());
}

}  // namespace
}  // namespace rsd::ui
