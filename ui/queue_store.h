// QueueStore: the batch queue on disk (JSON), written after every change worth keeping so that a
// crash or a restart resumes where it stopped. The file is replaced atomically (QSaveFile), so a
// crash while saving leaves the previous queue intact.
//
// Threading: GUI thread (a save of a few hundred rows takes well under a millisecond).
#pragma once

#include <QString>
#include <QVector>

#include "ui/batch_item.h"

namespace rsd::ui {

class QueueStore {
 public:
  explicit QueueStore(QString path = defaultPath());
  // <AppDataLocation>/queue.json
  static QString defaultPath();
  const QString& path() const { return path_; }

  bool save(const QVector<BatchItem>& items) const;
  // Items as saved, except that an item that was running when the app stopped is queued again
  // (its output was never given its final name, so nothing partial is left to clean up).
  QVector<BatchItem> load() const;

 private:
  QString path_;
};

}  // namespace rsd::ui
