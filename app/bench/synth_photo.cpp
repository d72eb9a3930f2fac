#include "synth_photo.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "imaging/file_io.h"
#include "imaging/image_encoder.h"
#include "imaging/image_format.h"
#include "imaging/row_writer.h"

namespace rsd::bench {
namespace {

struct SynthArgs {
  int width = 0;
  int height = 0;
  int quality = 92;
  std::string output;
};

float hash_noise(uint32_t x, uint32_t y) {
  uint32_t h = x * 374761393u + y * 668265263u;
  h = (h ^ (h >> 13)) * 1274126177u;
  return float((h ^ (h >> 16)) & 0xFFFF) / 65535.f - 0.5f;
}

// A sky-to-ground gradient, rolling hills, a brick-like block texture in the lower half,
// sinusoidal ripples and fine per-pixel noise (camera grain).
void fill_rows(ImageF& rows, int y0, int width, int height) {
  for (int r = 0; r < rows.height; ++r) {
    const int y = y0 + r;
    const float v = float(y) / float(height);
    float* out = rows.row(r);
    for (int x = 0; x < width; ++x) {
      const float u = float(x) / float(width);
      const float hill = 0.55f + 0.08f * std::sin(9.f * u) + 0.04f * std::sin(23.f * u + 1.f);
      const bool ground = v > hill;
      const bool brick = ground && ((x / 48 + (y / 24) % 2) % 2 == 0);
      const float ripple = 0.05f * std::sin(0.11f * float(x) + 0.07f * float(y));
      const float grain = 0.03f * hash_noise(uint32_t(x), uint32_t(y));
      const float base[3] = {ground ? 0.35f + 0.2f * brick : 0.45f + 0.3f * v,
                             ground ? 0.30f + 0.1f * brick : 0.60f + 0.2f * v,
                             ground ? 0.20f : 0.85f - 0.1f * v};
      for (int c = 0; c < 3; ++c) out[size_t(x) * 3 + c] = std::fmin(1.f, std::fmax(0.f, base[c] + ripple + grain));
    }
  }
}

int run(const SynthArgs& a) {
  namespace fs = std::filesystem;
  const fs::path out = fs::absolute(fs::u8path(a.output));
  imaging::RowWriterOptions o;
  o.width = a.width;
  o.height = a.height;
  o.channels = 3;
  o.encode.format = imaging::format_from_extension(out.extension().string());
  o.encode.bit_depth = 8;
  o.encode.jpeg_quality = a.quality;
  auto donor = imaging::encode_image(ImageF(8, 8, 3), o.encode);  // the encoder's own header
  if (!donor) {
    std::fprintf(stderr, "rsd-bench: %s: %s\n", a.output.c_str(), donor.error().what().c_str());
    return 2;
  }
  o.metadata_donor = std::move(donor.value());
  auto file = imaging::AtomicFileWriter::create(out.parent_path());
  if (!file) {
    std::fprintf(stderr, "rsd-bench: %s: %s\n", a.output.c_str(), file.error().what().c_str());
    return 1;
  }
  auto writer = imaging::open_row_writer(**file, o);
  Status st = writer ? Status() : Status(writer.error());
  for (int y = 0; st && y < a.height; y += 64) {
    ImageF rows(a.width, std::min(64, a.height - y), 3);
    fill_rows(rows, y, a.width, a.height);
    st = (*writer)->write_rows(rows);
  }
  if (st) st = (*writer)->finish();
  if (st) st = (*file)->commit(out, true);
  if (!st) {
    std::fprintf(stderr, "rsd-bench: %s: %s\n", a.output.c_str(), st.error().what().c_str());
    return 1;
  }
  std::printf("%s\t%dx%d\n", a.output.c_str(), a.width, a.height);
  return 0;
}

}  // namespace

void add_synth_photo_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* cmd = app.add_subcommand("synth-photo", "Write a synthetic photo of any size (JPEG, PNG or TIFF)");
  cmd->add_option("output", args->output, "Output file; the extension picks the format")->required();
  cmd->add_option("--width", args->width, "Width in pixels")->required()->check(CLI::Range(1, 65500));
  cmd->add_option("--height", args->height, "Height in pixels")->required()->check(CLI::Range(1, 65500));
  cmd->add_option("-q,--quality", args->quality, "JPEG quality")->capture_default_str()->check(CLI::Range(1, 100));
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace rsd::bench
