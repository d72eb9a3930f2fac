// The requests and results that cross between the GUI thread and the inference worker. Plain
// values (QImage is implicitly shared and thread-safe to copy), registered for queued signals.
#pragma once

#include <QColorSpace>
#include <QImage>
#include <QMetaType>
#include <QRect>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

#include "base/error.h"
#include "base/image_upscaler.h"
#include "base/job_context.h"
#include "base/sample_set.h"

namespace rsd::ui {

// Which loaded model a request runs on.
enum class ModelRole { Student, Teacher };

// What to load: a card ("student", "teacher" or a path), a device ("auto", "cpu", "cuda"), the
// LR tile side (0 = automatic), the sampler seed and the precision ("auto", "fp32", "fp16",
// "bf16").
struct ModelSpec {
  QString card;
  QString device = QStringLiteral("auto");
  int tile = 0;
  quint64 seed = 12345;
  QString precision = QStringLiteral("auto");
  bool operator==(const ModelSpec& o) const {
    return card == o.card && device == o.device && tile == o.tile && seed == o.seed &&
           precision == o.precision;
  }
};

// Creates an upscaler; runs on the worker thread (the engine's factory in the app, fakes in tests).
using UpscalerFactory =
    std::function<Result<std::unique_ptr<ImageUpscaler>>(const ModelSpec& spec, ModelRole role)>;

struct PreviewRequest {
  quint64 id = 0;          // generation: results of older generations are dropped
  ModelRole role = ModelRole::Student;
  QImage lr_crop;          // the region plus its context margin (LR pixels, as stored)
  QRect inner;             // the region inside lr_crop (LR pixels); the result is cropped to it
  std::shared_ptr<CancelToken> cancel;
  int samples = 1;         // K samples (the detail control and the uncertainty map)
  double detail = 1.0;     // the blend `image` is made at
};

struct PreviewResult {
  quint64 id = 0;
  ModelRole role = ModelRole::Student;
  QImage image;            // the region upscaled (inner * scale), sRGB-ready, blended at the request's detail
  // The region's K samples (first, mean, spread; cropped like image, in the photo's colour
  // space), so another detail re-blends at once; null on failure.
  std::shared_ptr<const SampleSet> samples;
  QColorSpace color_space;  // of the samples
  // The first sample of several, sent ahead so the region shows at once; the full result (the
  // same id, partial false) follows.
  bool partial = false;
  int scale = 0;
  double seconds = 0.0;
  QString model, device;
  QString error;           // empty on success
  bool cancelled = false;
};

// Output settings of a batch item (copied per item so a settings change mid-batch is explicit).
struct OutputOptions {
  QString format = QStringLiteral("same");  // same | jpeg | png | tiff | webp
  int quality = 95;                         // JPEG/WebP quality 1..100
  QString metadata = QStringLiteral("keep");  // keep | strip-gps | strip-all
  bool overwrite = false;
  int samples = 1;            // drawn per photo when detail < 1 or a map is wanted (else one)
  double detail = 1.0;
  bool uncertainty_map = false;  // also write {output stem}_uncertainty.png
};

struct BatchTask {
  QString id;
  QString input, output;
  OutputOptions options;
  std::shared_ptr<CancelToken> cancel;
};

struct BatchResult {
  QString id;
  bool ok = false;
  bool cancelled = false;
  QString error;
  QSize output_size;
  double seconds = 0.0;
  QString uncertainty_map;  // the map written beside the output, if any
  QStringList warnings;     // e.g. a map that could not be written (the output is fine)
};

}  // namespace rsd::ui

Q_DECLARE_METATYPE(rsd::ui::PreviewResult)
Q_DECLARE_METATYPE(rsd::ui::BatchResult)
