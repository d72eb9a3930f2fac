// The map of invented detail: the per-pixel spread of K samples (base/sample_set.h) as an 8-bit
// colour-mapped PNG written beside the output, "{output stem}_uncertainty.png".
//
// Scale: the spread (standard deviation over the samples, RMS over R, G, B, in [0, 1] pixel
// units) is divided by kSpreadFullScale and clamped, then coloured with the "inferno" map: black
// where every sample agrees, through purple and orange, to pale yellow at a spread of
// kSpreadFullScale (8 levels of 255) and above. The shipped student's samples differ by about 1.5
// levels on average (README, Detail), so most of a photo is dark and edges and texture light up.
#pragma once

#include <filesystem>
#include <memory>

#include "base/error.h"
#include "base/image.h"
#include "imaging/file_io.h"
#include "pipeline/output_options.h"

namespace rsd::pipeline {

inline constexpr float kSpreadFullScale = 8.f / 255.f;

// 1-channel spread -> 3-channel colours in [0, 1] (exactly 0, i.e. black, where the spread is 0).
ImageF spread_to_colors(const ImageF& spread);

// "photo_x4.jpg" -> "photo_x4_uncertainty.png" in the same folder (n > 1: "..._uncertainty_n.png").
std::filesystem::path uncertainty_map_path(const std::filesystem::path& output, int n = 1);

// Streams a map into a temporary file beside `output`, for the banded path.
class UncertaintyMapWriter {
 public:
  static Result<std::unique_ptr<UncertaintyMapWriter>> open(const std::filesystem::path& folder, int width,
                                                             int height, const imaging::WriteFaults& faults = {});
  ~UncertaintyMapWriter();
  Status write_rows(const ImageF& spread_rows);
  // Finishes the PNG and names it after `output` (see write_uncertainty_map for the name).
  Result<std::filesystem::path> commit(const std::filesystem::path& output, const std::filesystem::path& input,
                                       const OutputOptions& options);

 private:
  UncertaintyMapWriter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The whole-image path: encodes and writes the map of `spread` for `output` atomically. The name
// is uncertainty_map_path(output); a file already there is replaced only with
// ExistingOutput::Overwrite, else the next free "..._uncertainty_n.png" is taken (two outputs
// "photo_x4.jpg" and "photo_x4.png" never share a map); never `input` or a protected path.
Result<std::filesystem::path> write_uncertainty_map(const ImageF& spread, const std::filesystem::path& output,
                                                    const std::filesystem::path& input,
                                                    const OutputOptions& options);

}  // namespace rsd::pipeline
