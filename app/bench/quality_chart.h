// The quality-versus-time chart of `rsd-bench quality`: two panels (PSNR-Y and NIQE against
// seconds per image on a log axis), one colour per degradation, each point labelled with its
// method. Drawn with OpenCV primitives and written as PNG (no window is ever opened).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::bench {

struct ChartPoint {
  std::string method;   // point label
  std::string series;   // degradation; one colour each
  double seconds = 0;   // mean time per image (must be > 0 to be drawn)
  double psnr = 0;      // dB (higher is better)
  double niqe = 0;      // lower is better; NaN: not drawn in that panel
};

Status write_quality_chart(const std::vector<ChartPoint>& points,
                           const std::filesystem::path& png_file);

// One point of `rsd-bench detail`.
struct DetailPoint {
  std::string degradation;
  int samples = 1;
  double detail = 1;
  double psnr = 0;
  double niqe = 0;  // NaN: not drawn
};

// A row per degradation, PSNR-Y and NIQE against detail D (0..1), one line per K.
Status write_detail_chart(const std::vector<DetailPoint>& points, const std::filesystem::path& png_file);

}  // namespace rsd::bench
