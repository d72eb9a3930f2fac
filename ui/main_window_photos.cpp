// MainWindow: getting photos in, the region preview, the hand-off to the batch and exports.
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include "pipeline/uncertainty_map.h"
#include "ui/batch_controller.h"
#include "ui/batch_queue_model.h"
#include "ui/comparison_export.h"
#include "ui/image_convert.h"
#include "ui/inference_service.h"
#include "ui/main_window.h"
#include "ui/output_naming.h"
#include "ui/photo_strip.h"
#include "ui/region_preview_panel.h"

namespace rsd::ui {
namespace {

// LR pixels of context around a previewed region: enough that the tiles of a full run and the
// preview see the same neighbourhood, so the preview matches the full result there.
constexpr int kPreviewMargin = 24;
constexpr int kMaxRecent = 10;
const char* kImageFilter =
    "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.heic *.heif *.hif *.avif "
    "*.dng *.cr2 *.cr3 *.crw *.nef *.nrw *.arw *.srf *.sr2 *.raf *.orf *.rw2 *.pef *.srw *.rwl *.3fr *.erf "
    "*.kdc *.dcr *.mef *.mos *.mrw *.iiq *.x3f";

}  // namespace

void MainWindow::openPaths(const QStringList& paths) {
  const QStringList files = collect_photo_files(paths);
  QString first_new;
  for (const QString& f : files) {
    if (paths_.contains(f)) continue;
    paths_.append(f);
    strip_->addPhoto(f, QFileInfo(f).fileName());
    if (first_new.isEmpty()) first_new = f;
  }
  if (files.isEmpty()) {
    if (!paths.isEmpty()) statusBar()->showMessage(tr("No photos found in what was opened."), 5000);
    return;
  }
  addRecent(paths);
  statusBar()->showMessage(tr("%n photo(s) loaded", nullptr, int(paths_.size())), 5000);
  showPhoto(first_new.isEmpty() ? files.first() : first_new);
  updateActions();
}

void MainWindow::showPhoto(const QString& path) {
  // Already shown, or already being decoded (selecting the strip row calls back here).
  if (path.isEmpty() || path == requested_path_) return;
  requested_path_ = path;
  strip_->setCurrentRow(strip_->rowOf(path));
  auto* watcher = new QFutureWatcher<Photo>(this);
  connect(watcher, &QFutureWatcher<Photo>::finished, this, [this, watcher, path] {
    watcher->deleteLater();
    if (path != requested_path_) return;  // the user moved on meanwhile
    const Photo photo = watcher->result();
    if (!photo.ok()) {
      requested_path_ = current_.path;
      statusBar()->showMessage(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), photo.error), 10000);
      return;
    }
    current_ = photo;
    region_ = QRect();
    service_->cancelPreviews();  // a preview of the previous photo must not land on this one
    view_->setImages(photo.display, QImage(), scale_);
    result_display_ = result_map_ = QImage();
    view_->setResultOverlay(QImage(), 0.0);
    retranslate();
    updateActions();
    loadResultFor(path);
    Q_EMIT photoShown(path);
  });
  watcher->setFuture(QtConcurrent::run([path] { return load_photo(path); }));
}

void MainWindow::loadResultFor(const QString& path) {
  const QString output = outputs_.value(path);
  if (output.isEmpty() || !QFileInfo::exists(output)) return;
  struct Loaded {
    Photo sr;
    QImage map;
  };
  auto* watcher = new QFutureWatcher<Loaded>(this);
  connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, path] {
    watcher->deleteLater();
    const Loaded r = watcher->result();
    // Only a result in the exact SR geometry can be compared pixel for pixel.
    if (path != current_.path || !r.sr.ok() || r.sr.display.size() != current_.display.size() * scale_) return;
    result_display_ = r.sr.display;
    result_map_ = r.map.size() == result_display_.size() ? r.map : QImage();
    showResultWithOverlay();
  });
  const QString map_path = maps_.value(path).isEmpty()
                               ? QString::fromStdString(pipeline::uncertainty_map_path(output.toStdString()).string())
                               : maps_.value(path);
  watcher->setFuture(QtConcurrent::run([output, map_path] {
    // The map describes this output only if it was written with it (after it), not an older run's.
    const QFileInfo map(map_path);
    const bool current = map.exists() && map.lastModified() >= QFileInfo(output).lastModified();
    return Loaded{load_photo(output), current ? overlay_map(QImage(map.filePath())) : QImage()};
  }));
}

