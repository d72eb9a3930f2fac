// MainWindow: menus, toolbar and keyboard shortcuts.
#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>

#include "ui/batch_controller.h"
#include "ui/batch_queue_model.h"
#include "ui/main_window.h"

namespace rsd::ui {
namespace {

QIcon themed(const char* name, QStyle::StandardPixmap fallback, const QWidget* w) {
  return QIcon::fromTheme(QString::fromLatin1(name), w->style()->standardIcon(fallback));
}

QAction* make(QWidget* owner, const QIcon& icon, const QKeySequence& keys, const char* name) {
  auto* a = new QAction(icon, QString(), owner);
  a->setObjectName(QString::fromLatin1(name));
  if (!keys.isEmpty()) a->setShortcut(keys);
  owner->addAction(a);  // shortcuts work even while the menu bar is hidden
  return a;
}

}  // namespace

void MainWindow::createActions() {
  open_ = make(this, themed("document-open", QStyle::SP_DialogOpenButton, this), QKeySequence::Open, "actionOpen");
  open_folder_ = make(this, themed("folder-open", QStyle::SP_DirOpenIcon, this), QKeySequence(QStringLiteral("Ctrl+Shift+O")), "actionOpenFolder");
  paste_ = make(this, themed("edit-paste", QStyle::SP_FileIcon, this), QKeySequence::Paste, "actionPaste");
  export_ = make(this, themed("document-save-as", QStyle::SP_DialogSaveButton, this), QKeySequence(QStringLiteral("Ctrl+E")), "actionExport");
  quit_ = make(this, themed("application-exit", QStyle::SP_DialogCloseButton, this), QKeySequence::Quit, "actionQuit");
  settings_action_ = make(this, themed("preferences-system", QStyle::SP_FileDialogDetailedView, this), QKeySequence(QStringLiteral("Ctrl+,")), "actionSettings");
  about_ = make(this, themed("help-about", QStyle::SP_MessageBoxInformation, this), QKeySequence::HelpContents, "actionAbout");

  zoom_in_ = make(this, themed("zoom-in", QStyle::SP_ArrowUp, this), QKeySequence::ZoomIn, "actionZoomIn");
  zoom_in_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(QStringLiteral("Ctrl+="))});
  zoom_out_ = make(this, themed("zoom-out", QStyle::SP_ArrowDown, this), QKeySequence::ZoomOut, "actionZoomOut");
  zoom_fit_ = make(this, themed("zoom-fit-best", QStyle::SP_TitleBarMaxButton, this), QKeySequence(QStringLiteral("Ctrl+0")), "actionZoomFit");
  zoom_100_ = make(this, themed("zoom-original", QStyle::SP_TitleBarNormalButton, this), QKeySequence(QStringLiteral("Ctrl+1")), "actionZoom100");
  zoom_200_ = make(this, QIcon(), QKeySequence(QStringLiteral("Ctrl+2")), "actionZoom200");
  zoom_400_ = make(this, QIcon(), QKeySequence(QStringLiteral("Ctrl+4")), "actionZoom400");
  connect(zoom_in_, &QAction::triggered, view_, &CompareView::zoomIn);
  connect(zoom_out_, &QAction::triggered, view_, &CompareView::zoomOut);
  connect(zoom_fit_, &QAction::triggered, view_, &CompareView::fitToWindow);
  connect(zoom_100_, &QAction::triggered, this, [this] { view_->setZoom(1.0); });
  connect(zoom_200_, &QAction::triggered, this, [this] { view_->setZoom(2.0); });
  connect(zoom_400_, &QAction::triggered, this, [this] { view_->setZoom(4.0); });

  mode_group_ = new QActionGroup(this);
  mode_side_ = make(this, themed("view-split-left-right", QStyle::SP_FileDialogListView, this), QKeySequence(QStringLiteral("1")), "actionModeSideBySide");
  mode_split_ = make(this, themed("view-split-left-right", QStyle::SP_ToolBarHorizontalExtensionButton, this), QKeySequence(QStringLiteral("2")), "actionModeSplit");
  mode_flip_ = make(this, themed("view-refresh", QStyle::SP_BrowserReload, this), QKeySequence(QStringLiteral("3")), "actionModeFlip");
  for (QAction* a : {mode_side_, mode_split_, mode_flip_}) {
    a->setCheckable(true);
    mode_group_->addAction(a);
  }
  mode_split_->setChecked(true);
  connect(mode_side_, &QAction::triggered, this, [this] { setCompareMode(CompareMode::SideBySide); });
  connect(mode_split_, &QAction::triggered, this, [this] { setCompareMode(CompareMode::Split); });
  connect(mode_flip_, &QAction::triggered, this, [this] { setCompareMode(CompareMode::Flip); });
  flip_ = make(this, QIcon(), QKeySequence(QStringLiteral("F")), "actionFlip");
  connect(flip_, &QAction::triggered, this, [this] {
    if (view_->mode() != CompareMode::Flip) setCompareMode(CompareMode::Flip);
    else view_->flip();
  });
  bicubic_ = make(this, QIcon(), QKeySequence(QStringLiteral("B")), "actionBicubic");
  bicubic_->setCheckable(true);
  connect(bicubic_, &QAction::toggled, this, [this](bool on) {
    view_->setLrScaling(on ? LrScaling::Bicubic : LrScaling::Nearest);
    settings_.bicubic_lr = on;
    QSettings qs;
    settings_.save(qs);
  });
  region_tool_ = make(this, themed("edit-select", QStyle::SP_FileDialogContentsView, this), QKeySequence(QStringLiteral("R")), "actionRegionTool");
  region_tool_->setCheckable(true);
  connect(region_tool_, &QAction::toggled, view_, &CompareView::setRegionTool);
  teacher_ = make(this, themed("view-dual", QStyle::SP_FileDialogInfoView, this), QKeySequence(QStringLiteral("T")), "actionTeacher");
  connect(teacher_, &QAction::triggered, this, &MainWindow::compareWithTeacher);

  add_batch_ = make(this, themed("list-add", QStyle::SP_FileDialogNewFolder, this), QKeySequence(QStringLiteral("Ctrl+B")), "actionAddToBatch");
  add_all_ = make(this, QIcon(), QKeySequence(QStringLiteral("Ctrl+Shift+B")), "actionAddAllToBatch");
  start_batch_ = make(this, themed("media-playback-start", QStyle::SP_MediaPlay, this), QKeySequence(QStringLiteral("Ctrl+Return")), "actionStartBatch");
  pause_batch_ = make(this, themed("media-playback-pause", QStyle::SP_MediaPause, this), QKeySequence(QStringLiteral("Ctrl+P")), "actionPauseBatch");
  cancel_batch_ = make(this, themed("process-stop", QStyle::SP_BrowserStop, this), QKeySequence(QStringLiteral("Ctrl+.")), "actionCancelBatch");
  retry_batch_ = make(this, themed("view-refresh", QStyle::SP_BrowserReload, this), QKeySequence(), "actionRetryBatch");
  show_preview_ = preview_dock_->toggleViewAction();
  show_batch_ = batch_dock_->toggleViewAction();
  show_preview_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
  show_batch_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+Q")));

  connect(open_, &QAction::triggered, this, &MainWindow::openDialog);
  connect(open_folder_, &QAction::triggered, this, &MainWindow::openFolderDialog);
  connect(paste_, &QAction::triggered, this, &MainWindow::pasteImage);
  connect(export_, &QAction::triggered, this, &MainWindow::exportDialog);
  connect(quit_, &QAction::triggered, this, &QWidget::close);
  connect(settings_action_, &QAction::triggered, this, &MainWindow::showSettings);
  connect(about_, &QAction::triggered, this, &MainWindow::showAbout);
  connect(add_batch_, &QAction::triggered, this, [this] {
    if (!current_.path.isEmpty()) addToBatch({current_.path});
  });
  connect(add_all_, &QAction::triggered, this, [this] { addToBatch(); });
  connect(start_batch_, &QAction::triggered, this, [this] {
    if (queue_model_->count(ItemStatus::Queued) == 0 && !paths_.isEmpty()) addToBatch();
    showBatchQueue();
    batch_->start();
  });
  connect(pause_batch_, &QAction::triggered, this, [this] { batch_->isPaused() ? batch_->resume() : batch_->pause(); });
  connect(cancel_batch_, &QAction::triggered, batch_, &BatchController::cancelAll);
  connect(retry_batch_, &QAction::triggered, batch_, &BatchController::retryFailed);
}

