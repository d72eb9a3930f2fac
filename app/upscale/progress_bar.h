// ProgressBar: one self-rewriting line on a terminal ("[####    ]  42%  file 2/5  ETA 0:13"),
// or nothing when stderr is not a terminal (logs stay clean for scripts).
#pragma once

#include <chrono>
#include <string>

namespace rsd::app {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  // fraction of the whole run in [0, 1]; label says what runs now.
  void update(double fraction, const std::string& label);
  // Clears the line so a message can be printed in its place.
  void clear();
  bool enabled() const { return enabled_; }

  // "1:05", "12:03:09"; "--:--" for unknown (negative) durations.
  static std::string format_duration(double seconds);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  size_t last_width_ = 0;
};

}  // namespace rsd::app
