// rsd-upscale: the command-line upscaler for scripted batches. Files and folders in, one output
// per photo, errors reported per file; exit status 0 only when every file succeeded.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <memory>

#include "common/app_info.h"
#include "engine/model_locator.h"
#include "engine/upscaler.h"
#include "imaging/image_format.h"
#include "pipeline/batch.h"
#include "upscale/progress_bar.h"

namespace {

std::shared_ptr<rsd::CancelToken> g_cancel;

// First Ctrl+C: finish nothing new, keep what is written (outputs are atomic). Second: default.
void on_interrupt(int) {
  if (g_cancel) g_cancel->cancel();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

// Samples drawn when --uncertainty-map or --detail < 1 is given without --samples.
constexpr int kDefaultSamples = 4;

struct CliOptions {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::string model = "student";
  int steps = 0;
  std::string device = "auto";
  std::string precision = "auto";
  int tile = 0;
  uint64_t seed = 12345;
  int samples = 1;
  double detail = 1.0;
  bool uncertainty_map = false;
  int64_t max_memory_mb = 0;
  std::string format;
  int quality = 95;
  int bit_depth = 0;
  bool webp_lossless = false;
  std::string name_template = "{stem}_x{scale}.{ext}";
  bool overwrite = false;
  bool skip_existing = false;
  bool recursive = true;
  bool strip_gps = false;
  bool strip_metadata = false;
  double max_input_mp = 250;
  double max_output_mp = 2000;
  bool quiet = false;
  bool print_outputs = false;
};

void add_options(CLI::App& app, CliOptions& o) {
  app.add_option("inputs", o.inputs, "Photos or folders (folders are searched recursively)")->required();
  app.add_option("-o,--output", o.output_dir, "Output folder (default: next to each input)");
  app.add_option("-m,--model", o.model, "student, teacher, or a model card (.json)")->capture_default_str();
  app.add_option("--steps", o.steps, "Teacher sampling steps: 1 to the card's, that many of its timesteps evenly spaced (default: all)");
  app.add_option("--device", o.device, "cpu, cuda or auto")->capture_default_str();
  app.add_option("--precision", o.precision,
                 "Network precision: auto (bf16/fp16 on a GPU, bf16 on CPUs with native bf16, else "
                 "fp32), fp32, fp16 (GPU only) or bf16")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "fp32", "fp16", "bf16"}));
  app.add_option("--tile", o.tile, "Square tiles of this side in input pixels (0 = planned to fit the photo)");
  app.add_option("--seed", o.seed, "Noise seed (same seed, same result)")->capture_default_str();
  app.add_option("--samples", o.samples,
                 "Samples per photo, each with its own noise seed (each costs one model run; default 1, "
                 "or 4 with --uncertainty-map or --detail below 1)")
      ->check(CLI::Range(1, rsd::kMaxSamples));
  app.add_option("--detail", o.detail,
                 "0 = mean of the samples (most faithful, softest) to 1 = the first sample (most detail)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_flag("--uncertainty-map", o.uncertainty_map,
               "Also write {output stem}_uncertainty.png: where the samples disagree (invented detail)");
  app.add_option("--max-memory", o.max_memory_mb,
                 "Working memory bound in MiB used to size tiles and, for large photos, bands (0 = automatic)");
  app.add_option("-f,--format", o.format, "Output format: png, jpg, tif, webp, heic, avif (default: the input's; camera RAW: 16-bit tif)");
  app.add_option("-q,--quality", o.quality, "JPEG/WebP/HEIF/AVIF quality 1-100")->capture_default_str();
  app.add_option("--depth", o.bit_depth, "Output bit depth 8 or 16 (default: the input's)");
  app.add_flag("--webp-lossless", o.webp_lossless, "Write lossless WebP");
  app.add_option("--name", o.name_template, "Output name template: {stem} {ext} {scale} {model} {date}")
      ->capture_default_str();
  app.add_flag("--overwrite", o.overwrite, "Replace existing outputs (never an input)");
  app.add_flag("--skip-existing", o.skip_existing, "Skip inputs whose output already exists (resume)");
  app.add_flag("!--no-recursive", o.recursive, "Do not descend into sub-folders");
  app.add_flag("--strip-gps", o.strip_gps, "Remove GPS location from the output metadata");
  app.add_flag("--strip-metadata", o.strip_metadata, "Write no EXIF/XMP/IPTC (the ICC profile is kept)");
  app.add_option("--max-input-mp", o.max_input_mp, "Refuse inputs over this many megapixels")->capture_default_str();
  app.add_option("--max-output-mp", o.max_output_mp, "Refuse outputs over this many megapixels")->capture_default_str();
  app.add_flag("--quiet", o.quiet, "Print errors only");
  app.add_flag("--print-outputs", o.print_outputs, "Print each output path on stdout");
}

