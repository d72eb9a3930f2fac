// The outer loop shared by teacher training and RSD distillation: steps, progress lines,
// validation, checkpoints, cancellation (checkpoint, then Cancelled) and the final export.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "base/error.h"
#include "base/job_context.h"
#include "engine/train/loop_validation.h"
#include "engine/train/train_config.h"

namespace rsd::engine::train {

struct StepOutcome {
  double loss = 0.0;    // what the progress meter averages
  std::string extra;    // appended to the progress line (e.g. fake/disc/gan losses)
};

struct LoopHooks {
  std::string title;          // "teacher training", "RSD distillation"
  std::string cancel_noun;    // "training", "distillation"
  std::string patches;        // "N train / M held-out patches, <hardware>"
  std::filesystem::path exported_card;
  std::function<Result<StepOutcome>()> step;  // advances the trainer's step counter by one
  std::function<Result<ValidationResult>()> validate;
  std::function<Result<std::filesystem::path>()> save_checkpoint;
  std::function<Status()> export_model;
};

// `step` is the trainer's step counter (advanced by hooks.step); `wall_seconds` accumulates the
// training time across resumed runs and is up to date whenever a checkpoint is saved.
Status run_training_loop(const TrainConfig& config, const int& step, double& wall_seconds,
                         const LoopHooks& hooks, const JobContext& ctx);

}  // namespace rsd::engine::train
