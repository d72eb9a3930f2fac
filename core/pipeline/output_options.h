// OutputOptions: everything the user chooses about the files RSD Studio writes — format, depth,
// quality, where and under which name, what to do with existing files, metadata policy — plus
// the size limits enforced before decoding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

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

struct SizeLimits {
  uint64_t max_input_pixels = 250'000'000;     // 250 MP; 0 = no limit
  uint64_t max_output_pixels = 1'000'000'000;  // 1 GP; 0 = no limit
};

struct OutputOptions {
  // Unknown = the input's format (BMP, which holds no metadata or 16 bit, becomes PNG).
  imaging::ImageFormat format = imaging::ImageFormat::Unknown;
  int bit_depth = 0;  // 0 = the input's (8 or 16), else 8 or 16; JPEG and WebP are 8-bit only
  int jpeg_quality = 95;
  int webp_quality = 95;
  bool webp_lossless = false;
  int png_compression = 3;
  imaging::TiffCompression tiff_compression = imaging::TiffCompression::Lzw;

  std::filesystem::path output_dir;  // empty = next to the input
  // Tokens: {stem} input name without extension, {ext} output extension, {scale}, {model},
  // {date} (YYYY-MM-DD, local time). The result must be a plain file name.
  std::string name_template = "{stem}_x{scale}.{ext}";
  ExistingOutput existing = ExistingOutput::KeepBoth;
  // Besides the input itself, files that must never be written over (a batch passes all inputs).
  std::vector<std::filesystem::path> protected_paths;

  metadata::MetadataPolicy metadata;
  SizeLimits limits;
  imaging::WriteFaults write_faults;  // tests only: make the final write fail
};

// The format written for an input of `input_format` under `options`.
imaging::ImageFormat output_format(imaging::ImageFormat input_format, const OutputOptions& options);

}  // namespace rsd::pipeline