rsd::Result<rsd::pipeline::BatchOptions> batch_options(const CliOptions& o) {
  rsd::pipeline::BatchOptions b;
  auto& out = b.output;
  if (!o.format.empty()) {
    out.format = rsd::imaging::format_from_name(o.format);
    if (out.format == rsd::imaging::ImageFormat::Unknown || !rsd::imaging::can_write(out.format))
      return rsd::Error(rsd::ErrorCode::InvalidArgument, "cannot write format '" + o.format + "'", "--format");
  }
  if (o.bit_depth != 0 && o.bit_depth != 8 && o.bit_depth != 16)
    return rsd::Error(rsd::ErrorCode::InvalidArgument, "bit depth must be 8 or 16", "--depth");
  if (o.quality < 1 || o.quality > 100)
    return rsd::Error(rsd::ErrorCode::InvalidArgument, "quality must be 1-100", "--quality");
  if (o.overwrite && o.skip_existing)
    return rsd::Error(rsd::ErrorCode::InvalidArgument, "--overwrite and --skip-existing exclude each other");
  out.bit_depth = o.bit_depth;
  out.jpeg_quality = o.quality;
  out.webp_quality = o.quality;
  out.heif_quality = o.quality;
  out.webp_lossless = o.webp_lossless;
  out.output_dir = o.output_dir;
  out.name_template = o.name_template;
  out.existing = o.overwrite       ? rsd::pipeline::ExistingOutput::Overwrite
                 : o.skip_existing ? rsd::pipeline::ExistingOutput::Skip
                                   : rsd::pipeline::ExistingOutput::KeepBoth;
  out.uncertainty_map = o.uncertainty_map;
  out.metadata.strip_gps = o.strip_gps;
  out.metadata.strip_all = o.strip_metadata;
  if (o.max_memory_mb < 0)
    return rsd::Error(rsd::ErrorCode::InvalidArgument, "must be 0 (automatic) or a number of MiB", "--max-memory");
  // Large photos go through the model in bands whose stitched output is held as float: half the
  // bound for that, the model's tiles are sized from the whole bound (their estimate is generous).
  out.bands.memory_bytes = o.max_memory_mb * (int64_t(1) << 20) / 2;
  out.limits.max_input_pixels = uint64_t(o.max_input_mp * 1e6);
  out.limits.max_output_pixels = uint64_t(o.max_output_mp * 1e6);
  b.mirror_folders = !o.output_dir.empty();
  return b;
}

