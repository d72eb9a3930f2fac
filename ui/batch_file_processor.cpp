#include "ui/batch_file_processor.h"

#include <QFileInfo>

#include <algorithm>

#include "imaging/image_format.h"
#include "pipeline/output_naming.h"
#include "pipeline/process_file.h"

namespace rsd::ui {

Result<BatchFileResult> process_batch_file(const BatchTask& task, ImageUpscaler& upscaler, const JobContext& ctx) {
  namespace fs = std::filesystem;
  const fs::path input = task.input.toStdString();
  const fs::path output = task.output.toStdString();
  pipeline::OutputOptions o;
  if (task.options.format != QLatin1String("same"))
    o.format = imaging::format_from_name(task.options.format.toStdString());
  else  // the planned name's extension (ui/output_naming.cpp) is the format, so name and content agree
    o.format = imaging::format_from_extension(output.extension().string());
  if (!imaging::can_write(o.format)) o.format = imaging::ImageFormat::Unknown;
  o.jpeg_quality = o.webp_quality = o.heif_quality = task.options.quality;
  // The queue planned the exact output path when the item was added (and shows it); the pipeline
  // is given that name verbatim so the file written is the file the row names.
  o.output_dir = output.parent_path();
  o.name_template = output.filename().string();
  o.existing = task.options.overwrite ? pipeline::ExistingOutput::Overwrite : pipeline::ExistingOutput::Skip;
  o.protected_paths = {input};
  o.metadata.strip_all = task.options.metadata == QLatin1String("strip-all");
  o.metadata.strip_gps = task.options.metadata == QLatin1String("strip-gps");
  o.uncertainty_map = task.options.uncertainty_map;
  // More than one sample only where it changes something: a blend below 100 % or a map.
  const bool sampled = task.options.detail < 1.0 || task.options.uncertainty_map;
  upscaler.set_sampling({sampled ? std::max(1, task.options.samples) : 1, task.options.detail});
  auto made = pipeline::make_output_folders(o.output_dir);
  if (!made) return made.error();
  auto info = pipeline::process_file(input, o, upscaler, ctx);
  if (!info) {
    pipeline::remove_empty_folders(made.value());  // a failed item leaves no empty folder
    return info.error();
  }
  if (info->skipped) return Error(ErrorCode::Io, "the output already exists", info->output.string());
  for (const std::string& w : info->warnings) ctx.warn(w);
  return BatchFileResult{QSize(info->width, info->height), QString::fromStdString(info->uncertainty_map.string())};
}

}  // namespace rsd::ui