void MainWindow::createMenus() {
  file_menu_ = menuBar()->addMenu(QString());
  file_menu_->addActions({open_, open_folder_});
  recent_menu_ = file_menu_->addMenu(QString());
  recent_menu_->setIcon(themed("document-open-recent", QStyle::SP_DirIcon, this));
  file_menu_->addActions({paste_, export_});
  file_menu_->addSeparator();
  file_menu_->addAction(settings_action_);
  file_menu_->addSeparator();
  file_menu_->addAction(quit_);
  view_menu_ = menuBar()->addMenu(QString());
  view_menu_->addActions({mode_side_, mode_split_, mode_flip_, flip_});
  view_menu_->addSeparator();
  view_menu_->addActions({zoom_in_, zoom_out_, zoom_fit_, zoom_100_, zoom_200_, zoom_400_});
  view_menu_->addSeparator();
  view_menu_->addActions({bicubic_, region_tool_, teacher_});
  view_menu_->addSeparator();
  view_menu_->addActions({show_preview_, show_batch_});
  batch_menu_ = menuBar()->addMenu(QString());
  batch_menu_->addActions({add_batch_, add_all_, start_batch_, pause_batch_, cancel_batch_, retry_batch_});
  help_menu_ = menuBar()->addMenu(QString());
  help_menu_->addAction(about_);
  updateRecentMenu();
}

