#include "train/train_commands.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <memory>

#include "base/job_context.h"
#include "common/app_info.h"
#include "engine/train/loop_jobs.h"

namespace rsd::app::train {
namespace {

// Set from the SIGINT handler; CancelToken's flag is a lock-free atomic.
std::shared_ptr<CancelToken> g_cancel;

extern "C" void on_interrupt(int) {
  if (g_cancel) g_cancel->cancel();
}

std::string timestamp() {
  const std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&now));
  return buf;
}

void run_job(const engine::train::TrainJobSpec& spec, bool distill) {
  init_runtime();
  g_cancel = std::make_shared<CancelToken>();
  std::signal(SIGINT, on_interrupt);
  JobContext ctx;
  ctx.cancel = g_cancel;
  ctx.log = [](LogLevel level, std::string_view message) {
    auto& out = level == LogLevel::Info || level == LogLevel::Debug ? std::cout : std::cerr;
    out << "[" << timestamp() << "] " << message << std::endl;
  };
  const Status st = distill ? engine::train::run_rsd_distillation(spec, ctx)
                            : engine::train::run_teacher_training(spec, ctx);
  std::signal(SIGINT, SIG_DFL);
  if (!st) {
    std::cerr << "rsd-train: " << st.error().what() << std::endl;
    throw CLI::RuntimeError(st.error().code == ErrorCode::Cancelled ? 130 : 1);
  }
  throw CLI::Success();
}

void add_common(CLI::App* cmd, engine::train::TrainJobSpec& spec) {
  cmd->add_option("--data", spec.data, "Patch dataset (.rsdp from `rsd-train pack`); overrides the config's \"data\"");
  cmd->add_option("--out", spec.out, "Output folder for checkpoints, log and the exported model; overrides \"out\"");
  cmd->add_option("--config", spec.config,
                  "Training config JSON (batch_size, steps, lr, warmup_steps, lr_schedule, betas, "
                  "ema_rate, seed, checkpoint_interval, val_interval, degradation, distill{...})")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--resume", spec.resume, "Continue from the newest checkpoint in --out");
}

}  // namespace

void add_train_commands(CLI::App& app) {
  auto teacher_spec = std::make_shared<engine::train::TrainJobSpec>();
  CLI::App* teacher = app.add_subcommand(
      "teacher",
      "Train a ResShift teacher (x0-prediction MSE, AdamW, EMA) for the network and codec of a "
      "model card; exports the EMA weights as <out>/<name>.safetensors with an updated card.");
  teacher->add_option("--card", teacher_spec->card, "Model card JSON of the network to train")
      ->required()
      ->check(CLI::ExistingFile);
  add_common(teacher, *teacher_spec);
  teacher->callback([teacher_spec] { run_job(*teacher_spec, /*distill=*/false); });

  auto distill_spec = std::make_shared<engine::train::TrainJobSpec>();
  CLI::App* distill = app.add_subcommand(
      "distill",
      "Distil a trained teacher into a one-step RSD student (K fake-model updates per student "
      "update, multistep training, GAN head; no LPIPS); exports <out>/<teacher>-rsd.safetensors "
      "with a student card.");
  distill->add_option("--teacher", distill_spec->card, "Model card JSON of the trained teacher")
      ->required()
      ->check(CLI::ExistingFile);
  add_common(distill, *distill_spec);
  distill->callback([distill_spec] { run_job(*distill_spec, /*distill=*/true); });
}

}  // namespace rsd::app::train
