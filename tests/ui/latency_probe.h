// LatencyProbe (test-only): measures how responsive the GUI thread is. A 10 ms timer records the largest gap
// between its ticks beyond the interval: that is the longest the event loop was blocked.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace rsd::ui {

class LatencyProbe : public QObject {
  Q_OBJECT
 public:
  explicit LatencyProbe(QObject* parent = nullptr, int interval_ms = 10);
  void start();
  void stop();
  void reset();
  // The worst stall seen: the longest tick gap minus the interval, in milliseconds.
  double worstStallMs() const { return worst_ms_; }
  int ticks() const { return ticks_; }

 private:
  void tick();
  QTimer timer_;
  QElapsedTimer clock_;
  qint64 last_ns_ = 0;
  double worst_ms_ = 0.0;
  int interval_ms_;
  int ticks_ = 0;
};

}  // namespace rsd::ui
