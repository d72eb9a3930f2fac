// rsd-studio: the desktop app. `rsd-studio [FILES or FOLDERS...]` opens what it is given.
// --grab FILE saves a screenshot of the window once the requested state is reached (used for the
// README screenshots, offscreen: QT_QPA_PLATFORM=offscreen rsd-studio photo.png --grab shot.png).
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <iostream>
#include <memory>

#include "base/version.h"
#include "common/app_info.h"
#include "ui/app_settings.h"
#include "ui/batch_controller.h"
#include "ui/main_window.h"
#include "ui/region_preview_panel.h"
#include "ui/theme.h"
#include "ui/translations.h"

namespace {

struct GrabPlan {
  QString file;
  QString mode;        // side | split | flip
  QRect region;        // LR pixels to preview first (empty: none)
  bool teacher = false;
  bool queue = false;  // run the opened photos as a batch first
  double zoom = 0.0;   // 0: fit
  int detail = -1;     // the Detail slider in percent (-1: as saved)
  int overlay = -1;    // the map of invented detail at this opacity in percent (-1: off)
};

void grab_now(rsd::ui::MainWindow& window, const QString& file) {
  QTimer::singleShot(300, &window, [&window, file] {
    const bool ok = window.grab().save(file);
    if (!ok) std::cerr << "could not save " << file.toStdString() << std::endl;
    QApplication::exit(ok ? 0 : 1);
  });
}

// Brings the window into the state the plan asks for, then grabs it.
void run_grab(rsd::ui::MainWindow& window, const GrabPlan& plan) {
  using rsd::ui::CompareMode;
  window.setCompareMode(plan.mode == "side" ? CompareMode::SideBySide
                        : plan.mode == "flip" ? CompareMode::Flip : CompareMode::Split);
  if (plan.zoom > 0) window.compareView()->setZoom(plan.zoom);
  if (plan.detail >= 0) window.previewPanel()->setDetail(plan.detail);
  if (plan.overlay >= 0) window.previewPanel()->setOverlay(true, plan.overlay);
  if (plan.queue) {
    QObject::connect(window.batchController(), &rsd::ui::BatchController::batchFinished, &window,
                     [&window, plan] { grab_now(window, plan.file); });
    window.addToBatch();
    window.batchController()->start();
    return;
  }
  if (!plan.region.isEmpty()) {
    auto pending = std::make_shared<int>(plan.teacher ? 2 : 1);
    QObject::connect(&window, &rsd::ui::MainWindow::previewFinished, &window,
                     [&window, plan, pending](const rsd::ui::PreviewResult&) {
                       if (--*pending == 0) grab_now(window, plan.file);
                     });
    window.previewRegion(plan.region, plan.teacher);
    return;
  }
  grab_now(window, plan.file);
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("rsd-studio");
  QApplication::setApplicationDisplayName("RSD Studio");
  QApplication::setOrganizationName("rsd-studio");
  QApplication::setApplicationVersion(RSD_VERSION_STRING);
  QApplication::setDesktopFileName("rsd-studio");

  QSettings qs;
  const rsd::ui::AppSettings settings = rsd::ui::AppSettings::load(qs);
  rsd::ui::install_translations(app, settings.language);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Upscale photos 4x with one-step residual shifting diffusion."));
  parser.addHelpOption();
  QCommandLineOption version({"v", "version"}, QApplication::translate("main", "Show version information."));
  parser.addOption(version);
  QCommandLineOption grab("grab", QApplication::translate("main", "Save a screenshot of the window to FILE and quit."),
                          "FILE");
  QCommandLineOption mode("compare-mode", QApplication::translate("main", "Compare mode: side, split or flip."), "MODE",
                          "split");
  QCommandLineOption region("preview-region",
                            QApplication::translate("main", "Preview this region (LR pixels X,Y,W,H) before grabbing."),
                            "X,Y,W,H");
  QCommandLineOption teacher("with-teacher", QApplication::translate("main", "Also run the teacher on the region."));
  QCommandLineOption queue("run-batch", QApplication::translate("main", "Upscale the opened photos as a batch before grabbing."));
  QCommandLineOption zoom("zoom", QApplication::translate("main", "Zoom factor of the compare view (1 = 100 %)."), "FACTOR");
  QCommandLineOption detail("detail", QApplication::translate("main", "Detail of the region preview in percent."),
                            "PERCENT");
  QCommandLineOption overlay("show-invented-detail",
                             QApplication::translate("main", "Draw the map of invented detail at this opacity (percent)."),
                             "PERCENT");
  parser.addOptions({grab, mode, region, teacher, queue, zoom, detail, overlay});
  parser.addPositionalArgument("paths", QApplication::translate("main", "Photos or folders to open."),
                               "[FILES or FOLDERS...]");
  parser.process(app);
  if (parser.isSet(version)) {
    std::cout << rsd::app::version_text("rsd-studio") << std::endl;
    return 0;
  }
  rsd::app::init_runtime();

  rsd::ui::MainWindow window;
  window.show();
  window.openPaths(parser.positionalArguments());
  if (parser.isSet(grab)) {
    GrabPlan plan;
    plan.file = parser.value(grab);
    plan.mode = parser.value(mode);
    const QStringList r = parser.value(region).split(',');
    if (r.size() == 4) plan.region = QRect(r[0].toInt(), r[1].toInt(), r[2].toInt(), r[3].toInt());
    plan.teacher = parser.isSet(teacher);
    plan.queue = parser.isSet(queue);
    plan.zoom = parser.value(zoom).toDouble();
    if (parser.isSet(detail)) plan.detail = std::clamp(parser.value(detail).toInt(), 0, 100);
    if (parser.isSet(overlay)) plan.overlay = std::clamp(parser.value(overlay).toInt(), 0, 100);
    if (window.loadedPaths().isEmpty()) {
      grab_now(window, plan.file);
    } else {
      auto started = std::make_shared<bool>(false);
      QObject::connect(&window, &rsd::ui::MainWindow::photoShown, &window, [&window, plan, started] {
        if (*started) return;
        *started = true;
        run_grab(window, plan);
      });
    }
  }
  return QApplication::exec();
}
