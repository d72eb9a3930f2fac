#include "pipeline/uncertainty_map.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "imaging/image_encoder.h"
#include "imaging/row_writer.h"
#include "pipeline/output_naming.h"

namespace rsd::pipeline {
namespace fs = std::filesystem;

namespace {

Status check_not_protected(const fs::path& map, const OutputOptions& options) {
  for (const auto& p : options.protected_paths)
    if (same_file(map, p))
      return Error(ErrorCode::InvalidArgument, "the uncertainty map's name is that of an input; not written",
                   map.u8string());
  return {};
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

fs::path uncertainty_map_path(const fs::path& output) {
  return output.parent_path() / (output.stem().string() + "_uncertainty.png");
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

Result<fs::path> UncertaintyMapWriter::commit(const fs::path& output, const OutputOptions& options) {
  const fs::path path = uncertainty_map_path(output);
  if (auto st = check_not_protected(path, options); !st) return st.error();
  if (auto st = impl_->rows->finish(); !st) return st.error().within(path.u8string());
  impl_->rows.reset();
  if (auto st = impl_->file->commit(path, true); !st) return st.error();
  return path;
}

Result<fs::path> write_uncertainty_map(const ImageF& spread, const fs::path& output, const OutputOptions& options) {
  const fs::path path = uncertainty_map_path(output);
  if (auto st = check_not_protected(path, options); !st) return st.error();
  imaging::EncodeOptions enc;
  enc.format = imaging::ImageFormat::Png;
  enc.bit_depth = 8;
  auto bytes = imaging::encode_image(spread_to_colors(spread), enc);
  if (!bytes) return bytes.error().within(path.u8string());
  imaging::AtomicWriteOptions w;
  w.replace_existing = true;
  w.faults = options.write_faults;
  if (auto st = imaging::write_file_atomically(path, bytes->data(), bytes->size(), w); !st) return st.error();
  return path;
}

}  // namespace rsd::pipeline
