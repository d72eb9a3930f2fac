// Batch processing: a list of inputs through process_file(), one after another, continuing past
// failures and reporting each file's outcome. Used by the CLI and the GUI's queue.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "base/error.h"
#include "base/image_upscaler.h"
#include "base/job_context.h"
#include "pipeline/input_collection.h"
#include "pipeline/output_options.h"
#include "pipeline/process_file.h"

namespace rsd::pipeline {

struct BatchOptions {
  OutputOptions output;
  // With output.output_dir set: recreate each input's sub-folder (InputFile::relative_dir) there.
  bool mirror_folders = false;
  bool stop_on_error = false;  // default: report the failure and go on with the next file
};

enum class FileOutcome { Done, Skipped, Failed, Cancelled };

struct FileResult {
  InputFile input;
  FileOutcome outcome = FileOutcome::Failed;
  OutputInfo info;  // Done / Skipped
  Error error;      // Failed / Cancelled
};

struct BatchReport {
  std::vector<FileResult> files;
  size_t done = 0, skipped = 0, failed = 0, cancelled = 0;
};

// Called after each file (on the batch's thread), e.g. to update a row in the GUI.
using FileDoneCallback = std::function<void(size_t index, const FileResult&)>;

// Progress: file i of n covers [i/n, (i+1)/n). After cancellation the remaining files are
// reported as Cancelled without being touched.
BatchReport run_batch(const std::vector<InputFile>& inputs, const BatchOptions& options, ImageUpscaler& upscaler,
                      const JobContext& ctx, const FileDoneCallback& on_file_done = {});

}  // namespace rsd::pipeline