void MainWindow::showResultWithOverlay() {
  if (result_display_.isNull()) return;
  const bool shown = !result_map_.isNull() && preview_panel_->overlayShown();
  view_->setResult(result_display_);
  view_->setResultOverlay(shown ? result_map_ : QImage(), preview_panel_->overlayOpacity() / 100.0);
}

void MainWindow::openDialog() {
  const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Photos"), QString(),
                                                          tr("Images (%1)").arg(QLatin1String(kImageFilter)));
  if (!files.isEmpty()) openPaths(files);
}

void MainWindow::openFolderDialog() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
  if (!dir.isEmpty()) openPaths({dir});
}

bool MainWindow::openMime(const QMimeData* mime) {
  if (!mime || !mime->hasUrls()) return false;
  QStringList paths;
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile()) paths.append(url.toLocalFile());
  if (paths.isEmpty()) return false;
  openPaths(paths);
  return true;
}

void MainWindow::pasteImage() {
  if (openMime(QApplication::clipboard()->mimeData())) return;
  const QImage image = QApplication::clipboard()->image();
  if (image.isNull()) {
    statusBar()->showMessage(tr("The clipboard holds no image."), 5000);
    return;
  }
  openImage(image);
}

void MainWindow::openImage(const QImage& image) {
  // A pasted or dropped image becomes a file so the batch, the queue file and recent files treat
  // it like any other photo.
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/pasted");
  QDir().mkpath(dir);
  const QString file = dir + QStringLiteral("/pasted-%1.png")
                                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
  QSaveFile out(file);
  if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit()) {
    statusBar()->showMessage(tr("Could not keep the pasted image in %1.").arg(dir), 8000);
    return;
  }
  openPaths({file});
}

void MainWindow::addRecent(const QStringList& paths) {
  QSettings qs;
  QStringList recent = qs.value("recent/files").toStringList();
  for (const QString& p : paths) {
    const QString abs = QFileInfo(p).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
  }
  while (recent.size() > kMaxRecent) recent.removeLast();
  qs.setValue("recent/files", recent);
  updateRecentMenu();
}

void MainWindow::previewRegion(const QRect& lr_rect, bool with_teacher) {
  if (!current_.ok()) return;
  const QRect rect = lr_rect.intersected(current_.original.rect());
  if (rect.isEmpty()) return;
  region_ = rect;
  const QRect crop = rect.adjusted(-kPreviewMargin, -kPreviewMargin, kPreviewMargin, kPreviewMargin)
                         .intersected(current_.original.rect());
  region_crop_ = current_.original.copy(crop);  // keeps the colour space for the result
  region_inner_ = rect.translated(-crop.topLeft());
  view_->setPreviewPatch(QImage(), QPoint());
  view_->setSelection(rect);
  preview_panel_->setRegion(current_.display.copy(rect), scale_, rect);
  if (with_teacher) preview_panel_->setTeacherRunning();
  service_->requestPreview(region_crop_, region_inner_, with_teacher, settings_.samples,
                           preview_panel_->detail() / 100.0);
  showRegionPreview();
  updateActions();
  statusBar()->showMessage(tr("Previewing region %1×%2…").arg(rect.width()).arg(rect.height()), 3000);
}

void MainWindow::compareWithTeacher() {
  if (region_.isNull() || region_crop_.isNull()) {
    statusBar()->showMessage(tr("Select a region first (Shift+drag on the photo)."), 5000);
    return;
  }
  preview_panel_->setTeacherRunning();
  service_->requestTeacher(region_crop_, region_inner_);
  showRegionPreview();
}

void MainWindow::onPreviewFinished(const PreviewResult& result) {
  if (region_.isNull()) return;  // another photo is shown now: the region it was for is gone
  preview_panel_->setResult(result);
  if (result.role == ModelRole::Student && !result.image.isNull()) {
    if (result.scale > 0 && result.scale != scale_) {
      scale_ = result.scale;  // the model's factor differs from the assumed one: redraw in its geometry
      view_->setImages(current_.display, QImage(), scale_);
    }
    view_->setPreviewPatch(preview_panel_->studentImage(), region_.topLeft() * scale_);
  }
  if (!result.error.isEmpty() && !result.cancelled)
    statusBar()->showMessage(tr("Preview failed: %1").arg(result.error), 10000);
  // The first image of the region on screen: once per request and role.
  const quint64 key = result.id * 2 + (result.role == ModelRole::Teacher ? 1 : 0);
  if (shown_preview_ != key) {
    shown_preview_ = key;
    Q_EMIT previewShown(result);
  }
  if (!result.partial) Q_EMIT previewFinished(result);
}

