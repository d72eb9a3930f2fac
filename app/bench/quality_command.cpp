#include "quality_command.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "degradation.h"
#include "hr_photos.h"
#include "engine/upscaler.h"
#include "imaging/file_io.h"
#include "imaging/image_encoder.h"
#include "machine_probe.h"
#include "metrics/benchmark_images.h"
#include "metrics/image_file.h"
#include "metrics/niqe.h"
#include "metrics/psnr_ssim.h"
#include "quality_chart.h"
#include "report_io.h"

namespace rsd::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct QualityArgs : PhotoSetArgs {
  std::string models = "student,teacher";
  bool save_images = false;
};

// `text` with every run of characters other than letters, digits, '-' and '.' as one '_', none
// at the end: "teacher (T=4)" -> "teacher_T_4".
std::string file_slug(const std::string& text) {
  std::string slug;
  for (char c : text) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    if (keep) slug.push_back(c);
    else if (!slug.empty() && slug.back() != '_') slug.push_back('_');
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug;
}

// <out>/images/<photo stem>/<name>.png (8-bit), replacing an earlier run's file; for montages
// (models/tools/make_montages.sh). A failure is reported and the measurement goes on.
void save_image(const QualityArgs& a, const fs::path& photo, const std::string& label, const ImageF& image) {
  if (!a.save_images) return;
  const std::string name = file_slug(label);
  const fs::path dir = fs::path(a.out) / "images" / photo.stem();
  std::error_code ec;
  fs::create_directories(dir, ec);
  imaging::EncodeOptions png;
  png.format = imaging::ImageFormat::Png;
  auto bytes = imaging::encode_image(image, png);
  imaging::AtomicWriteOptions replace;
  replace.replace_existing = true;
  Status st = bytes ? imaging::write_file_atomically(dir / (name + ".png"), bytes->data(), bytes->size(), replace)
                    : Status(bytes.error());
  if (!st) std::fprintf(stderr, "rsd-bench: %s: %s\n", (dir / name).c_str(), st.error().what().c_str());
}

struct Method {
  std::string name;
  std::function<Result<ImageF>(const ImageF&)> run;
};

struct Sums {
  int n = 0, niqe_n = 0;
  double psnr = 0, ssim = 0, niqe = 0, seconds = 0;
};

std::vector<Method> make_methods(const QualityArgs& a, json& notes,
                                 std::vector<std::unique_ptr<engine::Upscaler>>& keep) {
  std::vector<Method> methods = {
      {"bicubic", [](const ImageF& lr) {
         return metrics::upscale_classical(lr, 4, metrics::UpscaleFilter::MatlabBicubic);
       }},
      {"lanczos", [](const ImageF& lr) {
         return metrics::upscale_classical(lr, 4, metrics::UpscaleFilter::OpenCvLanczos);
       }}};
  auto device = engine::parse_device(a.device);
  for (const auto& name : split_list(a.models)) {
    auto refs = resolve_models({name});
    Result<engine::ModelCard> card = refs ? engine::ModelCard::load(refs->front().card)
                                          : Result<engine::ModelCard>(refs.error());
    if (!card || !device) {
      notes.push_back(name + ": " + (!card ? card.error() : device.error()).what());
      continue;
    }
    engine::UpscaleOptions opts;
    opts.threads = a.threads;
    auto up = engine::Upscaler::create(*card, *device, opts);
    if (!up) {
      notes.push_back(name + ": " + up.error().what());
      continue;
    }
    engine::Upscaler* u = up->get();
    keep.push_back(std::move(*up));
    const std::string label =
        card->is_student() ? name : name + " (T=" + std::to_string(card->diffusion.steps) + ")";
    methods.push_back({label, [u](const ImageF& lr) { return u->upscale(lr, JobContext{}); }});
  }
  return methods;
}

std::string markdown(const json& r) {
  std::ostringstream md;
  md << "# rsd-bench quality\n\n- Date: " << r["machine"].value("date", "")
     << "\n- CPU: " << r["machine"].value("cpu", "") << ", load average at start "
     << r["machine"].value("load_average", "") << "\n- Images: " << r.value("images", 0)
     << " from " << r.value("hr_dir", "") << " (centre crop " << r.value("crop", 0)
     << "; x4; PSNR/SSIM on Y, crop border 4; NIQE on Y, crop border 4)\n"
     << "- Degradations: bicubic = MATLAB antialiased bicubic; realistic = bicubic + Gaussian noise "
        "sigma "
     << fixed(r["degradation"].value("noise_sigma", 0.0), 1) << "/255 + JPEG q"
     << r["degradation"].value("jpeg_quality", 0) << " (seed " << r["degradation"].value("seed", 0)
     << " + image index)\n- Reference NIQE of the HR crops: " << fixed(r.value("hr_niqe", NAN), 3)
     << "\n\n| degradation | method | PSNR-Y (dB) | SSIM-Y | NIQE | s / image |\n"
        "|---|---|---|---|---|---|\n";
  for (const auto& row : r["results"])
    md << "| " << row.value("degradation", "") << " | " << row.value("method", "") << " | "
       << fixed(row.value("psnr_y", NAN), 2) << " | " << fixed(row.value("ssim_y", NAN), 4) << " | "
       << fixed(row.value("niqe", NAN), 3) << " | " << fixed(row.value("seconds", NAN), 3) << " |\n";
  for (const auto& n : r["notes"]) md << "\nNote: " << n.get<std::string>() << "\n";
  return md.str() + "\n";
}

