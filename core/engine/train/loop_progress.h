// ProgressMeter: the training progress line (step, loss, learning rate, steps/s, ETA), in the
// spirit of the per-row rate/ETA display of video2x. Torch-free.
#pragma once

#include <chrono>
#include <deque>
#include <string>

namespace rsd::engine::train {

class ProgressMeter {
 public:
  // Steps are counted from `start_step` (a resumed run) to `total_steps`.
  ProgressMeter(int start_step, int total_steps);

  // Records that optimizer step `step` (1-based: steps done) finished with `loss`.
  void record(int step, double loss);
  // "step 120/5000 (2.4%) | loss 0.01234 avg 0.01300 | lr 4.10e-05 | 1.23 step/s | ETA 1h06m"
  std::string line(double lr) const;

  double steps_per_second() const;
  double elapsed_seconds() const;
  // Mean loss of the recorded window (the last `window` steps).
  double mean_loss() const;

  static std::string format_duration(double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr size_t kWindow = 50;

  int start_step_, total_steps_, step_ = 0;
  double last_loss_ = 0.0;
  Clock::time_point start_;
  std::deque<std::pair<Clock::time_point, double>> window_;  // (finish time, loss)
};

}  // namespace rsd::engine::train