bool MainWindow::mapWholePhoto() {
  if (!current_.ok() || current_.path.isEmpty()) return false;
  batch_->setOutputOptions(outputOptions());
  if (!batch_->requestMap(current_.path, outputPlan())) return false;
  preview_panel_->setOverlay(true, preview_panel_->overlayOpacity());
  showBatchQueue();
  batch_->start();
  statusBar()->showMessage(tr("Upscaling the whole photo with its map of invented detail…"), 5000);
  return true;
}

OutputPlan MainWindow::outputPlan() const {
  OutputPlan plan;
  plan.folder = settings_.output_folder;
  plan.naming = settings_.naming;
  plan.format = settings_.format;
  plan.scale = scale_;
  plan.model = model_text_.isEmpty() ? QFileInfo(settings_.model).completeBaseName() : model_text_;
  return plan;
}

int MainWindow::addToBatch(const QStringList& paths) {
  batch_->setOutputOptions(outputOptions());
  const int added = batch_->addFiles(paths.isEmpty() ? paths_ : paths, outputPlan());
  statusBar()->showMessage(tr("%n photo(s) added to the batch", nullptr, added), 5000);
  showBatchQueue();
  return added;
}

void MainWindow::onBatchItemDone(const QString& id) {
  const int row = queue_model_->rowOf(id);
  if (row < 0) return;
  const BatchItem& item = queue_model_->at(row);
  outputs_.insert(item.input, item.output);
  maps_.insert(item.input, item.map_path);
  if (!item.error.isEmpty()) statusBar()->showMessage(tr("%1: %2").arg(QFileInfo(item.input).fileName(), item.error), 10000);
  if (item.input == current_.path) loadResultFor(item.input);
}

void MainWindow::setCompareMode(CompareMode mode) {
  view_->setMode(mode);
  (mode == CompareMode::SideBySide ? mode_side_ : mode == CompareMode::Split ? mode_split_ : mode_flip_)
      ->setChecked(true);
}

void MainWindow::showBatchQueue() {
  batch_dock_->show();
  batch_dock_->raise();
}

void MainWindow::showRegionPreview() {
  preview_dock_->show();
  preview_dock_->raise();
}

bool MainWindow::exportComparison(const QString& file, bool side_by_side) {
  if (!view_->hasImage()) return false;
  const QImage left = view_->leftImage(), right = view_->rightImage();
  const ComparisonLabels labels{tr("Original"), model_text_.isEmpty() ? tr("Upscaled") : model_text_};
  const QRect region = view_->visibleRect();
  const QImage out = side_by_side ? render_side_by_side(left, right, region, labels)
                                  : render_split(left, right, region, view_->splitPosition(), labels);
  QSaveFile f(file);
  return !out.isNull() && f.open(QIODevice::WriteOnly) && out.save(&f) && f.commit();
}

void MainWindow::exportDialog() {
  QString filter_sbs = tr("Side by side (*.png *.jpg)"), filter_split = tr("Split at the divider (*.png *.jpg)");
  QString chosen = view_->mode() == CompareMode::Split ? filter_split : filter_sbs;
  const QString base = QFileInfo(current_.path).completeBaseName();
  const QString file = QFileDialog::getSaveFileName(this, tr("Export Comparison"),
                                                    base + QStringLiteral("_comparison.png"),
                                                    filter_sbs + QStringLiteral(";;") + filter_split, &chosen);
  if (file.isEmpty()) return;
  const bool ok = exportComparison(file, chosen == filter_sbs);
  statusBar()->showMessage(ok ? tr("Comparison saved to %1").arg(file) : tr("Could not save %1").arg(file), 8000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() || event->mimeData()->hasImage()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (!openMime(mime) && mime->hasImage()) openImage(qvariant_cast<QImage>(mime->imageData()));
  event->acceptProposedAction();
}

}  // namespace rsd::ui
