// Photos in, photos out: one file through probe -> limits -> decode (+ EXIF orientation) ->
// model (RGB only; alpha and gray handled around it) -> encode -> metadata -> atomic write.
//
// The three stages are separate functions so the GUI can load and save on worker threads while
// the inference thread only runs upscale_pixels(); process_file() composes them for the CLI and
// batch. All are synchronous, honour ctx.cancel between stages, and never modify the input file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/image.h"
#include "base/image_upscaler.h"
#include "base/job_context.h"
#include "imaging/decoded_image.h"
#include "imaging/header_probe.h"
#include "metadata/photo_metadata.h"
#include "pipeline/output_options.h"

namespace rsd::pipeline {

struct LoadedInput {
  std::filesystem::path path;
  imaging::HeaderInfo header;       // as stored (before orientation)
  imaging::DecodedImage image;      // upright pixels, depth, alpha, gray, ICC profile
  metadata::PhotoMetadata metadata;
  std::vector<std::string> warnings;  // e.g. unreadable metadata (the pixels still load)
};

// Reads and decodes `path`. The size limits are checked from the header before decoding:
// max_input_pixels always, max_output_pixels when `scale` > 0. Errors carry the path as context:
// NotFound, Io, Unsupported (CMYK, unknown format), Format (corrupt), TooLarge, OutOfMemory.
// The ICC profile that travels with a decoded photo: the decoder's own (HEIF's colr box, the sRGB
// profile of converted CMYK or RAW pixels) replaces the one metadata::read_metadata() found;
// without one, the metadata's is the image's.
void adopt_decoder_profile(imaging::DecodedImage& image, metadata::PhotoMetadata& metadata);

Result<LoadedInput> load_input(const std::filesystem::path& path, const SizeLimits& limits, int scale = 0);

// Runs the model on the colour channels and rebuilds the channel layout of `image`: gray input
// goes through the model as RGB and comes back gray; alpha is resampled bicubically (clamped) and
// recombined. Returns `upscaler.scale()` times larger pixels with image.pixels' channel count.
// With `spread`, or when the upscaler's sampling() asks for more than one sample, the samples are
// drawn through upscale_samples() and blended at sampling().detail; their spread (one channel,
// output size) is stored in `spread` when given.
Result<ImageF> upscale_pixels(const imaging::DecodedImage& image, ImageUpscaler& upscaler, const JobContext& ctx,
                              ImageF* spread = nullptr);

struct OutputInfo {
  std::filesystem::path input;
  std::filesystem::path output;   // the file written (or the existing one, when skipped)
  bool skipped = false;           // ExistingOutput::Skip found the output already there
  std::filesystem::path uncertainty_map;  // the map written beside it (OutputOptions::uncertainty_map)
  imaging::ImageFormat format = imaging::ImageFormat::Unknown;
  int width = 0;
  int height = 0;
  int bit_depth = 0;
  std::vector<std::string> warnings;  // alpha flattened, 16 bit reduced, maker note dropped, ...
};

// Who made the output (for the name template and the metadata).
struct ModelInfo {
  int scale = 4;
  std::string model_name;
};

// Encodes `upscaled`, writes the metadata of `input` into it and stores it atomically under the
// planned name. Errors carry the output path as context; on error nothing is left behind.
Result<OutputInfo> save_output(const LoadedInput& input, const ImageF& upscaled, const OutputOptions& options,
                               const ModelInfo& model, const JobContext& ctx = {});

// The whole job for one file. Progress: decode 0-5 %, model 5-90 %, encode and write 90-100 %.
Result<OutputInfo> process_file(const std::filesystem::path& input, const OutputOptions& options,
                                ImageUpscaler& upscaler, const JobContext& ctx);

}  // namespace rsd::pipeline
