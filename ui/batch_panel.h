// BatchPanel: the batch queue table with its controls (start, pause/resume, cancel item, cancel
// all, retry failed, clear finished) and the overall progress with ETA.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QTableView;
class QToolButton;

namespace rsd::ui {

class BatchController;
class BatchQueueModel;

class BatchPanel : public QWidget {
  Q_OBJECT
 public:
  BatchPanel(BatchQueueModel* model, BatchController* controller, QWidget* parent = nullptr);
  QTableView* table() const { return table_; }
  QString progressText() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refreshButtons();
  void onProgress(int done, int total, double fraction, double eta);
  QString selectedId() const;

  BatchQueueModel* model_;
  BatchController* controller_;
  QTableView* table_ = nullptr;
  QProgressBar* overall_ = nullptr;
  QLabel* eta_ = nullptr;
  QToolButton *start_ = nullptr, *pause_ = nullptr, *cancel_item_ = nullptr, *cancel_all_ = nullptr,
              *retry_ = nullptr, *clear_ = nullptr;
};

}  // namespace rsd::ui
