#include "ui/main_window.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

#include "ui/empty_state_widget.h"

namespace rsd::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("RSD Studio"));
  setWindowIcon(QIcon(":/icons/rsd-studio.svg"));
  setAcceptDrops(true);
  empty_ = new EmptyStateWidget(this);
  connect(empty_, &EmptyStateWidget::openRequested, this, &MainWindow::openDialog);
  setCentralWidget(empty_);
  statusBar()->showMessage(tr("Ready"));
  resize(1100, 720);
}

void MainWindow::openPaths(const QStringList& paths) {
  for (const QString& p : paths)
    if (QFileInfo::exists(p) && !paths_.contains(p)) paths_.append(p);
  statusBar()->showMessage(tr("%n item(s) loaded", nullptr, int(paths_.size())));
}

void MainWindow::openDialog() {
  const QStringList files = QFileDialog::getOpenFileNames(
      this, tr("Open Photos"), QString(),
      tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp)"));
  if (!files.isEmpty()) openPaths(files);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths.append(url.toLocalFile());
  openPaths(paths);
  event->acceptProposedAction();
}

}  // namespace rsd::ui
