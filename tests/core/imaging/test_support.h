// Helpers shared by the imaging, metadata and pipeline tests: temporary folders, synthetic
// pictures, fixtures with known metadata written by Exiv2 directly (independently of the code
// under test), file hashing, the exiftool probe and a fake bicubic upscaler.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/image.h"
#include "base/image_upscaler.h"

namespace rsd::test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "rsd-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / fs::u8path(name); }
  // Names of the entries in the folder, sorted.
  std::vector<std::string> list() const;

 private:
  fs::path path_;
};

// A smooth, asymmetric picture (no two quadrants alike) with values in [0, 1]; alpha (channel 3)
// is a horizontal ramp.
ImageF make_pattern(int width, int height, int channels);
// Blocky picture whose blocks have distinct colours: survives JPEG closely and shows any flip.
ImageF make_blocks(int width, int height, int channels);

// A PNG written byte by byte (uncompressed deflate blocks), for layouts OpenCV cannot write:
// colour_type 4 is gray + alpha. `samples` holds rows of interleaved 8-bit samples.
std::vector<uint8_t> raw_png(int width, int height, int colour_type, const std::vector<uint8_t>& samples);

std::vector<uint8_t> read_bytes(const fs::path& path);
void write_bytes(const fs::path& path, const std::vector<uint8_t>& bytes);
// FNV-1a of the file's bytes, plus its size: enough to detect any change in a test.
std::string file_digest(const fs::path& path);

// A small but well-formed ICC profile header (display class, RGB, no tags), `size` bytes.
std::vector<uint8_t> test_icc_profile();

struct FixtureMetadata {
  int orientation = 0;        // 0 = no tag
  bool camera = true;         // Make, Model, LensModel, DateTimeOriginal
  bool gps = true;            // GPS latitude/longitude in EXIF and XMP
  bool xmp = true;            // dc:title, dc:subject, tiff:ImageWidth
  bool iptc = true;           // Keywords, City
  bool icc = true;
  bool thumbnail = false;     // an EXIF thumbnail (JPEG only)
};
// `encoded` with the fixture metadata written in by Exiv2.
std::vector<uint8_t> add_fixture_metadata(const std::vector<uint8_t>& encoded, const FixtureMetadata& m);

// exiftool available on PATH?
bool have_exiftool();
// Every tag exiftool finds in `file` (one exiftool run, numeric values, -validate warnings
// included), keyed "Group1:TagName", e.g. "IFD0:Orientation", "XMP-dc:Subject", "ExifTool:Warning".
std::map<std::string, std::string> exiftool_tags(const fs::path& file);
// The whole stdout of a shell command.
std::string run_command(const std::string& command);

// Bicubic x`scale` through OpenCV; counts calls, can be made to fail.
class BicubicUpscaler : public ImageUpscaler {
 public:
  explicit BicubicUpscaler(int scale = 4) : scale_(scale) {}
  Result<ImageF> upscale(const ImageF& rgb, const JobContext& ctx) override;
  int scale() const override { return scale_; }
  std::string model_name() const override { return "bicubic-test"; }
  std::string device_name() const override { return "cpu"; }
  int calls = 0;
  bool fail = false;

 private:
  int scale_;
};

}  // namespace rsd::test
