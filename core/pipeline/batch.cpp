#include "pipeline/batch.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/output_naming.h"

namespace rsd::pipeline {
namespace fs = std::filesystem;

BatchReport run_batch(const std::vector<InputFile>& inputs, const BatchOptions& options, ImageUpscaler& upscaler,
                      const JobContext& ctx, const FileDoneCallback& on_file_done) {
  BatchReport report;
  OutputOptions base = options.output;
  // No output of this batch may replace one of its inputs (e.g. "a.png" and "a_x4.png").
  for (const auto& in : inputs) base.protected_paths.push_back(in.path);

  bool stop = false;
  const size_t n = inputs.size();
  for (size_t i = 0; i < n; ++i) {
    FileResult r;
    r.input = inputs[i];
    if (stop || ctx.cancelled()) {
      r.outcome = FileOutcome::Cancelled;
      r.error = Error(ErrorCode::Cancelled, stop ? "not run: an earlier file failed" : "cancelled",
                      inputs[i].path.u8string());
    } else {
      OutputOptions opt = base;
      Status dir_ok;
      std::vector<fs::path> made_folders;  // folders made for this file's output
      if (!opt.output_dir.empty()) {
        // The chosen folder (and mirrored sub-folders) are made as needed, before any work.
        if (options.mirror_folders && !inputs[i].relative_dir.empty()) opt.output_dir /= inputs[i].relative_dir;
        auto made = make_output_folders(opt.output_dir);
        if (made) made_folders = std::move(made.value());
        else dir_ok = made.error();
      }
      ctx.info("processing " + inputs[i].path.u8string());
      auto res = dir_ok ? process_file(inputs[i].path, opt, upscaler, ctx.slice(double(i) / n, double(i + 1) / n))
                        : Result<OutputInfo>(dir_ok.error());
      if (res) {
        r.info = std::move(res.value());
        r.outcome = r.info.skipped ? FileOutcome::Skipped : FileOutcome::Done;
      } else {
        r.error = res.error();
        r.outcome = r.error.code == ErrorCode::Cancelled ? FileOutcome::Cancelled : FileOutcome::Failed;
        // A file that wrote nothing leaves no empty folder behind.
        remove_empty_folders(made_folders);
        if (r.outcome == FileOutcome::Failed) {
          if (ctx.log) ctx.log(LogLevel::Error, r.error.what());
          stop = options.stop_on_error;
        }
      }
    }
    switch (r.outcome) {
      case FileOutcome::Done: ++report.done; break;
      case FileOutcome::Skipped: ++report.skipped; break;
      case FileOutcome::Failed: ++report.failed; break;
      case FileOutcome::Cancelled: ++report.cancelled; break;
    }
    report.files.push_back(std::move(r));
    if (on_file_done) on_file_done(i, report.files.back());
  }
  ctx.report(1.0, "batch done");
  return report;
}

}  // namespace rsd::pipeline
