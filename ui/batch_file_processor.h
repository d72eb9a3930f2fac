// Processes one batch item through core's pipeline (read → metadata → decode upright → upscale →
// encode → metadata written back → crash-safe write), to the exact output path the queue planned.
// Runs on the inference worker thread.
#pragma once

#include "base/error.h"
#include "base/image_upscaler.h"
#include "base/job_context.h"
#include "ui/inference_types.h"

namespace rsd::ui {

// Writes task.output (never a partial file: the bytes take the final name only when complete).
// Returns the output size and the map's path (empty: none) on success; an output that already
// exists is an error unless task.options.overwrite. Warnings go to ctx.warn.
struct BatchFileResult {
  QSize size;
  QString uncertainty_map;
};
Result<BatchFileResult> process_batch_file(const BatchTask& task, ImageUpscaler& upscaler, const JobContext& ctx);

}  // namespace rsd::ui
