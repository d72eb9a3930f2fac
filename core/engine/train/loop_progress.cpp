#include "engine/train/loop_progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rsd::engine::train {

ProgressMeter::ProgressMeter(int start_step, int total_steps)
    : start_step_(start_step), total_steps_(total_steps), step_(start_step), start_(Clock::now()) {}

void ProgressMeter::record(int step, double loss) {
  step_ = step;
  last_loss_ = loss;
  window_.emplace_back(Clock::now(), loss);
  if (window_.size() > kWindow) window_.pop_front();
}

double ProgressMeter::elapsed_seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

double ProgressMeter::steps_per_second() const {
  // Rate over the recent window (the first steps include warm-up costs); the whole run until the
  // window holds two points.
  if (window_.size() >= 2) {
    const double dt = std::chrono::duration<double>(window_.back().first - window_.front().first).count();
    if (dt > 0) return static_cast<double>(window_.size() - 1) / dt;
  }
  const double dt = elapsed_seconds();
  return dt > 0 && step_ > start_step_ ? (step_ - start_step_) / dt : 0.0;
}

double ProgressMeter::mean_loss() const {
  if (window_.empty()) return 0.0;
  double sum = 0.0;
  for (const auto& [time, loss] : window_) sum += loss;
  return sum / static_cast<double>(window_.size());
}

std::string ProgressMeter::format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char buf[48];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

std::string ProgressMeter::line(double lr) const {
  const double rate = steps_per_second();
  const double eta = rate > 0 ? (total_steps_ - step_) / rate : NAN;
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "step %d/%d (%.1f%%) | loss %.5f avg %.5f | lr %.2e | %.3f step/s | ETA %s", step_,
                total_steps_, 100.0 * step_ / std::max(1, total_steps_), last_loss_, mean_loss(), lr,
                rate, format_duration(eta).c_str());
  return buf;
}

}  // namespace rsd::engine::train
