#include "pipeline/process_file.h"

#include <string>

#include "imaging/channel_ops.h"
#include "imaging/file_io.h"
#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"
#include "imaging/row_writer.h"
#include "metadata/metadata_writer.h"
#include "pipeline/banded_job.h"
#include "pipeline/banded_upscale.h"
#include "pipeline/output_naming.h"
#include "pipeline/uncertainty_map.h"

namespace rsd::pipeline {
namespace fs = std::filesystem;
namespace {

std::string megapixels(uint64_t pixels) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MP", double(pixels) / 1e6);
  return buf;
}

Status check_limits(const imaging::HeaderInfo& h, const SizeLimits& limits, int scale) {
  const std::string size = std::to_string(h.width) + "x" + std::to_string(h.height);
  if (limits.max_input_pixels != 0 && h.pixel_count() > limits.max_input_pixels)
    return Error(ErrorCode::TooLarge, "the image is " + size + " (" + megapixels(h.pixel_count()) +
                                          "), over the input limit of " + megapixels(limits.max_input_pixels));
  // 2^32 x 2^32 x scale^2 could overflow: compare in long double.
  const long double out = (long double)h.pixel_count() * scale * scale;
  if (scale > 0 && limits.max_output_pixels != 0 && out > (long double)limits.max_output_pixels)
    return Error(ErrorCode::TooLarge, "the x" + std::to_string(scale) + " output of this " + size +
                                          " image would be " + megapixels(uint64_t(out)) +
                                          ", over the output limit of " + megapixels(limits.max_output_pixels));
  return {};
}

}  // namespace

void adopt_decoder_profile(imaging::DecodedImage& image, metadata::PhotoMetadata& metadata) {
  if (image.icc_profile.empty())
    image.icc_profile = metadata.icc_profile();
  else if (image.color_converted || image.icc_profile != metadata.icc_profile())
    metadata = metadata.with_icc_profile(image.icc_profile);
}

namespace {

Status cancelled_check(const JobContext& ctx) {
  if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled");
  return {};
}

Result<LoadedInput> load_from_bytes(const fs::path& path, const std::vector<uint8_t>& bytes,
                                    const SizeLimits& limits, int scale) {
  const std::string ctx = path.u8string();
  auto header = imaging::probe_header(bytes.data(), bytes.size());
  if (!header) return header.error().within(ctx);
  if (auto st = check_limits(header.value(), limits, scale); !st) return st.error().within(ctx);

  LoadedInput in;
  in.path = path;
  in.header = header.value();
  auto md = metadata::read_metadata(bytes.data(), bytes.size());
  if (md)
    in.metadata = std::move(md.value());
  else
    in.warnings.push_back("metadata ignored: " + md.error().message);

  imaging::DecodeOptions opt;
  opt.orientation = in.metadata.orientation();
  opt.max_pixels = limits.max_input_pixels;
  auto decoded = imaging::decode_image(bytes.data(), bytes.size(), opt);
  if (!decoded) return decoded.error().within(ctx);
  in.image = std::move(decoded.value());
  adopt_decoder_profile(in.image, in.metadata);
  in.warnings.insert(in.warnings.end(), in.image.warnings.begin(), in.image.warnings.end());
  return in;
}

}  // namespace

Result<LoadedInput> load_input(const fs::path& path, const SizeLimits& limits, int scale) {
  auto bytes = imaging::read_file(path);
  if (!bytes) return bytes.error();
  return load_from_bytes(path, bytes.value(), limits, scale);
}