int run_quality(const QualityArgs& a) {
  const auto files = list_images(a.hr, a.limit);
  if (files.empty()) {
    std::fprintf(stderr, "rsd-bench: no images in %s\n", a.hr.c_str());
    return 2;
  }
  engine::configure_threads(a.threads);
  json report;
  report["kind"] = "quality";
  report["machine"] = machine_info();
  report["hr_dir"] = a.hr;
  report["crop"] = a.crop;
  report["degradation"] = {{"noise_sigma", a.degradation.noise_sigma},
                           {"jpeg_quality", a.degradation.jpeg_quality},
                           {"seed", a.degradation.seed}};
  report["notes"] = json::array();
  auto niqe_model = metrics::load_default_niqe_model();
  if (!niqe_model) report["notes"].push_back("NIQE unavailable: " + niqe_model.error().what());
  std::vector<std::unique_ptr<engine::Upscaler>> upscalers;
  const auto methods = make_methods(a, report["notes"], upscalers);
  const std::vector<std::string> degradations = {"bicubic", "realistic"};
  std::map<std::pair<std::string, std::string>, Sums> sums;
  metrics::FullReferenceOptions fr;
  fr.crop_border = 4;
  metrics::NiqeOptions nq;
  nq.crop_border = 4;
  double hr_niqe = 0;
  int hr_niqe_n = 0, status = 0, images = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    auto photo = prepare_photo(files[i], i, a.crop, a.degradation);
    if (!photo) {
      std::fprintf(stderr, "rsd-bench: %s\n", photo.error().what().c_str());
      status = 1;
      continue;
    }
    const ImageF* hr = &photo->hr;
    const ImageF* lr = &photo->lr_clean;
    const ImageF* lr_real = &photo->lr_real;
    ++images;
    save_image(a, files[i], "hr", *hr);
    save_image(a, files[i], "lr_bicubic", *lr);
    save_image(a, files[i], "lr_realistic", *lr_real);
    if (niqe_model)
      if (auto q = metrics::niqe(*hr, *niqe_model, nq)) hr_niqe += *q, ++hr_niqe_n;
    for (const auto& deg : degradations) {
      const ImageF& input = deg == "bicubic" ? *lr : *lr_real;
      for (const auto& m : methods) {
        std::fprintf(stderr, "[image %zu/%zu] %s: %s\n", i + 1, files.size(), deg.c_str(),
                     m.name.c_str());
        if (i == 0 && sums.find({deg, m.name}) == sums.end()) (void)m.run(input);  // warm-up
        const auto t0 = std::chrono::steady_clock::now();
        auto sr = m.run(input);
        const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        auto p = sr ? metrics::psnr(*sr, *hr, fr) : Result<double>(sr.error());
        auto s = sr ? metrics::ssim(*sr, *hr, fr) : Result<double>(sr.error());
        if (!p || !s) {
          std::fprintf(stderr, "rsd-bench: %s %s: %s\n", files[i].c_str(), m.name.c_str(),
                       (!p ? p.error() : s.error()).what().c_str());
          status = 1;
          continue;
        }
        save_image(a, files[i], deg + "_" + m.name, *sr);
        Sums& acc = sums[{deg, m.name}];
        acc.n++, acc.psnr += *p, acc.ssim += *s, acc.seconds += sec;
        if (niqe_model)
          if (auto q = metrics::niqe(*sr, *niqe_model, nq)) acc.niqe += *q, acc.niqe_n++;
      }
    }
  }
  report["images"] = images;
  report["hr_niqe"] = hr_niqe_n ? hr_niqe / hr_niqe_n : NAN;
  json results = json::array();
  std::vector<ChartPoint> points;
  for (const auto& deg : degradations)
    for (const auto& m : methods) {
      auto it = sums.find({deg, m.name});
      if (it == sums.end() || it->second.n == 0) continue;
      const Sums& s = it->second;
      const double niqe = s.niqe_n ? s.niqe / s.niqe_n : NAN;
      results.push_back({{"degradation", deg}, {"method", m.name}, {"images", s.n},
                         {"psnr_y", s.psnr / s.n}, {"ssim_y", s.ssim / s.n},
                         {"niqe", niqe}, {"seconds", s.seconds / s.n}});
      points.push_back({m.name, deg, s.seconds / s.n, s.psnr / s.n, niqe});
    }
  report["results"] = results;
  report["machine"]["load_average_end"] = load_average();
  return finish_reports(a.out, "quality", report, markdown(report),
                        [&](const fs::path& png) { return write_quality_chart(points, png); }, status);
}

}  // namespace

void add_quality_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<QualityArgs>();
  CLI::App* q = app.add_subcommand(
      "quality", "PSNR-Y, SSIM-Y, NIQE and time per method on x4 LR inputs made from HR photos");
  add_photo_set_options(q, *a);
  q->add_option("--models", a->models, "Comma-separated: student, teacher or model card files")
      ->capture_default_str();
  q->add_flag("--save-images", a->save_images,
              "Also write every HR, LR and upscaled image to <out>/images/<photo>/ (PNG)");
  q->callback([a, &exit_code] { exit_code = run_quality(*a); });
}

}  // namespace rsd::bench
