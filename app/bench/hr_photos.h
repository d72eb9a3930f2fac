// The benchmark's photo set: HR photos from a folder, centre-cropped, and their two x4 LR inputs
// (clean MATLAB-bicubic, and realistic: with noise and JPEG, degradation.h). Shared by
// `rsd-bench quality` and `rsd-bench detail`.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/image.h"
#include "degradation.h"

namespace rsd::bench {

// Image files in `dir` (PNG, JPEG, TIFF, WebP, BMP), sorted; at most `limit` (0: all).
std::vector<std::filesystem::path> list_images(const std::filesystem::path& dir, int limit);

// The centre side x side of img (all of it when it is not larger).
ImageF centre_crop(const ImageF& img, int side);

struct PhotoInputs {
  ImageF hr;         // centre crop, a multiple of 4 on each side
  ImageF lr_clean;   // MATLAB antialiased bicubic x1/4
  ImageF lr_real;    // lr_clean with noise and one JPEG round trip (seed + index)
};

// Photo `index` of the list, read and prepared. Errors name the file.
Result<PhotoInputs> prepare_photo(const std::filesystem::path& file, size_t index, int crop,
                                  const DegradationOptions& degradation);

// The options both commands take: the photos, the crop, the report folder, the device and the
// realistic degradation.
struct PhotoSetArgs {
  std::string hr;
  int limit = 0;
  int crop = 0;
  std::string out = "bench-results";
  std::string device = "cpu";
  int threads = 0;
  DegradationOptions degradation;
};
void add_photo_set_options(CLI::App* command, PhotoSetArgs& args);

// Writes <out>/<stem>.json and <stem>.md (making the folder), then the chart through
// write_chart(<out>/<stem>.png), and prints the markdown. Returns `status`, or 2 when a report
// could not be written.
int finish_reports(const std::string& out, const std::string& stem, const nlohmann::json& report,
                   const std::string& markdown,
                   const std::function<Status(const std::filesystem::path& png)>& write_chart, int status);

}  // namespace rsd::bench
