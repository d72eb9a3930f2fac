// Helpers for the UI tests: waiting on the event loop, test photos made at runtime, pixel checks.
#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace rsd::ui::test {

// Processes events until `done` is true or `timeout_ms` passes; returns `done()`.
bool wait_until(const std::function<bool()>& done, int timeout_ms = 10000);

// A w x h test photo with structure (gradients and a checker block) so scalings differ visibly.
QImage make_photo(int w = 64, int h = 48, int seed = 0);
// Saves make_photo() as `name` in `dir`; returns the path.
QString write_photo(const QTemporaryDir& dir, const QString& name, int w = 64, int h = 48, int seed = 0);

// Mean colour of a rectangle.
QColor mean_color(const QImage& image, const QRect& rect);
// Every channel of a and b within tol levels of each other.
bool colors_near(const QColor& a, const QColor& b, int tol);

}  // namespace rsd::ui::test
