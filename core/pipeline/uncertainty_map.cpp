#include "pipeline/uncertainty_map.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "imaging/image_encoder.h"
#include "imaging/row_writer.h"
#include "pipeline/output_naming.h"

namespace rsd::pipeline {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxMapNames = 1000;

// Tries the map's names in turn with `write(path, replace)` until one takes.
Result<fs::path> store_under_free_name(const fs::path& output, const fs::path& input, const OutputOptions& options,
                                       const std::function<Status(const fs::path&, bool)>& write) {
  const bool replace = options.existing == ExistingOutput::Overwrite;
  for (int n = 1; n <= kMaxMapNames; ++n) {
    const fs::path path = uncertainty_map_path(output, n);
    std::error_code ec;
    if (is_protected(path, input, options) || (!replace && fs::exists(path, ec))) continue;
    Status st = write(path, replace);
    if (st) return path;
    if (!imaging::is_already_exists(st.error())) return st.error();
  }
  return Error(ErrorCode::Io, "no free name for the uncertainty map", uncertainty_map_path(output).u8string());
}

}  // namespace

ImageF spread_to_colors(const ImageF& spread) {
  ImageF out(spread.width, spread.height, 3);
  if (spread.empty()) return out;
  cv::Mat level(spread.height, spread.width, CV_8UC1);
  for (int y = 0; y < spread.height; ++y) {
    const float* src = spread.row(y);
    uint8_t* dst = level.ptr<uint8_t>(y);
    for (int x = 0; x < spread.width; ++x)
      dst[x] = uint8_t(std::lround(std::clamp(src[x] / kSpreadFullScale, 0.f, 1.f) * 255.f));
  }
  cv::Mat bgr;
  cv::applyColorMap(level, bgr, cv::COLORMAP_INFERNO);
  for (int y = 0; y < spread.height; ++y) {
    const cv::Vec3b* src = bgr.ptr<cv::Vec3b>(y);
    float* dst = out.row(y);
    const uint8_t* lv = level.ptr<uint8_t>(y);
    // Inferno starts at (0, 0, 4): where the samples agree the map is exactly black.
    for (int x = 0; x < spread.width; ++x)
      for (int c = 0; c < 3; ++c) dst[3 * x + c] = lv[x] == 0 ? 0.f : src[x][2 - c] / 255.f;
  }
  return out;
}

fs::path uncertainty_map_path(const fs::path& output, int n) {
  const std::string suffix = n > 1 ? "_uncertainty_" + std::to_string(n) + ".png" : "_uncertainty.png";
  return output.parent_path() / fs::u8path(output.stem().u8string() + suffix);
}

struct UncertaintyMapWriter::Impl {
  std::unique_ptr<imaging::AtomicFileWriter> file;
  std::unique_ptr<imaging::RowWriter> rows;
};

UncertaintyMapWriter::UncertaintyMapWriter() : impl_(std::make_unique<Impl>()) {}
UncertaintyMapWriter::~UncertaintyMapWriter() = default;

Result<std::unique_ptr<UncertaintyMapWriter>> UncertaintyMapWriter::open(const fs::path& folder, int width,
                                                                         int height,
                                                                         const imaging::WriteFaults& faults) {
  std::unique_ptr<UncertaintyMapWriter> w(new UncertaintyMapWriter());
  auto file = imaging::AtomicFileWriter::create(folder, faults);
  if (!file) return file.error();
  w->impl_->file = std::move(file.value());
  imaging::RowWriterOptions ro;
  ro.width = width;
  ro.height = height;
  ro.channels = 3;
  ro.encode.format = imaging::ImageFormat::Png;
  ro.encode.bit_depth = 8;
  auto rows = imaging::open_row_writer(*w->impl_->file, ro);
  if (!rows) return rows.error();
  w->impl_->rows = std::move(rows.value());
  return w;
}

Status UncertaintyMapWriter::write_rows(const ImageF& spread_rows) {
  return impl_->rows->write_rows(spread_to_colors(spread_rows));
}

Result<fs::path> UncertaintyMapWriter::commit(const fs::path& output, const fs::path& input,
                                              const OutputOptions& options) {
  if (auto st = impl_->rows->finish(); !st) return st.error().within(uncertainty_map_path(output).u8string());
  impl_->rows.reset();
  return store_under_free_name(output, input, options,
                               [&](const fs::path& path, bool replace) { return impl_->file->commit(path, replace); });
}

Result<fs::path> write_uncertainty_map(const ImageF& spread, const fs::path& output, const fs::path& input,
                                       const OutputOptions& options) {
  imaging::EncodeOptions enc;
  enc.format = imaging::ImageFormat::Png;
  enc.bit_depth = 8;
  auto bytes = imaging::encode_image(spread_to_colors(spread), enc);
  if (!bytes) return bytes.error().within(uncertainty_map_path(output).u8string());
  return store_under_free_name(output, input, options, [&](const fs::path& path, bool replace) {
    imaging::AtomicWriteOptions w;
    w.replace_existing = replace;
    w.faults = options.write_faults;
    return imaging::write_file_atomically(path, bytes->data(), bytes->size(), w);
  });
}

}  // namespace rsd::pipeline
