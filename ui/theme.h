// Theme: follows the system palette, or forces a light or dark Fusion palette.
#pragma once

#include <QString>

class QApplication;

namespace rsd::ui {

// theme: "system", "light" or "dark". Call on the GUI thread; widgets repaint on their own.
void apply_theme(QApplication& app, const QString& theme);

}  // namespace rsd::ui
