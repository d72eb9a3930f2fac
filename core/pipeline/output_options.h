// OutputOptions: everything the user chooses about the files RSD Studio writes — format, depth,
// quality, where and under which name, what to do with existing files, metadata policy — plus
// the size limits enforced before decoding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/diffusion/tile_planner.h"
#include "imaging/file_io.h"
#include "imaging/image_encoder.h"
#include "imaging/image_format.h"
#include "metadata/metadata_writer.h"

namespace rsd::pipeline {

// What happens when the output name is taken.
enum class ExistingOutput {
  KeepBoth,   // pick the next free name: "photo_x4_2.jpg", "photo_x4_3.jpg", ...
  Overwrite,  // replace it (atomically; never an input file)
  Skip,       // leave it and skip this input (resuming an interrupted batch)
};

// Refused from the file header, before decoding. Large outputs are upscaled in bands and streamed
// to disk (BandOptions), so memory no longer grows with the output: the output limit bounds time
// and disk space instead. 2 GP takes a 125-MP photo x4 (a 100-MP one gives 1.6 GP: about 50
// minutes on a 2-core CPU and, measured on a synthetic photo, a 311-MB JPEG).
struct SizeLimits {
  uint64_t max_input_pixels = 250'000'000;     // 250 MP; 0 = no limit
  uint64_t max_output_pixels = 2'000'000'000;  // 2 GP; 0 = no limit
};

// Outputs at least min_output_pixels large are made band by band: horizontal bands of input rows
// go through the model one at a time, neighbouring bands overlap and are cross-faded like tiles,
// and finished rows are encoded straight into the output file (JPEG, PNG, TIFF; WebP is
// collected as 8-bit and encoded at the end). The input stays as 8/16-bit samples. Peak memory
// is then about: input samples + one band + the model's working memory, whatever the output size.
struct BandOptions {
  // Below this, the whole picture is upscaled at once (as float, about 60 bytes per output pixel
  // at the peak) and encoded in memory. 0 = always banded.
  uint64_t min_output_pixels = 40'000'000;
  // What one band may hold while it is stitched (its output as float, plus the tiler's canvas):
  // sets the band height. 0 = 1 GiB.
  int64_t memory_bytes = 0;
  int rows = 0;      // input rows per band, overlap included; 0 = from memory_bytes (tests force it)
  int overlap = engine::kDefaultTileOverlap;  // input rows shared by neighbouring bands (as tiles)
};

struct OutputOptions {
  // Unknown = the input's format, except: BMP (no metadata, no 16 bit) becomes PNG; camera RAW
  // (never written) becomes 16-bit TIFF; HEIF/AVIF stay HEIF/AVIF when libheif can encode them
  // here and the source is 8-bit, else 16-bit TIFF (deeper sources: our HEIF encoder writes 8
  // bits) or JPEG (8-bit sources, no encoder).
  imaging::ImageFormat format = imaging::ImageFormat::Unknown;
  int bit_depth = 0;  // 0 = the input's (8 or 16), else 8 or 16; JPEG and WebP are 8-bit only
  int jpeg_quality = 95;
  int webp_quality = 95;
  bool webp_lossless = false;
  int png_compression = 3;
  int heif_quality = 90;
  imaging::TiffCompression tiff_compression = imaging::TiffCompression::Lzw;

  std::filesystem::path output_dir;  // empty = next to the input
  // Tokens: {stem} input name without extension, {ext} output extension, {scale}, {model},
  // {date} (YYYY-MM-DD, local time). The result must be a plain file name.
  std::string name_template = "{stem}_x{scale}.{ext}";
  ExistingOutput existing = ExistingOutput::KeepBoth;
  // Besides the input itself, files that must never be written over (a batch passes all inputs).
  std::vector<std::filesystem::path> protected_paths;

  // Also write the map of invented detail (pipeline/uncertainty_map.h) beside each output: the
  // spread of the upscaler's sampling().samples samples (all zero with one sample).
  bool uncertainty_map = false;

  metadata::MetadataPolicy metadata;
  SizeLimits limits;
  BandOptions bands;
  imaging::WriteFaults write_faults;  // tests only: make the final write fail
};

// The format written for an input of `input_format` with samples of `input_bit_depth` bits
// (8 when unknown) under `options`.
imaging::ImageFormat output_format(imaging::ImageFormat input_format, int input_bit_depth, const OutputOptions& options);
inline imaging::ImageFormat output_format(imaging::ImageFormat input_format, const OutputOptions& options) {
  return output_format(input_format, 8, options);
}

}  // namespace rsd::pipeline
