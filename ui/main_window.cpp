#include "ui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

#include "engine/runtime.h"
#include "ui/about_dialog.h"
#include "ui/batch_controller.h"
#include "ui/batch_panel.h"
#include "ui/batch_queue_model.h"
#include "ui/empty_state_widget.h"
#include "ui/engine_factory.h"
#include "ui/inference_service.h"
#include "ui/photo_strip.h"
#include "ui/region_preview_panel.h"
#include "ui/settings_dialog.h"
#include "ui/theme.h"

namespace rsd::ui {
namespace {

// Batches shorter than this end without a desktop notification (the user is still watching).
constexpr double kNotifyAfterSeconds = 30.0;

}  // namespace

MainWindow::MainWindow(UpscalerFactory factory, const QString& queue_file, QWidget* parent)
    : QMainWindow(parent) {
  setObjectName("mainWindow");
  setWindowIcon(QIcon(":/icons/rsd-studio.svg"));
  setAcceptDrops(true);
  QSettings qs;
  settings_ = AppSettings::load(qs);

  service_ = new InferenceService(factory ? std::move(factory) : make_engine_factory(), this);
  queue_model_ = new BatchQueueModel(this);
  batch_ = new BatchController(service_, queue_model_,
                               QueueStore(queue_file.isEmpty() ? QueueStore::defaultPath() : queue_file), this);

  empty_ = new EmptyStateWidget(this);
  strip_ = new PhotoStrip(this);
  view_ = new CompareView(this);
  auto* workspace = new QWidget(this);
  auto* layout = new QVBoxLayout(workspace);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(strip_);
  layout->addWidget(view_, 1);
  stack_ = new QStackedWidget(this);
  stack_->addWidget(empty_);
  stack_->addWidget(workspace);
  setCentralWidget(stack_);

  preview_panel_ = new RegionPreviewPanel(this);
  preview_dock_ = new QDockWidget(this);
  preview_dock_->setObjectName("previewDock");
  preview_dock_->setWidget(preview_panel_);
  addDockWidget(Qt::BottomDockWidgetArea, preview_dock_);
  batch_panel_ = new BatchPanel(queue_model_, batch_, this);
  batch_dock_ = new QDockWidget(this);
  batch_dock_->setObjectName("batchDock");
  batch_dock_->setWidget(batch_panel_);
  addDockWidget(Qt::BottomDockWidgetArea, batch_dock_);
  tabifyDockWidget(preview_dock_, batch_dock_);
  // The docks appear when there is something to show (a preview, a queue), so the empty state and
  // the photo get the whole window at first.
  preview_dock_->hide();
  batch_dock_->hide();

  createActions();
  createMenus();
  createToolBar();
  createStatusBar();

  connect(empty_, &EmptyStateWidget::openRequested, this, &MainWindow::openDialog);
  connect(strip_, &PhotoStrip::photoActivated, this, &MainWindow::showPhoto);
  connect(view_, &CompareView::regionSelected, this, [this](const QRect& r) { previewRegion(r); });
  connect(view_, &CompareView::pixelInfo, pixel_label_, &QLabel::setText);
  connect(view_, &CompareView::zoomChanged, this, [this](double z) {
    if (!view_->hasImage()) return zoom_label_->clear();
    zoom_label_->setText(tr("Zoom %1 %").arg(QLocale().toString(z * 100.0, 'f', z < 0.1 ? 1 : 0)));
  });
  connect(preview_panel_, &RegionPreviewPanel::teacherRequested, this, &MainWindow::compareWithTeacher);
  connect(preview_panel_, &RegionPreviewPanel::studentImageChanged, this, [this](const QImage& image) {
    if (!region_.isNull() && !image.isNull()) view_->setPreviewPatch(image, region_.topLeft() * scale_);
  });
  connect(preview_panel_, &RegionPreviewPanel::overlayChanged, this, &MainWindow::showResultWithOverlay);
  connect(preview_panel_, &RegionPreviewPanel::wholePhotoMapRequested, this, [this] {
    if (!mapWholePhoto())
      statusBar()->showMessage(current_.ok() ? tr("The photo is in the batch already; its map can be asked for when it is done.")
                                             : tr("Open a photo first."),
                               8000);
  });
  // The slider moves in many small steps: the setting is saved once it rests.
  detail_save_ = new QTimer(this);
  detail_save_->setSingleShot(true);
  detail_save_->setInterval(500);
  connect(detail_save_, &QTimer::timeout, this, [this] {
    QSettings qs;
    settings_.save(qs);
  });
  connect(preview_panel_, &RegionPreviewPanel::detailChanged, this, [this](int percent) {
    settings_.detail = percent;
    batch_->setOutputOptions(outputOptions());
    detail_save_->start();
  });
  connect(service_, &InferenceService::previewFinished, this, &MainWindow::onPreviewFinished);
  connect(service_, &InferenceService::modelReady, this, [this](int role, const QString& model, const QString& device) {
    if (role != int(ModelRole::Student)) return;
    model_text_ = model;
    device_text_ = device;
    retranslate();
  });
  connect(service_, &InferenceService::modelFailed, this, [this](int, const QString& error) {
    statusBar()->showMessage(tr("Model could not be loaded: %1").arg(error), 10000);
  });
  connect(service_, &InferenceService::batchFinished, this,
          [this](const BatchResult& r) { if (r.ok) onBatchItemDone(r.id); });
  connect(batch_, &BatchController::batchFinished, this, &MainWindow::notifyBatchFinished);
  connect(batch_, &BatchController::stateChanged, this, &MainWindow::updateActions);

  applySettings(settings_);
  batch_->restore();
  if (queue_model_->rowCount() > 0) batch_dock_->show();
  for (const BatchItem& item : queue_model_->items())
    if (item.status == ItemStatus::Done) {
      outputs_.insert(item.input, item.output);
      maps_.insert(item.input, item.map_path);
    }
  retranslate();
  updateActions();
  resize(1200, 820);
}

MainWindow::~MainWindow() {
  // Cancel, wait for the worker, destroy the models — before the widgets go away.
  service_->shutdown();
  flushDetailSave();
}

void MainWindow::flushDetailSave() {
  if (!detail_save_->isActive()) return;  // no Detail change waiting to be saved
  detail_save_->stop();
  QSettings qs;
  settings_.save(qs);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  flushDetailSave();
  service_->shutdown();
  event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::createStatusBar() {
  pixel_label_ = new QLabel(this);
  pixel_label_->setObjectName("pixelInfo");
  zoom_label_ = new QLabel(this);
  model_label_ = new QLabel(this);
  model_label_->setObjectName("modelInfo");
  memory_label_ = new QLabel(this);
  statusBar()->addWidget(pixel_label_, 1);
  statusBar()->addPermanentWidget(zoom_label_);
  statusBar()->addPermanentWidget(model_label_);
  statusBar()->addPermanentWidget(memory_label_);
  auto* timer = new QTimer(this);
  connect(timer, &QTimer::timeout, this, &MainWindow::updateMemory);
  timer->start(2000);
  updateMemory();
}

void MainWindow::updateMemory() {
  // Resident memory of the whole process (models included), from the kernel's own accounting.
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly)) return;
  for (const QByteArray& line : status.readAll().split('\n')) {
    if (!line.startsWith("VmRSS:")) continue;
    const double mb = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    memory_label_->setText(tr("Memory %1 MB").arg(QLocale().toString(mb, 'f', 0)));
  }
}

