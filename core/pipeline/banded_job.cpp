#include "pipeline/banded_job.h"

#include <algorithm>
#include <string>

#include "imaging/channel_ops.h"
#include "imaging/image_decoder.h"
#include "imaging/row_writer.h"
#include "metadata/metadata_writer.h"
#include "pipeline/banded_upscale.h"
#include "pipeline/output_naming.h"
#include "pipeline/uncertainty_map.h"

namespace rsd::pipeline {
namespace fs = std::filesystem;
namespace {

// libjpeg's optimized Huffman tables need every DCT coefficient of the picture at once: 2 bytes
// per sample, 3 samples per pixel at 4:4:4.
constexpr uint64_t kJpegOptimizeBytesPerPixel = 6;

// The metadata writer's output for the big picture, written into an 8x8 image of its format.
Result<std::vector<uint8_t>> metadata_donor(const OutputShape& shape, const imaging::EncodeOptions& enc,
                                            const metadata::PhotoMetadata& md, const OutputOptions& options,
                                            const metadata::OutputFacts& facts, bool* dropped) {
  ImageF tiny(8, 8, shape.channels);
  std::fill(tiny.data.begin(), tiny.data.end(), 0.5f);
  auto bytes = imaging::encode_image(tiny, enc);
  if (!bytes) return bytes.error();
  return metadata::embed_metadata(bytes.value(), shape.format, md, options.metadata, facts, dropped);
}

}  // namespace

Status set_container_metadata(imaging::ImageFormat format, const metadata::PhotoMetadata& source,
                              const OutputOptions& options, const metadata::OutputFacts& facts,
                              imaging::EncodeOptions& encode, std::vector<std::string>& warnings) {
  auto container = metadata::container_metadata(source, options.metadata, facts);
  if (!container) return container.error();
  if (container->dropped_iptc)
    warnings.push_back(std::string(imaging::to_string(format)) + " has no place for IPTC; it was left out");
  if (container->dropped_maker_note) warnings.push_back("the camera maker note could not be rewritten and was dropped");
  encode.container = {std::move(container->exif), std::move(container->xmp), std::move(container->icc)};
  return {};
}

bool takes_banded_path(uint64_t input_pixels, int scale, const BandOptions& options, bool sampled) {
  const long double out = (long double)input_pixels * scale * scale;
  const long double threshold = (long double)options.min_output_pixels * (sampled ? 2.0L / 3.0L : 1.0L);
  return out >= threshold;
}

OutputShape output_shape(imaging::ImageFormat input_format, bool gray, bool has_alpha, int input_depth,
                         const OutputOptions& options) {
  OutputShape s;
  s.format = output_format(input_format, input_depth, options);
  const int wanted = options.bit_depth == 0 ? (input_depth > 8 ? 16 : 8) : options.bit_depth;
  s.bit_depth = imaging::effective_bit_depth(s.format, wanted);
  // As save_output(): gray stays gray, alpha is kept or flattened onto white.
  s.channels = has_alpha && imaging::supports_alpha(s.format) ? 4 : gray && !imaging::is_heif_family(s.format) ? 1 : 3;
  return s;
}

Result<OutputInfo> process_file_in_bands(const fs::path& input, std::vector<uint8_t> bytes,
                                         const OutputOptions& options, ImageUpscaler& upscaler,
                                         const JobContext& ctx) {
  const std::string where = input.u8string();
  const ModelInfo model{upscaler.scale(), upscaler.model_name()};
  std::vector<std::string> warnings;
  ctx.report(0.0, "decode");
  auto md = metadata::read_metadata(bytes.data(), bytes.size());
  if (!md) warnings.push_back("metadata ignored: " + md.error().message);
  metadata::PhotoMetadata meta = md ? std::move(md.value()) : metadata::PhotoMetadata();
  imaging::DecodeOptions dopt;
  dopt.orientation = meta.orientation();
  dopt.max_pixels = options.limits.max_input_pixels;
  imaging::IntegerImage px;
  auto layout = imaging::decode_image_integer(bytes.data(), bytes.size(), dopt, px);
  if (!layout) return layout.error().within(where);
  bytes = std::vector<uint8_t>();
  adopt_decoder_profile(layout.value(), meta);
  warnings.insert(warnings.end(), layout->warnings.begin(), layout->warnings.end());
  for (const auto& w : warnings) ctx.warn(where + ": " + w);
  if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled", where);

  const OutputShape shape = output_shape(layout->format, layout->gray, layout->has_alpha, layout->bit_depth, options);
  OutputInfo info;
  info.input = input;
  info.format = shape.format;
  info.width = px.width * model.scale;
  info.height = px.height * model.scale;
  info.bit_depth = shape.bit_depth;
  const int wanted_depth = options.bit_depth == 0 ? layout->bit_depth : options.bit_depth;
  if (info.bit_depth < wanted_depth)
    warnings.push_back(std::string(imaging::to_string(info.format)) + " stores 8 bits per sample; 16-bit precision reduced");
  const bool flatten = layout->has_alpha && shape.channels != 4;
  if (flatten)
    warnings.push_back(std::string(imaging::to_string(info.format)) + " has no alpha; transparency flattened onto white");

  // The folder is fixed now; the final name is chosen again when the file is complete.
  const NameTokens tokens = make_tokens(input, layout->format, info.format, model.scale, model.model_name);
  auto plan = plan_output_path(input, tokens, options);
  if (!plan) return plan.error();
  info.output = plan->path;
  const std::string out_ctx = plan->path.u8string();
  auto file = imaging::AtomicFileWriter::create(plan->path.parent_path(), options.write_faults);
  if (!file) return Error(file.error().code, file.error().message, out_ctx);

  imaging::RowWriterOptions ro;
  ro.width = info.width;
  ro.height = info.height;
  ro.channels = shape.channels;
  ro.encode.format = info.format;
  ro.encode.bit_depth = info.bit_depth;
  ro.encode.jpeg_quality = options.jpeg_quality;
  ro.encode.webp_quality = options.webp_quality;
  ro.encode.webp_lossless = options.webp_lossless;
  ro.encode.png_compression = options.png_compression;
  ro.encode.tiff_compression = options.tiff_compression;
  ro.encode.heif_quality = options.heif_quality;
  const uint64_t out_pixels = uint64_t(info.width) * uint64_t(info.height);
  // Optimized Huffman tables while their coefficient buffer takes at most half the band budget.
  ro.jpeg_optimize = out_pixels * kJpegOptimizeBytesPerPixel <= uint64_t(band_memory_bytes(options.bands)) / 2;
  metadata::OutputFacts facts;
  facts.width = info.width;
  facts.height = info.height;
  facts.scale = model.scale;
  facts.model_name = model.model_name;
  const bool heif = imaging::is_heif_family(info.format);
  std::vector<uint8_t> donor;
  if (heif) {  // the encoder writes the metadata itself
    if (auto st = set_container_metadata(info.format, meta, options, facts, ro.encode, warnings); !st)
      return st.error().within(where);
  } else {
    bool dropped_maker_note = false;
    auto made = metadata_donor(shape, ro.encode, meta, options, facts, &dropped_maker_note);
    if (!made) return made.error().within(where);
    if (dropped_maker_note) warnings.push_back("the camera maker note could not be rewritten and was dropped");
    donor = std::move(made.value());
  }

  // WebP, HEIF and AVIF have no streaming encoder: their rows are held at 8 bits and encoded whole.
  const bool buffered = info.format == imaging::ImageFormat::Webp || heif;
  std::unique_ptr<imaging::RowWriter> writer;
  imaging::BufferedRowWriter* whole = nullptr;
  if (buffered) {
    auto w = imaging::BufferedRowWriter::open(ro);
    if (!w) return w.error().within(where);
    whole = w.value().get();
    writer = std::move(w.value());
  } else {
    ro.metadata_donor = std::move(donor);
    auto w = imaging::open_row_writer(**file, ro);
    if (!w) return w.error().within(out_ctx);
    writer = std::move(w.value());
  }

  // The bands' rows in the writer's layout: alpha flattened where the format has none, gray as
  // gray, or as RGB where the format has no gray (HEIF, AVIF).
  auto sink = [&](const ImageF& rows) -> Status {
    if (!flatten && rows.channels == shape.channels) return writer->write_rows(rows);
    ImageF fitted = flatten ? imaging::flatten_alpha(rows, 1.f) : rows;
    if (shape.channels == 1 && fitted.channels == 3) fitted = imaging::rgb_to_gray(fitted);
    if (shape.channels == 3 && fitted.channels == 1) fitted = imaging::gray_to_rgb(fitted);
    return writer->write_rows(fitted);
  };
  std::unique_ptr<UncertaintyMapWriter> map;
  RowSink spread_sink;
  if (options.uncertainty_map) {
    auto m = UncertaintyMapWriter::open(plan->path.parent_path(), info.width, info.height, options.write_faults);
    if (!m) return m.error().within(uncertainty_map_path(plan->path).u8string());
    map = std::move(m.value());
    spread_sink = [&](const ImageF& rows) { return map->write_rows(rows); };
  }
  if (auto st = upscale_in_bands(px, layout.value(), upscaler, options.bands, sink, ctx.slice(0.05, 0.97),
                                 map ? &spread_sink : nullptr);
      !st)
    return st.error().within(st.error().code == ErrorCode::Io ? out_ctx : where);
  px = imaging::IntegerImage();  // the input samples are no longer needed
  ctx.report(0.97, "write");
  if (auto st = writer->finish(); !st) return st.error().within(st.error().code == ErrorCode::Io ? out_ctx : where);
  if (whole && heif) {
    if (auto st = (*file)->write(whole->encoded().data(), whole->encoded().size()); !st) return st.error().within(out_ctx);
  } else if (whole) {
    auto with_metadata = metadata::embed_metadata(whole->encoded(), info.format, meta, options.metadata, facts);
    if (!with_metadata) return with_metadata.error().within(where);
    writer.reset();
    if (auto st = (*file)->write(with_metadata->data(), with_metadata->size()); !st) return st.error().within(out_ctx);
  }
  writer.reset();
  if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled", where);

  // As save_output(): a file may appear under the planned name meanwhile; plan again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto final_plan = plan_output_path(input, tokens, options);
    if (!final_plan) return final_plan.error();
    info.output = final_plan->path;
    if (final_plan->exists && options.existing == ExistingOutput::Skip) {
      info.skipped = true;
      return info;
    }
    auto st = (*file)->commit(final_plan->path, options.existing == ExistingOutput::Overwrite);
    if (st) {
      if (map) {  // as on the whole-image path: the output stays, a failed map is a warning
        auto written = map->commit(info.output, input, options);
        if (written)
          info.uncertainty_map = written.value();
        else
          warnings.push_back("the uncertainty map was not written: " + written.error().what());
      }
      info.warnings = std::move(warnings);
      ctx.report(1.0, "done");
      return info;
    }
    if (!imaging::is_already_exists(st.error()) || options.existing == ExistingOutput::Overwrite) return st.error();
  }
  return Error(ErrorCode::Io, "the output name kept being taken by another writer", info.output.u8string());
}

}  // namespace rsd::pipeline