Result<ImageF> upscale_pixels(const imaging::DecodedImage& image, ImageUpscaler& upscaler, const JobContext& ctx,
                              ImageF* spread) {
  const ImageF& px = image.pixels;
  if (px.empty()) return Error(ErrorCode::InvalidArgument, "no pixels to upscale");
  // Gray with alpha arrives as RGBA with equal colour channels; plain gray as one channel.
  const ImageF rgb = px.channels == 1 ? imaging::gray_to_rgb(px) : px.channels == 4 ? imaging::take_channels(px, 0, 3) : px;
  auto up = upscale_with_spread(upscaler, rgb, ctx, spread);
  if (!up) return up.error();
  const int s = upscaler.scale();
  if (up->channels != 3 || up->width != px.width * s || up->height != px.height * s)
    return Error(ErrorCode::Internal, "the model returned " + std::to_string(up->width) + "x" +
                                          std::to_string(up->height) + "x" + std::to_string(up->channels) +
                                          ", expected x" + std::to_string(s) + " RGB");
  if (auto st = cancelled_check(ctx); !st) return st.error();
  if (!image.has_alpha) return restore_layout(std::move(up.value()), nullptr, image.gray);
  auto alpha = imaging::resize_plane(imaging::take_channels(px, 3, 1), up->width, up->height);
  if (!alpha) return alpha.error();
  return restore_layout(std::move(up.value()), &alpha.value(), image.gray);
}

Result<OutputInfo> save_output(const LoadedInput& input, const ImageF& upscaled, const OutputOptions& options,
                               const ModelInfo& model, const JobContext& ctx) {
  OutputInfo info;
  info.input = input.path;
  info.format = output_format(input.image.format, input.image.bit_depth, options);
  info.width = upscaled.width;
  info.height = upscaled.height;
  const int wanted_depth = options.bit_depth == 0 ? input.image.bit_depth : options.bit_depth;
  info.bit_depth = imaging::effective_bit_depth(info.format, wanted_depth);
  if (info.bit_depth < wanted_depth)
    info.warnings.push_back(std::string(imaging::to_string(info.format)) + " stores 8 bits per sample; 16-bit precision reduced");

  const ImageF* pixels = &upscaled;
  ImageF flattened;
  if (upscaled.channels == 4 && !imaging::supports_alpha(info.format)) {
    flattened = imaging::flatten_alpha(upscaled, 1.f);
    if (input.image.gray) flattened = imaging::rgb_to_gray(flattened);
    pixels = &flattened;
    info.warnings.push_back(std::string(imaging::to_string(info.format)) + " has no alpha; transparency flattened onto white");
  }

  imaging::EncodeOptions enc;
  enc.format = info.format;
  enc.bit_depth = info.bit_depth;
  enc.jpeg_quality = options.jpeg_quality;
  enc.webp_quality = options.webp_quality;
  enc.webp_lossless = options.webp_lossless;
  enc.png_compression = options.png_compression;
  enc.tiff_compression = options.tiff_compression;
  enc.heif_quality = options.heif_quality;

  metadata::OutputFacts facts;
  facts.width = upscaled.width;
  facts.height = upscaled.height;
  facts.scale = model.scale;
  facts.model_name = model.model_name;
  if (imaging::is_heif_family(info.format)) {  // the encoder writes the metadata itself
    if (auto st = set_container_metadata(info.format, input.metadata, options, facts, enc, info.warnings); !st)
      return st.error().within(input.path.u8string());
  }
  ctx.report(0.0, "encode");
  auto encoded = imaging::encode_image(*pixels, enc);
  if (!encoded) return encoded.error().within(input.path.u8string());

  std::vector<uint8_t> with_metadata_bytes;
  if (imaging::is_heif_family(info.format)) {
    with_metadata_bytes = std::move(encoded.value());
  } else {
    bool dropped_maker_note = false;
    auto embedded = metadata::embed_metadata(encoded.value(), info.format, input.metadata, options.metadata, facts,
                                             &dropped_maker_note);
    if (!embedded) return embedded.error().within(input.path.u8string());
    if (dropped_maker_note) info.warnings.push_back("the camera maker note could not be rewritten and was dropped");
    with_metadata_bytes = std::move(embedded.value());
  }
  encoded = std::vector<uint8_t>();  // release the first copy before writing
  const std::vector<uint8_t>* with_metadata = &with_metadata_bytes;
  if (auto st = cancelled_check(ctx); !st) return st.error();

  ctx.report(0.5, "write");
  const NameTokens tokens = make_tokens(input.path, input.image.format, info.format, model.scale, model.model_name);
  // A file may appear under the planned name between planning and writing: plan again.
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto plan = plan_output_path(input.path, tokens, options);
    if (!plan) return plan.error();
    info.output = plan->path;
    if (plan->exists && options.existing == ExistingOutput::Skip) {
      info.skipped = true;
      return info;
    }
    imaging::AtomicWriteOptions w;
    w.replace_existing = options.existing == ExistingOutput::Overwrite;
    w.faults = options.write_faults;
    auto st = imaging::write_file_atomically(plan->path, with_metadata->data(), with_metadata->size(), w);
    if (st) {
      ctx.report(1.0, "done");
      return info;
    }
    if (!imaging::is_already_exists(st.error()) || options.existing == ExistingOutput::Overwrite) return st.error();
  }
  return Error(ErrorCode::Io, "the output name kept being taken by another writer", info.output.u8string());
}

