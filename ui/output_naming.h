// Where a batch item is written: the output folder (or the photo's own folder) plus a name made
// from the pipeline's template (same tokens as rsd-upscale: {stem}, {ext} (output extension),
// {scale}, {model}, {date}).
#pragma once

#include <QString>
#include <QStringList>

namespace rsd::ui {

struct OutputPlan {
  QString folder;                                 // empty: next to the input
  QString naming = QStringLiteral("{stem}_x{scale}.{ext}");
  QString format = QStringLiteral("same");        // same | jpeg | png | tiff | webp
  int scale = 4;
  QString model;
};

// The extension written for `format` given the input's extension ("same" keeps the input's
// when it is writable, else png).
QString output_extension(const QString& format, const QString& input_suffix);

// The output path for `input`. Never equal to `input` (a "_x4" suffix is forced if the template
// would overwrite the source).
QString output_path(const QString& input, const OutputPlan& plan);

// Files under `paths` that look like photos: folders are searched recursively, sorted, hidden
// and temporary files (".rsd-tmp-*") skipped, duplicates dropped.
QStringList collect_photo_files(const QStringList& paths);

}  // namespace rsd::ui
