// Torch-free entry points of the two training jobs, for the rsd-train command line and tools.
//
// Both run synchronously on the calling thread until the configured number of steps is done or
// ctx.cancel is set (then a checkpoint is written and Cancelled is returned). Progress lines,
// validation results and file names go to ctx.log; ctx.progress gets the fraction done.
#pragma once

#include <string>

#include "base/error.h"
#include "base/job_context.h"
#include "engine/train/train_config.h"

namespace rsd::engine::train {

struct TrainJobSpec {
  std::string card;    // teacher: card of the network to train; distill: card of the teacher
  std::string data;    // patch dataset (overrides the config's "data" when not empty)
  std::string out;     // output folder (overrides the config's "out" when not empty)
  std::string config;  // training config JSON (optional)
  bool resume = false; // continue from the newest checkpoint in `out`
};

// The config file (if any) read on top of `base`, with the spec's data/out applied and
// OMP-style thread settings made; InvalidArgument when data or out is still empty.
Result<TrainConfig> resolve_job_config(const TrainJobSpec& spec, const TrainConfig& base);

// ResShift teacher training; exports <out>/<card name>.safetensors + .json (EMA weights).
Status run_teacher_training(const TrainJobSpec& spec, const JobContext& ctx);
// RSD distillation of the teacher card's network into a one-step student; exports
// <out>/<teacher name>-rsd.safetensors + .json (EMA student weights).
Status run_rsd_distillation(const TrainJobSpec& spec, const JobContext& ctx);

}  // namespace rsd::engine::train
