// JobContext: what a long-running core call gets from its caller — a cancel token, a progress sink
// and a log sink. Nothing here is process-global, so two jobs never share state by accident.
//
// Threading: the callbacks run on the thread that runs the job; the cancel token may be set from
// any thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string_view>

namespace rsd {

class CancelToken {
 public:
  void cancel() { flag_.store(true, std::memory_order_relaxed); }
  void reset() { flag_.store(false, std::memory_order_relaxed); }
  bool cancelled() const { return flag_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> flag_{false};
};

enum class LogLevel { Debug, Info, Warning, Error };

struct JobContext {
  std::shared_ptr<CancelToken> cancel;  // may be null: the job cannot be cancelled
  // fraction in [0, 1] of this job; stage names what is running ("encode", "step 3/15", "tile 4/9")
  std::function<void(double fraction, std::string_view stage)> progress;
  std::function<void(LogLevel level, std::string_view message)> log;

  bool cancelled() const { return cancel && cancel->cancelled(); }
  void report(double fraction, std::string_view stage) const {
    if (progress) progress(fraction, stage);
  }
  void info(std::string_view message) const {
    if (log) log(LogLevel::Info, message);
  }
  void warn(std::string_view message) const {
    if (log) log(LogLevel::Warning, message);
  }

  // A context for a sub-range [begin, end) of this job's progress; shares cancel and log.
  JobContext slice(double begin, double end) const {
    JobContext sub{cancel, nullptr, log};
    if (progress) {
      auto parent = progress;
      sub.progress = [parent, begin, end](double f, std::string_view stage) {
        parent(begin + (end - begin) * f, stage);
      };
    }
    return sub;
  }
};

}  // namespace rsd
