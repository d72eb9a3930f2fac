#include "hr_photos.h"

#include <algorithm>
#include <cctype>

#include "metrics/benchmark_images.h"
#include "metrics/image_file.h"

namespace rsd::bench {
namespace fs = std::filesystem;

std::vector<fs::path> list_images(const fs::path& dir, int limit) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string ext = e.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    if (e.is_regular_file() && (ext == ".png" || ext == ".jpg" || ext == ".jpeg" ||
                                ext == ".tif" || ext == ".tiff" || ext == ".webp" || ext == ".bmp"))
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (limit > 0 && static_cast<int>(files.size()) > limit) files.resize(limit);
  return files;
}

ImageF centre_crop(const ImageF& img, int side) {
  if (side <= 0 || (img.width <= side && img.height <= side)) return img;
  const int w = std::min(side, img.width), h = std::min(side, img.height);
  return img.crop((img.width - w) / 2, (img.height - h) / 2, w, h);
}

Result<PhotoInputs> prepare_photo(const fs::path& file, size_t index, int crop,
                                  const DegradationOptions& degradation) {
  auto full = metrics::read_image_rgb(file.string());
  if (!full) return full.error();
  auto hr = metrics::mod_crop(centre_crop(*full, crop), 4);
  if (!hr) return hr.error().within(file.string());
  auto lr = metrics::make_low_resolution(*hr, 4);
  if (!lr) return lr.error().within(file.string());
  auto real = degrade_realistic(*lr, degradation.seed + index, degradation);
  if (!real) return real.error().within(file.string());
  return PhotoInputs{std::move(hr.value()), std::move(lr.value()), std::move(real.value())};
}

}  // namespace rsd::bench