void MainWindow::createToolBar() {
  QToolBar* bar = addToolBar(QStringLiteral("main"));
  bar->setObjectName("mainToolBar");
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addActions({open_, paste_});
  bar->addSeparator();
  bar->addActions({mode_side_, mode_split_, mode_flip_});
  bar->addSeparator();
  bar->addActions({zoom_fit_, zoom_100_, region_tool_, teacher_});
  bar->addSeparator();
  bar->addActions({add_batch_, start_batch_, export_});
}

void MainWindow::updateRecentMenu() {
  recent_menu_->clear();
  const QStringList recent = QSettings().value("recent/files").toStringList();
  for (const QString& path : recent) {
    QAction* a = recent_menu_->addAction(QFileInfo(path).fileName());
    a->setToolTip(path);
    connect(a, &QAction::triggered, this, [this, path] { openPaths({path}); });
  }
  recent_menu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updateActions() {
  const bool photo = view_->hasImage();
  for (QAction* a : {export_, zoom_in_, zoom_out_, zoom_fit_, zoom_100_, zoom_200_, zoom_400_, region_tool_, add_batch_})
    a->setEnabled(photo);
  teacher_->setEnabled(photo && !region_.isNull());
  pause_batch_->setEnabled(batch_->isRunning());
  stack_->setCurrentIndex(paths_.isEmpty() && !photo ? 0 : 1);
}

void MainWindow::retranslate() {
  setWindowTitle(current_.name.isEmpty() ? tr("RSD Studio") : tr("%1 — RSD Studio").arg(current_.name));
  file_menu_->setTitle(tr("&File"));
  recent_menu_->setTitle(tr("Open &Recent"));
  view_menu_->setTitle(tr("&View"));
  batch_menu_->setTitle(tr("&Batch"));
  help_menu_->setTitle(tr("&Help"));
  open_->setText(tr("&Open Photos…"));
  open_folder_->setText(tr("Open &Folder…"));
  paste_->setText(tr("&Paste Image"));
  export_->setText(tr("&Export Comparison…"));
  quit_->setText(tr("&Quit"));
  settings_action_->setText(tr("&Settings…"));
  about_->setText(tr("&About RSD Studio"));
  zoom_in_->setText(tr("Zoom &In"));
  zoom_out_->setText(tr("Zoom &Out"));
  zoom_fit_->setText(tr("&Fit"));
  zoom_100_->setText(tr("100 %"));
  zoom_200_->setText(tr("200 %"));
  zoom_400_->setText(tr("400 %"));
  mode_side_->setText(tr("Side by Side"));
  mode_split_->setText(tr("Split"));
  mode_flip_->setText(tr("A/B Flip"));
  flip_->setText(tr("Flip Original/Upscaled"));
  bicubic_->setText(tr("Original Enlarged &Bicubic"));
  region_tool_->setText(tr("&Region Preview Tool"));
  region_tool_->setToolTip(tr("Drag a rectangle to preview its upscale (or Shift+drag any time)"));
  teacher_->setText(tr("Compare with &Teacher"));
  add_batch_->setText(tr("&Add Photo to Batch"));
  add_all_->setText(tr("Add &All Photos to Batch"));
  start_batch_->setText(tr("&Start Batch"));
  pause_batch_->setText(tr("&Pause/Resume Batch"));
  cancel_batch_->setText(tr("&Cancel Batch"));
  retry_batch_->setText(tr("&Retry Failed"));
  preview_dock_->setWindowTitle(tr("Region Preview"));
  batch_dock_->setWindowTitle(tr("Batch Queue"));
  model_label_->setText(model_text_.isEmpty() ? tr("Model: %1 (loads on first use)").arg(settings_.model)
                                              : tr("Model: %1 · %2").arg(model_text_, device_text_));
}

}  // namespace rsd::ui