Result<OutputInfo> process_file(const fs::path& input, const OutputOptions& options, ImageUpscaler& upscaler,
                                const JobContext& ctx) {
  const std::string where = input.u8string();
  ctx.report(0.0, "decode");
  auto bytes = imaging::read_file(input);
  if (!bytes) return bytes.error();
  const ModelInfo model{upscaler.scale(), upscaler.model_name()};

  // Skip before any decoding when the output is already there.
  if (options.existing == ExistingOutput::Skip) {
    const auto header = imaging::probe_header(bytes->data(), bytes->size());
    const auto in_format = header ? header->format : imaging::sniff_format(bytes->data(), bytes->size());
    const int in_depth = header ? header->bit_depth : 8;
    const auto tokens =
        make_tokens(input, in_format, output_format(in_format, in_depth, options), model.scale, model.model_name);
    auto plan = plan_output_path(input, tokens, options);
    if (!plan) return plan.error();
    if (plan->exists) {
      OutputInfo info;
      info.input = input;
      info.output = plan->path;
      info.skipped = true;
      return info;
    }
  }

  // Refuse what cannot be done before decoding (sizes from the header; the decoder reports a bad
  // header itself), then send large photos down the banded, streamed path.
  if (auto header = imaging::probe_header(bytes->data(), bytes->size())) {
    if (auto st = check_limits(header.value(), options.limits, model.scale); !st) return st.error().within(where);
    const OutputShape shape = output_shape(header->format, header->gray, header->has_alpha, header->bit_depth, options);
    const std::string problem = imaging::format_size_problem(
        shape.format, uint64_t(header->width) * model.scale, uint64_t(header->height) * model.scale,
        shape.channels, shape.bit_depth, options.tiff_compression);
    if (!problem.empty()) return Error(ErrorCode::TooLarge, problem, where);
    if (takes_banded_path(header->pixel_count(), model.scale, options.bands,
                          draws_samples(upscaler, options.uncertainty_map)))
      return process_file_in_bands(input, std::move(bytes.value()), options, upscaler, ctx);
  }

  auto loaded = load_from_bytes(input, bytes.value(), options.limits, model.scale);
  if (!loaded) return loaded.error();
  bytes = std::vector<uint8_t>();
  for (const auto& w : loaded->warnings) ctx.warn(where + ": " + w);
  if (auto st = cancelled_check(ctx); !st) return st.error().within(where);

  ImageF spread;
  auto upscaled = upscale_pixels(loaded->image, upscaler, ctx.slice(0.05, 0.9),
                                 options.uncertainty_map ? &spread : nullptr);
  if (!upscaled) return upscaled.error().within(where);
  loaded->image.pixels = ImageF();  // the input pixels are no longer needed
  if (auto st = cancelled_check(ctx); !st) return st.error().within(where);

  auto saved = save_output(loaded.value(), upscaled.value(), options, model, ctx.slice(0.9, 1.0));
  if (!saved) return saved.error();
  if (options.uncertainty_map && !saved->skipped) {
    // The output is complete and stays: a map that cannot be written is a warning, not a failure.
    auto map = write_uncertainty_map(spread, saved->output, input, options);
    if (map)
      saved->uncertainty_map = map.value();
    else
      saved->warnings.push_back("the uncertainty map was not written: " + map.error().what());
  }
  saved->warnings.insert(saved->warnings.begin(), loaded->warnings.begin(), loaded->warnings.end());
  return saved;
}

}  // namespace rsd::pipeline
