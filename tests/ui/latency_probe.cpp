#include "latency_probe.h"

#include <algorithm>

namespace rsd::ui {

LatencyProbe::LatencyProbe(QObject* parent, int interval_ms) : QObject(parent), interval_ms_(interval_ms) {
  timer_.setTimerType(Qt::PreciseTimer);
  timer_.setInterval(interval_ms);
  connect(&timer_, &QTimer::timeout, this, &LatencyProbe::tick);
}

void LatencyProbe::start() {
  clock_.start();
  last_ns_ = 0;
  timer_.start();
}

void LatencyProbe::stop() { timer_.stop(); }

void LatencyProbe::reset() {
  worst_ms_ = 0.0;
  ticks_ = 0;
  last_ns_ = clock_.isValid() ? clock_.nsecsElapsed() : 0;
}

void LatencyProbe::tick() {
  const qint64 now = clock_.nsecsElapsed();
  const double gap_ms = (now - last_ns_) / 1e6;
  last_ns_ = now;
  ++ticks_;
  worst_ms_ = std::max(worst_ms_, gap_ms - interval_ms_);
}

}  // namespace rsd::ui
