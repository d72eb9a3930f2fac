#include "train/pack_command.h"

#include <torch/types.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "engine/train/patch_dataset.h"
#include "train/photo_sources.h"

namespace rsd::app::train {
namespace {

namespace et = rsd::engine::train;

struct CropPlan {
  int x = 0, y = 0, side = 0;
  std::string kind;  // "native", "scaled" or "rescale"
};

// Integer in [lo, hi] from the generator (std::uniform_int_distribution is not specified to give
// the same numbers on every standard library; this is).
int uniform_int(std::mt19937_64& gen, int lo, int hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<int>(gen() % span);
}
double uniform01(std::mt19937_64& gen) { return static_cast<double>(gen() >> 11) * 0x1.0p-53; }

// FNV-1a: a name hash that is the same on every platform (std::hash is not).
std::uint64_t stable_hash(const std::string& text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

CropPlan plan_crop(const std::string& mode, int w, int h, int size, std::mt19937_64& gen) {
  CropPlan plan;
  const int short_side = std::min(w, h);
  if (mode == "rescale" || (mode == "mix" && uniform01(gen) < 0.1)) {
    plan.side = std::max(short_side, size);
    plan.kind = "rescale";
  } else {
    double scale = 1.0;
    if (mode == "mix") {
      constexpr double kScales[3] = {1.0, 0.75, 0.5};
      scale = kScales[uniform_int(gen, 0, 2)];
    }
    plan.side = std::min(static_cast<int>(std::lround(size / scale)), std::max(short_side, size));
    plan.kind = plan.side == size ? "native" : "scaled";
  }
  plan.x = uniform_int(gen, 0, std::max(w, plan.side) - plan.side);
  plan.y = uniform_int(gen, 0, std::max(h, plan.side) - plan.side);
  return plan;
}

cv::Mat cut(const cv::Mat& rgb, const CropPlan& plan, int size) {
  cv::Mat src = rgb;
  // Photos smaller than the crop are mirrored out, as ResShift does (BORDER_REFLECT_101).
  if (src.cols < plan.side || src.rows < plan.side) {
    cv::copyMakeBorder(rgb, src, 0, std::max(0, plan.side - rgb.rows), 0, std::max(0, plan.side - rgb.cols),
                       cv::BORDER_REFLECT_101);
  }
  cv::Mat crop = src(cv::Rect(plan.x, plan.y, plan.side, plan.side));
  cv::Mat out;
  if (plan.side == size) {
    out = crop.clone();
  } else {
    cv::resize(crop, out, cv::Size(size, size), 0, 0, cv::INTER_AREA);
  }
  return out;
}

}  // namespace

int run_pack(const PackOptions& o) {
  if (o.size < 16 || o.per_image < 1 || (o.crop != "native" && o.crop != "rescale" && o.crop != "mix")) {
    std::cerr << "rsd-train pack: bad options (size >= 16, per-image >= 1, crop native|rescale|mix)\n";
    return 2;
  }
  auto files = find_photos(o.inputs);
  if (!files) {
    std::cerr << "rsd-train pack: " << files.error().what() << "\n";
    return 1;
  }
  if (files->empty()) {
    std::cerr << "rsd-train pack: no JPEG or PNG files found\n";
    return 1;
  }
  std::vector<PhotoSource> photos;
  for (const std::string& f : *files) photos.push_back(describe_photo(f));
  for (const std::string& v : o.val_files) {
    if (std::none_of(photos.begin(), photos.end(), [&](const PhotoSource& p) { return photo_matches(p, v); })) {
      std::cerr << "rsd-train pack: --val-files entry '" << v << "' matches no photo\n";
      return 2;
    }
  }

  auto writer = et::PatchDatasetWriter::create(o.out, {o.size, o.size, 3});
  if (!writer) {
    std::cerr << "rsd-train pack: " << writer.error().what() << "\n";
    return 1;
  }
  nlohmann::json sources = nlohmann::json::array();
  nlohmann::json patches = nlohmann::json::array();
  std::int64_t counts[2] = {0, 0};
  for (std::size_t i = 0; i < photos.size(); ++i) {
    const PhotoSource& photo = photos[i];
    const bool val = std::any_of(o.val_files.begin(), o.val_files.end(),
                                 [&](const std::string& v) { return photo_matches(photo, v); });
    cv::Mat bgr;
    try {
      bgr = cv::imread(photo.path, cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
      std::cerr << "rsd-train pack: skipping " << photo.path << ": " << e.what() << "\n";
      continue;
    }
    if (bgr.empty()) {
      std::cerr << "rsd-train pack: skipping " << photo.path << ": cannot decode\n";
      continue;
    }
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const auto split = val ? et::Split::Validation : et::Split::Train;
    const std::uint32_t id = (*writer)->add_source({photo.name, split});
    // One stream per photo, so adding a photo does not change the crops of the others.
    std::mt19937_64 gen(o.seed * 0x9e3779b97f4a7c15ULL + stable_hash(photo.name));
    const std::int64_t first = (*writer)->count();
    for (int k = 0; k < o.per_image; ++k) {
      const CropPlan plan = plan_crop(o.crop, rgb.cols, rgb.rows, o.size, gen);
      const cv::Mat patch = cut(rgb, plan, o.size);
      const torch::Tensor t = torch::from_blob(const_cast<std::uint8_t*>(patch.ptr<std::uint8_t>()),
                                               {o.size, o.size, 3}, torch::kByte);
      if (Status s = (*writer)->add_patch(t, id); !s) {
        std::cerr << "rsd-train pack: " << s.error().what() << "\n";
        return 1;
      }
      patches.push_back({id, plan.x, plan.y, plan.side, plan.kind});
    }
    counts[val ? 1 : 0] += o.per_image;
    sources.push_back({{"name", photo.name},
                       {"path", photo.path},
                       {"package", photo.package},
                       {"license", photo.license},
                       {"copyright", photo.copyright},
                       {"width", rgb.cols},
                       {"height", rgb.rows},
                       {"split", val ? "validation" : "train"},
                       {"first_patch", first},
                       {"patches", o.per_image}});
    std::cerr << "[" << (i + 1) << "/" << photos.size() << "] " << photo.name << " " << rgb.cols << "x"
              << rgb.rows << (val ? " (validation)" : "") << "\n";
  }
  if (Status s = (*writer)->finish(); !s) {
    std::cerr << "rsd-train pack: " << s.error().what() << "\n";
    return 1;
  }

  const nlohmann::json manifest = {
      {"format", "rsd-patch-dataset"},
      {"version", et::kPatchDatasetVersion},
      {"dataset", std::filesystem::path(o.out).filename().string()},
      {"patch_size", o.size},
      {"crop", o.crop},
      {"per_image", o.per_image},
      {"seed", o.seed},
      {"counts", {{"train", counts[0]}, {"validation", counts[1]}, {"sources", sources.size()}}},
      {"sources", sources},
      {"patch_fields", {"source", "x", "y", "side", "kind"}},
      {"patches", patches}};
  std::ofstream(o.out + ".json") << manifest.dump(1) << "\n";
  std::cout << "wrote " << o.out << ": " << counts[0] << " train + " << counts[1] << " validation patches from "
            << sources.size() << " photos (manifest " << o.out << ".json)\n";
  return 0;
}

}  // namespace rsd::app::train
