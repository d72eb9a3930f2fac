#include "ui/batch_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/batch_controller.h"
#include "ui/batch_queue_model.h"
#include "ui/progress_delegate.h"

namespace rsd::ui {
namespace {

QToolButton* tool_button(QWidget* parent, QStyle::StandardPixmap icon, const char* name) {
  auto* b = new QToolButton(parent);
  b->setIcon(parent->style()->standardIcon(icon));
  b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  b->setObjectName(name);
  return b;
}

QString duration_text(double seconds) {
  const int s = int(seconds + 0.5);
  if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

BatchPanel::BatchPanel(BatchQueueModel* model, BatchController* controller, QWidget* parent)
    : QWidget(parent), model_(model), controller_(controller) {
  setObjectName("batchPanel");
  table_ = new QTableView(this);
  table_->setModel(model_);
  table_->setItemDelegateForColumn(BatchQueueModel::ProgressColumn, new ProgressDelegate(table_));
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(40);
  table_->setIconSize(QSize(48, 36));
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setColumnWidth(BatchQueueModel::NameColumn, 220);
  table_->setColumnWidth(BatchQueueModel::SizeColumn, 150);
  table_->setColumnWidth(BatchQueueModel::StatusColumn, 110);
  table_->setColumnWidth(BatchQueueModel::ProgressColumn, 140);

  start_ = tool_button(this, QStyle::SP_MediaPlay, "batchStart");
  pause_ = tool_button(this, QStyle::SP_MediaPause, "batchPause");
  cancel_item_ = tool_button(this, QStyle::SP_DialogCancelButton, "batchCancelItem");
  cancel_all_ = tool_button(this, QStyle::SP_BrowserStop, "batchCancelAll");
  retry_ = tool_button(this, QStyle::SP_BrowserReload, "batchRetry");
  clear_ = tool_button(this, QStyle::SP_DialogResetButton, "batchClear");
  overall_ = new QProgressBar(this);
  overall_->setRange(0, 1000);
  overall_->setObjectName("batchOverall");
  eta_ = new QLabel(this);
  eta_->setObjectName("batchEta");

  auto* buttons = new QHBoxLayout;
  for (QToolButton* b : {start_, pause_, cancel_item_, cancel_all_, retry_, clear_}) buttons->addWidget(b);
  buttons->addStretch();
  auto* progress = new QHBoxLayout;
  progress->addWidget(overall_, 1);
  progress->addWidget(eta_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(buttons);
  layout->addWidget(table_, 1);
  layout->addLayout(progress);

  connect(start_, &QToolButton::clicked, controller_, &BatchController::start);
  connect(pause_, &QToolButton::clicked, this, [this] {
    controller_->isPaused() ? controller_->resume() : controller_->pause();
  });
  connect(cancel_item_, &QToolButton::clicked, this, [this] {
    if (const QString id = selectedId(); !id.isEmpty()) controller_->cancelItem(id);
  });
  connect(cancel_all_, &QToolButton::clicked, controller_, &BatchController::cancelAll);
  connect(retry_, &QToolButton::clicked, controller_, &BatchController::retryFailed);
  connect(clear_, &QToolButton::clicked, controller_, &BatchController::removeFinished);
  connect(controller_, &BatchController::stateChanged, this, &BatchPanel::refreshButtons);
  connect(controller_, &BatchController::overallProgress, this, &BatchPanel::onProgress);
  retranslate();
  refreshButtons();
  onProgress(0, model_->rowCount(), 0.0, -1.0);
}

QString BatchPanel::selectedId() const {
  const QModelIndexList rows = table_->selectionModel()->selectedRows();
  return rows.isEmpty() ? QString() : model_->at(rows.first().row()).id;
}

void BatchPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void BatchPanel::retranslate() {
  start_->setText(tr("Start"));
  start_->setToolTip(tr("Start the batch (Ctrl+Return)"));
  cancel_item_->setText(tr("Cancel item"));
  cancel_all_->setText(tr("Cancel all"));
  cancel_all_->setToolTip(tr("Cancel the batch (Ctrl+.)"));
  retry_->setText(tr("Retry failed"));
  clear_->setText(tr("Clear finished"));
  refreshButtons();
}

void BatchPanel::refreshButtons() {
  pause_->setText(controller_->isPaused() ? tr("Resume") : tr("Pause"));
  pause_->setIcon(style()->standardIcon(controller_->isPaused() ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
  pause_->setEnabled(controller_->isRunning());
  start_->setEnabled(!controller_->isRunning());
}

void BatchPanel::onProgress(int done, int total, double fraction, double eta) {
  overall_->setValue(int(fraction * 1000));
  overall_->setFormat(tr("%1 of %2 photos").arg(done).arg(total));
  QString text;
  if (controller_->isRunning() && eta >= 0) text = tr("about %1 left").arg(duration_text(eta));
  else if (controller_->isRunning()) text = tr("estimating…");
  if (controller_->isPaused()) text = tr("paused");
  eta_->setText(text);
}

QString BatchPanel::progressText() const { return overall_->format() + QLatin1Char(' ') + eta_->text(); }

}  // namespace rsd::ui