rsd::Result<std::unique_ptr<rsd::engine::Upscaler>> load_model(const CliOptions& o) {
  auto card_path = rsd::engine::locate_model_card(o.model);
  if (!card_path) return card_path.error();
  auto card = rsd::engine::ModelCard::load(*card_path);
  if (!card) return card.error();
  auto device = rsd::engine::parse_device(o.device);
  if (!device) return device.error();
  rsd::engine::UpscaleOptions uo;
  uo.steps = o.steps;
  uo.seed = o.seed;
  uo.samples = o.samples;
  uo.detail = o.detail;
  uo.tile = o.tile;
  uo.precision = o.precision;
  uo.max_memory_mb = o.max_memory_mb;
  return rsd::engine::Upscaler::create(*card, *device, uo);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"rsd-upscale: upscale photos 4x with one-step residual shifting diffusion"};
  app.set_version_flag("--version", [] { return rsd::app::version_text("rsd-upscale"); });
  CliOptions o;
  add_options(app, o);
  CLI11_PARSE(app, argc, argv);
  rsd::app::init_runtime();
  // One sample has no spread and nothing to blend: a map or a detail below 1 takes several.
  if (app.count("--samples") == 0 && (o.uncertainty_map || o.detail < 1.0)) o.samples = kDefaultSamples;
  if (o.samples == 1 && (o.uncertainty_map || o.detail < 1.0))
    std::cerr << "rsd-upscale: warning: with --samples 1 "
              << (o.uncertainty_map ? "the uncertainty map is all black" : "--detail changes nothing") << "\n";

  auto batch = batch_options(o);
  if (!batch) {
    std::cerr << "rsd-upscale: " << batch.error().what() << "\n";
    return 2;
  }
  std::vector<std::filesystem::path> paths(o.inputs.begin(), o.inputs.end());
  const auto collected = rsd::pipeline::collect_inputs(paths, o.recursive);
  for (const auto& s : collected.skipped) std::cerr << "rsd-upscale: " << s.path.string() << ": " << s.reason << "\n";
  if (collected.files.empty()) {
    std::cerr << "rsd-upscale: no photos to process\n";
    return 1;
  }
  for (const auto& f : collected.files) batch->output.protected_paths.push_back(f.path);
  if (!o.output_dir.empty()) {
    // Made up front, so a typo'd or read-only destination fails before any photo is processed.
    std::error_code ec;
    std::filesystem::create_directories(o.output_dir, ec);
    if (ec || !std::filesystem::is_directory(o.output_dir)) {
      std::cerr << "rsd-upscale: " << o.output_dir << ": cannot create the output folder"
                << (ec ? ": " + ec.message() : std::string()) << "\n";
      return 2;
    }
  }

  auto upscaler = load_model(o);
  if (!upscaler) {
    std::cerr << "rsd-upscale: " << upscaler.error().what() << "\n";
    return 1;
  }
  if (!o.quiet)
    std::cerr << "model " << (*upscaler)->model_name() << " on " << (*upscaler)->device_name() << ", "
              << collected.files.size() << " photo(s)\n";

  g_cancel = std::make_shared<rsd::CancelToken>();
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);

  rsd::app::ProgressBar bar(!o.quiet);
  const size_t n = collected.files.size();
  size_t current = 0;
  rsd::JobContext ctx;
  ctx.cancel = g_cancel;
  ctx.progress = [&](double f, std::string_view stage) {
    bar.update(f, "file " + std::to_string(current + 1) + "/" + std::to_string(n) + " " + std::string(stage));
  };
  auto on_done = [&](size_t index, const rsd::pipeline::FileResult& r) {
    current = index + 1;
    bar.clear();
    using rsd::pipeline::FileOutcome;
    const std::string in = r.input.path.string();
    if (r.outcome == FileOutcome::Done || r.outcome == FileOutcome::Skipped) {
      if (o.print_outputs) std::cout << r.info.output.string() << std::endl;
      if (!o.quiet && !o.print_outputs)
        std::cerr << (r.outcome == FileOutcome::Done ? "wrote " : "kept ") << r.info.output.string() << "\n";
      if (!o.quiet && !r.info.uncertainty_map.empty())
        std::cerr << "wrote " << r.info.uncertainty_map.string() << "\n";
      if (!o.quiet)
        for (const auto& w : r.info.warnings) std::cerr << "rsd-upscale: " << in << ": warning: " << w << "\n";
    } else if (r.outcome == FileOutcome::Failed) {
      std::cerr << "rsd-upscale: " << r.error.what() << "\n";
    }
  };
  const auto report = rsd::pipeline::run_batch(collected.files, *batch, **upscaler, ctx, on_done);
  bar.clear();
  if (!o.quiet || report.failed > 0 || report.cancelled > 0)
    std::cerr << report.done << " done, " << report.skipped << " skipped, " << report.failed << " failed"
              << (report.cancelled ? ", " + std::to_string(report.cancelled) + " cancelled" : "") << "\n";
  if (report.cancelled > 0) return 130;
  return (report.failed == 0 && collected.skipped.empty()) ? 0 : 1;
}
