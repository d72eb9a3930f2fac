#include "upscale/progress_bar.h"

#include <algorithm>
#include <cstdio>

#include <sys/ioctl.h>
#include <unistd.h>

namespace rsd::app {
namespace {

int terminal_width() {
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  return 80;
}

}  // namespace

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

std::string ProgressBar::format_duration(double seconds) {
  if (seconds < 0) return "--:--";
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

void ProgressBar::update(double fraction, const std::string& label) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // Redraw at most 10 times a second, but always draw the end.
  if (fraction < 1.0 && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  fraction = std::clamp(fraction, 0.0, 1.0);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double eta = fraction > 0.01 ? elapsed * (1.0 - fraction) / fraction : -1.0;

  const std::string tail = " " + std::to_string(int(fraction * 100 + 0.5)) + "%  " + label +
                           "  ETA " + format_duration(eta);
  const int width = terminal_width();
  const int bar = std::max(10, std::min(40, width - int(tail.size()) - 3));
  const int filled = int(fraction * bar + 0.5);
  std::string line = "[" + std::string(filled, '#') + std::string(bar - filled, ' ') + "]" + tail;
  if (int(line.size()) >= width) line.resize(width - 1);
  const size_t pad = last_width_ > line.size() ? last_width_ - line.size() : 0;
  std::fprintf(stderr, "\r%s%s", line.c_str(), std::string(pad, ' ').c_str());
  std::fflush(stderr);
  last_width_ = line.size();
}

void ProgressBar::clear() {
  if (!enabled_ || last_width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(last_width_, ' ').c_str());
  std::fflush(stderr);
  last_width_ = 0;
}

}  // namespace rsd::app
