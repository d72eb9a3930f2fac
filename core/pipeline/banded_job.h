// process_file() for large photos: decode to 8/16-bit samples, upscale in bands
// (banded_upscale.h) and stream the rows into the output file (imaging/row_writer.h), so peak
// memory is bounded by the input samples, one band and the model, whatever the output size.
//
// The guarantees of the whole-image path hold: the output is written under a temporary name in
// its folder and only given its name when complete (an error or a cancel leaves nothing); the
// metadata is the same (written by the metadata writer into a small donor image of the output
// format and copied from there, so the big file is never loaded for it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/image_upscaler.h"
#include "base/job_context.h"
#include "imaging/header_probe.h"
#include "imaging/image_encoder.h"
#include "metadata/metadata_writer.h"
#include "pipeline/output_options.h"
#include "pipeline/process_file.h"

namespace rsd::pipeline {

// True when an input of `input_pixels` upscaled x`scale` takes the banded path. `sampled`: several
// samples per upscale (or a map), whose first sample, running mean and squared deviations, spread
// and blend factor add about half again to the whole-image path's peak, so the switch comes at
// two thirds of BandOptions::min_output_pixels.
bool takes_banded_path(uint64_t input_pixels, int scale, const BandOptions& options, bool sampled = false);

// The output channel count and bit depth for an input described by `header` (before decoding).
struct OutputShape {
  imaging::ImageFormat format = imaging::ImageFormat::Unknown;
  int channels = 3;
  int bit_depth = 8;
};
OutputShape output_shape(imaging::ImageFormat input_format, bool gray, bool has_alpha, int input_depth,
                         const OutputOptions& options);

// HEIF/AVIF outputs (whose metadata the encoder writes, not Exiv2): `source`'s records prepared
// as metadata::container_metadata() does, put into encode.container, and what HEIF could not keep
// (IPTC, a maker note that would not re-encode) appended to `warnings`. Both the whole-image and
// the banded path call it.
Status set_container_metadata(imaging::ImageFormat format, const metadata::PhotoMetadata& source,
                              const OutputOptions& options, const metadata::OutputFacts& facts,
                              imaging::EncodeOptions& encode, std::vector<std::string>& warnings);

// The banded job. `bytes` is the whole input file (released once decoded); its header has passed
// the size limits. Progress: decode 0-5 %, bands 5-97 % (rows are written as they finish),
// completing the file 97-100 %.
Result<OutputInfo> process_file_in_bands(const std::filesystem::path& input, std::vector<uint8_t> bytes,
                                         const OutputOptions& options, ImageUpscaler& upscaler,
                                         const JobContext& ctx);

}  // namespace rsd::pipeline