OutputOptions MainWindow::outputOptions() const {
  OutputOptions o;
  o.format = settings_.format;
  o.quality = settings_.quality;
  o.metadata = settings_.metadata;
  o.detail = settings_.detail / 100.0;
  o.uncertainty_map = settings_.uncertainty_maps;
  o.samples = settings_.samples;
  return o;
}

void MainWindow::applySettings(const AppSettings& s) {
  settings_ = s;
  QSettings qs;
  s.save(qs);
  service_->setModelSpec(ModelRole::Student, {s.model, s.device, s.tile, s.seed, s.precision});
  service_->setModelSpec(ModelRole::Teacher, {s.teacher, s.device, s.tile, s.seed, s.precision});
  batch_->setOutputOptions(outputOptions());
  preview_panel_->setDetail(s.detail);
  view_->setLrScaling(s.bicubic_lr ? LrScaling::Bicubic : LrScaling::Nearest);
  if (bicubic_) bicubic_->setChecked(s.bicubic_lr);
  if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance())) apply_theme(*app, s.theme);
}

void MainWindow::showSettings() {
  SettingsDialog dialog(settings_, engine::cuda_available(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  const QString old_language = settings_.language;
  applySettings(dialog.settings());
  if (settings_.language != old_language)
    statusBar()->showMessage(tr("The new language applies when RSD Studio restarts."), 8000);
}

void MainWindow::showAbout() {
  AboutDialog dialog(QString::fromStdString(engine::runtime_summary()),
                     model_text_.isEmpty() ? settings_.model : model_text_, this);
  dialog.exec();
}

void MainWindow::notifyBatchFinished(int done, int failed, int skipped, double seconds) {
  const QString text = tr("Batch finished: %1 done, %2 failed, %3 skipped.").arg(done).arg(failed).arg(skipped);
  statusBar()->showMessage(text, 15000);
  if (!settings_.notify || seconds < kNotifyAfterSeconds || !QSystemTrayIcon::isSystemTrayAvailable()) return;
  auto* tray = new QSystemTrayIcon(windowIcon(), this);
  tray->show();
  tray->showMessage(tr("RSD Studio"), text, QSystemTrayIcon::Information, 8000);
  QTimer::singleShot(10000, tray, &QObject::deleteLater);
}

}  // namespace rsd::ui
