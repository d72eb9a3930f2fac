#include "engine/train/loop_runner.h"

#include <chrono>

#include "engine/train/loop_progress.h"

namespace rsd::engine::train {

Status run_training_loop(const TrainConfig& config, const int& step, double& wall_seconds,
                         const LoopHooks& hooks, const JobContext& ctx) {
  using Clock = std::chrono::steady_clock;
  ProgressMeter meter(step, config.steps);
  auto mark = Clock::now();
  auto account = [&] {
    const auto now = Clock::now();
    wall_seconds += std::chrono::duration<double>(now - mark).count();
    mark = now;
  };
  ctx.info(hooks.title + ": " + hooks.patches);
  while (step < config.steps) {
    if (ctx.cancelled()) {
      account();
      auto saved = hooks.save_checkpoint();
      if (!saved) return saved.error();
      return Error(ErrorCode::Cancelled,
                   hooks.cancel_noun + " cancelled; checkpoint at step " + std::to_string(step));
    }
    auto outcome = hooks.step();
    if (!outcome) return outcome.error();
    meter.record(step, outcome->loss);
    ctx.report(double(step) / config.steps, "step " + std::to_string(step));
    const bool last = step == config.steps;
    if (step % config.log_interval == 0 || last) ctx.info(meter.line(config.lr_at(step - 1)) + outcome->extra);
    if ((config.val_interval > 0 && step % config.val_interval == 0) || last) {
      auto val = hooks.validate();
      if (!val) return val.error();
      if (val->count > 0) ctx.info("step " + std::to_string(step) + " " + val->line());
    }
    if ((config.checkpoint_interval > 0 && step % config.checkpoint_interval == 0) || last) {
      account();
      auto saved = hooks.save_checkpoint();
      if (!saved) return saved.error();
      ctx.info("checkpoint " + saved->string());
    }
  }
  account();
  if (auto st = hooks.export_model(); !st) return st;
  ctx.info("exported " + hooks.exported_card.string() + " after " + ProgressMeter::format_duration(wall_seconds));
  return {};
}

}  // namespace rsd::engine::train
