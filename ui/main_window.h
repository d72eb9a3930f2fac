// MainWindow: the RSD Studio window — filmstrip, compare view, region preview and batch queue
// docks, menus, toolbar and status bar. Never runs inference or decodes photos on the GUI thread:
// models live on the InferenceService's worker, photos are decoded on the thread pool.
//
// The implementation is split by concern: main_window.cpp (layout, status, settings),
// main_window_actions.cpp (menus, toolbar, shortcuts), main_window_photos.cpp (getting photos
// in, region preview, batch hand-off, export).
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QStringList>

#include "ui/app_settings.h"
#include "ui/compare_view.h"
#include "ui/inference_types.h"
#include "ui/photo.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QMenu;
class QMimeData;
class QStackedWidget;
class QTimer;

namespace rsd::ui {

class BatchController;
class BatchPanel;
class BatchQueueModel;
class EmptyStateWidget;
class InferenceService;
class PhotoStrip;
class RegionPreviewPanel;
struct OutputPlan;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // factory: how models are created on the worker (the engine in the app, fakes in tests).
  // queue_file: where the batch queue is saved (empty: the default in AppDataLocation).
  explicit MainWindow(UpscalerFactory factory = {}, const QString& queue_file = {},
                      QWidget* parent = nullptr);
  ~MainWindow() override;

  // Files and folders to load (command line, drop, Open dialog); folders are searched recursively.
  void openPaths(const QStringList& paths);
  // The local files and folders in dropped or pasted data; returns whether there were any.
  bool openMime(const QMimeData* mime);
  const QStringList& loadedPaths() const { return paths_; }
  // The photo shown (null images until it is decoded).
  const Photo& currentPhoto() const { return current_; }
  void showPhoto(const QString& path);

  // Region preview of `lr_rect` (LR pixels of the current photo); with_teacher adds the teacher.
  void previewRegion(const QRect& lr_rect, bool with_teacher = false);
  void compareWithTeacher();
  // Queues the given photos (all loaded photos when empty) with the current output settings.
  int addToBatch(const QStringList& paths = {});
  // The current photo through the batch with its map of invented detail (the Samples of the
  // settings), shown over the result when done. Returns false when no photo is open or it is
  // being upscaled already.
  bool mapWholePhoto();
  bool exportComparison(const QString& file, bool side_by_side);
  void setCompareMode(CompareMode mode);
  void showBatchQueue();
  void showRegionPreview();

  CompareView* compareView() const { return view_; }
  BatchController* batchController() const { return batch_; }
  BatchQueueModel* batchModel() const { return queue_model_; }
  RegionPreviewPanel* previewPanel() const { return preview_panel_; }
  InferenceService* inference() const { return service_; }
  const AppSettings& settings() const { return settings_; }
  void applySettings(const AppSettings& settings);

 Q_SIGNALS:
  void photoShown(const QString& path);
  // A region preview is complete (all its samples; errors and cancels too).
  void previewFinished(const rsd::ui::PreviewResult& result);
  // The region's first image is on screen (a one-sample result, or the first of several).
  void previewShown(const rsd::ui::PreviewResult& result);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  // main_window_actions.cpp
  void createActions();
  void createMenus();
  void createToolBar();
  void retranslate();
  void updateActions();
  void updateRecentMenu();
  // main_window_photos.cpp
  void openDialog();
  void openFolderDialog();
  void pasteImage();
  void openImage(const QImage& image);
  // Where and under which name the batch writes, from the settings.
  OutputPlan outputPlan() const;
  // Saves the Detail setting now if the slider's save is still pending.
  void flushDetailSave();
  // The result in the compare view, with the map drawn over it when the overlay is on.
  void showResultWithOverlay();
  void addRecent(const QStringList& paths);
  void onPreviewFinished(const PreviewResult& result);
  void onBatchItemDone(const QString& id);
  void exportDialog();
  void loadResultFor(const QString& path);
  // main_window.cpp
  void createStatusBar();
  void updateMemory();
  void showSettings();
  void showAbout();
  void notifyBatchFinished(int done, int failed, int skipped, double seconds);
  OutputOptions outputOptions() const;

  AppSettings settings_;
  QStringList paths_;
  Photo current_;
  QString requested_path_;
  QRect region_;                 // the previewed region (LR pixels of current_)
  QImage region_crop_;           // with its context margin, as sent to the worker
  QImage result_display_;        // the current photo's upscaled file, as shown
  QTimer* detail_save_ = nullptr;  // saves the Detail setting once the slider rests
  QImage result_map_;            // its uncertainty map as an overlay (overlay_map), or null
  QHash<QString, QString> maps_;  // input -> the map its batch item wrote
  quint64 shown_preview_ = 0;    // the request (id x 2 + teacher) whose first image is shown
  QRect region_inner_;
  int scale_ = 4;
  QHash<QString, QString> outputs_;  // input path -> finished output path

  InferenceService* service_ = nullptr;
  BatchQueueModel* queue_model_ = nullptr;
  BatchController* batch_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  EmptyStateWidget* empty_ = nullptr;
  PhotoStrip* strip_ = nullptr;
  CompareView* view_ = nullptr;
  RegionPreviewPanel* preview_panel_ = nullptr;
  BatchPanel* batch_panel_ = nullptr;
  QDockWidget *preview_dock_ = nullptr, *batch_dock_ = nullptr;
  QLabel *pixel_label_ = nullptr, *zoom_label_ = nullptr, *model_label_ = nullptr, *memory_label_ = nullptr;
  QString model_text_, device_text_;

  QMenu *file_menu_ = nullptr, *recent_menu_ = nullptr, *view_menu_ = nullptr, *batch_menu_ = nullptr,
        *help_menu_ = nullptr;
  QActionGroup* mode_group_ = nullptr;
  QAction *open_ = nullptr, *open_folder_ = nullptr, *paste_ = nullptr, *export_ = nullptr, *quit_ = nullptr,
          *settings_action_ = nullptr, *about_ = nullptr;
  QAction *zoom_in_ = nullptr, *zoom_out_ = nullptr, *zoom_fit_ = nullptr, *zoom_100_ = nullptr,
          *zoom_200_ = nullptr, *zoom_400_ = nullptr;
  QAction *mode_side_ = nullptr, *mode_split_ = nullptr, *mode_flip_ = nullptr, *flip_ = nullptr,
          *bicubic_ = nullptr, *region_tool_ = nullptr, *teacher_ = nullptr;
  QAction *add_batch_ = nullptr, *add_all_ = nullptr, *start_batch_ = nullptr, *pause_batch_ = nullptr,
          *cancel_batch_ = nullptr, *retry_batch_ = nullptr, *show_preview_ = nullptr, *show_batch_ = nullptr;
};

}  // namespace rsd::ui
