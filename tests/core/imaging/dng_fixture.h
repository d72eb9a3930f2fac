// Test fixtures written with libtiff at test time: a small but valid DNG (a 16-bit RGGB Bayer
// mosaic of four coloured quadrants, with camera tags and an EXIF IFD), and plain TIFFs that a
// RAW reader must refuse. Used by the RAW decoder tests and by end-to-end tests that need a
// camera file whose pixels and metadata are known.
//
// The DNG's camera space IS linear sRGB (ColorMatrix1 is the inverse of sRGB's RGB->XYZ, D65),
// so a correct developer renders each quadrant as the sRGB encoding of its linear colour.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace rsd::test {

using LinearRgb = std::array<float, 3>;

struct DngSpec {
  int width = 64;       // even (whole 2x2 CFA cells)
  int height = 48;      // even
  int orientation = 1;  // TIFF Orientation 1..8, applied by the developer, not to the mosaic
  std::string make = "RSD";
  std::string model = "Test Camera";
  // Linear colours in [0, 1] of the quadrants as stored (before Orientation): top-left,
  // top-right, bottom-left, bottom-right.
  std::array<LinearRgb, 4> quadrants = {{
      {0.50f, 0.02f, 0.02f},  // red
      {0.02f, 0.50f, 0.02f},  // green
      {0.02f, 0.02f, 0.50f},  // blue
      {0.18f, 0.18f, 0.18f},  // mid gray
  }};
  // The camera's response to white (AsShotNeutral). The mosaic is scaled by it, so developing
  // with the as-shot white balance gives back `quadrants` whatever it is.
  LinearRgb as_shot_neutral = {1.0f, 1.0f, 1.0f};
  uint16_t black_level = 256;
  uint16_t white_level = 16383;
  bool exif = true;  // an EXIF IFD with the four fields below
  std::string date_time_original = "2024:05:17 10:30:00";
  // libtiff stores these RATIONALs from floats (1/250 becomes 8589935/2147483648, 5.6 becomes
  // 11744051/2097152): compare them as numbers, not as strings.
  double exposure_time = 1.0 / 250.0;
  double f_number = 5.6;
  uint16_t iso = 200;
};

// The DNG file's bytes. Throws std::runtime_error when libtiff fails (a broken test setup).
std::vector<uint8_t> make_test_dng(const DngSpec& spec = {});

// A plain (non-RAW) TIFF: `samples` 1 (gray) or 3 (RGB), `bits` 8 or 16, a smooth ramp, with a
// camera Make and `model` when `make` is not empty (as a camera's own TIFF mode writes them).
std::vector<uint8_t> make_plain_tiff(int width, int height, int samples, int bits,
                                     const std::string& make = {}, const std::string& model = "Test Camera");

}  // namespace rsd::test
