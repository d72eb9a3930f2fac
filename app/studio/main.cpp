// rsd-studio: the desktop app. `rsd-studio [FILES or FOLDERS...]` opens what it is given.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <iostream>

#include "base/version.h"
#include "common/app_info.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName("rsd-studio");
  QApplication::setApplicationDisplayName("RSD Studio");
  QApplication::setOrganizationName("rsd-studio");
  QApplication::setApplicationVersion(RSD_VERSION_STRING);
  QApplication::setDesktopFileName("rsd-studio");

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Upscale photos 4x with one-step residual shifting diffusion."));
  parser.addHelpOption();
  QCommandLineOption version({"v", "version"}, QApplication::translate("main", "Show version information."));
  parser.addOption(version);
  QCommandLineOption grab("grab", QApplication::translate("main", "Save a screenshot of the window to FILE and quit."),
                          "FILE");
  parser.addOption(grab);
  parser.addPositionalArgument("paths", QApplication::translate("main", "Photos or folders to open."),
                               "[FILES or FOLDERS...]");
  parser.process(app);
  if (parser.isSet(version)) {
    std::cout << rsd::app::version_text("rsd-studio") << std::endl;
    return 0;
  }
  rsd::app::init_runtime();

  rsd::ui::MainWindow window;
  window.openPaths(parser.positionalArguments());
  window.show();
  if (parser.isSet(grab)) {
    const QString file = parser.value(grab);
    QTimer::singleShot(300, &window, [&window, file] {
      const bool ok = window.grab().save(file);
      QApplication::exit(ok ? 0 : 1);
    });
  }
  return QApplication::exec();
}
