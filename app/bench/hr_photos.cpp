#include "hr_photos.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "metrics/benchmark_images.h"
#include "metrics/image_file.h"
#include "report_io.h"

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

void add_photo_set_options(CLI::App* q, PhotoSetArgs& a) {
  q->add_option("--hr", a.hr, "Folder of high-resolution photos")->required()->check(CLI::ExistingDirectory);
  q->add_option("--limit", a.limit, "At most this many photos (0: all)");
  q->add_option("--crop", a.crop, "Centre crop of each HR photo, in pixels (0: whole photo)")->capture_default_str();
  q->add_option("--out", a.out, "Report folder")->capture_default_str();
  q->add_option("--device", a.device, "cpu, cuda or auto")->capture_default_str();
  q->add_option("--threads", a.threads, "LibTorch threads (0: all cores)");
  q->add_option("--noise-sigma", a.degradation.noise_sigma, "Realistic degradation: noise (8-bit levels)")
      ->capture_default_str();
  q->add_option("--jpeg-quality", a.degradation.jpeg_quality, "Realistic degradation: JPEG quality")
      ->capture_default_str();
  q->add_option("--seed", a.degradation.seed, "Realistic degradation: noise seed")->capture_default_str();
}

int finish_reports(const std::string& out, const std::string& stem, const nlohmann::json& report,
                   const std::string& markdown, const std::function<Status(const fs::path& png)>& write_chart,
                   int status) {
  auto jf = write_report_file(out, stem + ".json", report.dump(2) + "\n");
  auto mf = write_report_file(out, stem + ".md", markdown);
  const Status chart = jf ? write_chart(fs::path(out) / (stem + ".png")) : Status(jf.error());
  if (!jf || !mf || !chart.ok()) {
    std::fprintf(stderr, "rsd-bench: cannot write the reports in %s\n", out.c_str());
    return 2;
  }
  std::fputs(markdown.c_str(), stdout);
  std::fprintf(stderr, "rsd-bench: wrote %s, %s.md and %s.png\n", jf->c_str(), stem.c_str(), stem.c_str());
  return status;
}

}  // namespace rsd::bench
