#include "detail_command.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "engine/upscaler.h"
#include "hr_photos.h"
#include "machine_probe.h"
#include "metrics/niqe.h"
#include "metrics/psnr_ssim.h"
#include "quality_chart.h"
#include "report_io.h"

namespace rsd::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct DetailArgs : PhotoSetArgs {
  DetailArgs() { crop = 512; }
  std::string model = "student";
  std::string samples = "1,2,4,8";
  std::string details = "0,0.25,0.5,0.75,1";
  uint64_t sampler_seed = 12345;
};

constexpr int kBlock = 16;
constexpr int kBorder = 4;

// Pearson correlation of the spread and the mean absolute error (RGB) against hr, in
// kBlock x kBlock blocks inside the metric border. NaN when either is constant.
double map_error_correlation(const ImageF& spread, const ImageF& out, const ImageF& hr) {
  std::vector<double> s, e;
  for (int by = kBorder; by + kBlock <= hr.height - kBorder; by += kBlock)
    for (int bx = kBorder; bx + kBlock <= hr.width - kBorder; bx += kBlock) {
      double ss = 0, ee = 0;
      for (int y = by; y < by + kBlock; ++y)
        for (int x = bx; x < bx + kBlock; ++x) {
          ss += spread.at(x, y, 0);
          for (int c = 0; c < 3; ++c) ee += std::abs(out.at(x, y, c) - hr.at(x, y, c));
        }
      s.push_back(ss);
      e.push_back(ee);
    }
  const double n = double(s.size());
  if (n < 2) return NAN;
  double ms = 0, me = 0;
  for (size_t i = 0; i < s.size(); ++i) ms += s[i], me += e[i];
  ms /= n, me /= n;
  double sse = 0, sss = 0, see = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    sse += (s[i] - ms) * (e[i] - me);
    sss += (s[i] - ms) * (s[i] - ms);
    see += (e[i] - me) * (e[i] - me);
  }
  return sss > 0 && see > 0 ? sse / std::sqrt(sss * see) : NAN;
}

double mean_of(const std::vector<float>& v) {
  double sum = 0;
  for (float x : v) sum += x;
  return v.empty() ? NAN : sum / double(v.size());
}

struct Cell {  // one (degradation, K, D): sums over photos
  int n = 0, niqe_n = 0;
  double psnr = 0, niqe = 0;
};
struct PerK {  // one (degradation, K)
  int n = 0, corr_n = 0;
  double seconds = 0, spread = 0, corr = 0;
  double corr_min = 1e9, corr_max = -1e9;
};

std::string detail_markdown(const json& r) {
  std::ostringstream md;
  md << "# rsd-bench detail\n\n- Date: " << r["machine"].value("date", "") << "\n- CPU: "
     << r["machine"].value("cpu", "") << "\n- Model: " << r.value("model", "") << " (seed "
     << r.value("seed", 0) << ")\n- Images: " << r.value("images", 0) << " from "
     << r.value("hr_dir", "") << ", centre crop " << r.value("crop", 0)
     << ", x4; PSNR-Y and NIQE with a 4-px border\n"
     << "- Output at detail D: (1 - D) x mean of the K samples + D x the first sample\n\n"
     << "| degradation | K | D | PSNR-Y (dB) | NIQE |\n|---|---|---|---|---|\n";
  for (const auto& row : r["grid"])
    md << "| " << row.value("degradation", "") << " | " << row.value("samples", 0) << " | "
       << fixed(row.value("detail", NAN), 2) << " | " << fixed(row.value("psnr_y", NAN), 2) << " | "
       << fixed(row.value("niqe", NAN), 3) << " |\n";
  md << "\n| degradation | K | s / image | mean spread (levels of 255) | map-error correlation, "
        "16x16 blocks (mean, min..max over photos) |\n|---|---|---|---|---|\n";
  for (const auto& row : r["samples"])
    md << "| " << row.value("degradation", "") << " | " << row.value("samples", 0) << " | "
       << fixed(row.value("seconds", NAN), 3) << " | " << fixed(row.value("mean_spread_levels", NAN), 2)
       << " | " << fixed(row.value("map_error_correlation", NAN), 3) << " ("
       << fixed(row.value("correlation_min", NAN), 2) << ".." << fixed(row.value("correlation_max", NAN), 2)
       << ") |\n";
  return md.str() + "\n";
}

int run_detail(const DetailArgs& a) {
  const auto files = list_images(a.hr, a.limit);
  if (files.empty()) {
    std::fprintf(stderr, "rsd-bench: no images in %s\n", a.hr.c_str());
    return 2;
  }
  std::vector<int> ks;
  std::vector<double> ds;
  try {
    for (const auto& k : split_list(a.samples)) ks.push_back(std::stoi(k));
    for (const auto& d : split_list(a.details)) ds.push_back(std::stod(d));
  } catch (const std::exception&) {
    std::fprintf(stderr, "rsd-bench: --samples and --details take comma-separated numbers\n");
    return 2;
  }
  if (ks.empty() || ds.empty()) {
    std::fprintf(stderr, "rsd-bench: --samples and --details need at least one value each\n");
    return 2;
  }
  for (int k : ks)
    for (double d : ds)
      if (auto st = check_sampling({k, d}); !st) {
        std::fprintf(stderr, "rsd-bench: --samples %d, --details %g: %s\n", k, d, st.error().what().c_str());
        return 2;
      }
  engine::configure_threads(a.threads);
  auto refs = resolve_models({a.model});
  auto card = refs ? engine::ModelCard::load(refs->front().card) : Result<engine::ModelCard>(refs.error());
  auto device = engine::parse_device(a.device);
  if (!card || !device) {
    std::fprintf(stderr, "rsd-bench: %s\n", (!card ? card.error() : device.error()).what().c_str());
    return 2;
  }
  engine::UpscaleOptions opts;
  opts.threads = a.threads;
  opts.seed = a.sampler_seed;
  auto up = engine::Upscaler::create(*card, *device, opts);
  if (!up) {
    std::fprintf(stderr, "rsd-bench: %s\n", up.error().what().c_str());
    return 2;
  }
  auto niqe_model = metrics::load_default_niqe_model();
  metrics::FullReferenceOptions fr;
  fr.crop_border = kBorder;
  metrics::NiqeOptions nq;
  nq.crop_border = kBorder;
  const std::vector<std::string> degradations = {"bicubic", "realistic"};
  std::map<std::tuple<std::string, int, double>, Cell> cells;
  std::map<std::pair<std::string, int>, PerK> per_k;
  int images = 0, status = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    auto photo = prepare_photo(files[i], i, a.crop, a.degradation);
    if (!photo) {
      std::fprintf(stderr, "rsd-bench: %s\n", photo.error().what().c_str());
      status = 1;
      continue;
    }
    ++images;
    for (const auto& deg : degradations) {
      const ImageF& lr = deg == "bicubic" ? photo->lr_clean : photo->lr_real;
      if (i == 0) (void)(*up)->upscale_samples(lr, 1, {});  // warm-up
      for (int k : ks) {
        std::fprintf(stderr, "[image %zu/%zu] %s: K = %d\n", i + 1, files.size(), deg.c_str(), k);
        const auto t0 = std::chrono::steady_clock::now();
        auto set = (*up)->upscale_samples(lr, k, {});
        const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!set) {
          std::fprintf(stderr, "rsd-bench: %s: %s\n", files[i].c_str(), set.error().what().c_str());
          status = 1;
          continue;
        }
        PerK& pk = per_k[{deg, k}];
        pk.n++, pk.seconds += sec, pk.spread += mean_of(set->spread.data) * 255.0;
        if (k > 1) {
          const double c = map_error_correlation(set->spread, set->first, photo->hr);
          if (std::isfinite(c)) {
            pk.corr_n++, pk.corr += c;
            pk.corr_min = std::min(pk.corr_min, c), pk.corr_max = std::max(pk.corr_max, c);
          }
        }
        for (double d : ds) {
          const ImageF out = blend_detail(set.value(), d);
          Cell& cell = cells[{deg, k, d}];
          if (auto p = metrics::psnr(out, photo->hr, fr)) cell.n++, cell.psnr += *p;
          if (niqe_model)
            if (auto q = metrics::niqe(out, *niqe_model, nq)) cell.niqe_n++, cell.niqe += *q;
        }
      }
    }
  }
  json report;
  report["kind"] = "detail";
  report["machine"] = machine_info();
  report["model"] = a.model;
  report["seed"] = a.sampler_seed;
  report["hr_dir"] = a.hr;
  report["crop"] = a.crop;
  report["images"] = images;
  json grid = json::array(), samples = json::array();
  std::vector<DetailPoint> points;
  for (const auto& deg : degradations)
    for (int k : ks) {
      for (double d : ds) {
        const Cell& c = cells[{deg, k, d}];
        if (c.n == 0) continue;
        const double niqe = c.niqe_n ? c.niqe / c.niqe_n : NAN;
        grid.push_back({{"degradation", deg}, {"samples", k}, {"detail", d}, {"psnr_y", c.psnr / c.n},
                        {"niqe", niqe}});
        points.push_back({deg, k, d, c.psnr / c.n, niqe});
      }
      const PerK& pk = per_k[{deg, k}];
      if (pk.n == 0) continue;
      samples.push_back({{"degradation", deg}, {"samples", k}, {"seconds", pk.seconds / pk.n},
                         {"mean_spread_levels", pk.spread / pk.n},
                         {"map_error_correlation", pk.corr_n ? pk.corr / pk.corr_n : NAN},
                         {"correlation_min", pk.corr_n ? pk.corr_min : NAN},
                         {"correlation_max", pk.corr_n ? pk.corr_max : NAN}});
    }
  report["grid"] = grid;
  report["samples"] = samples;
  return finish_reports(a.out, "detail", report, detail_markdown(report),
                        [&](const fs::path& png) { return write_detail_chart(points, png); }, status);
}

}  // namespace

void add_detail_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<DetailArgs>();
  CLI::App* q = app.add_subcommand(
      "detail", "PSNR-Y and NIQE against detail D for K samples, their cost, and the map's error prediction");
  add_photo_set_options(q, *a);
  q->add_option("--model", a->model, "student, teacher or a model card file")->capture_default_str();
  q->add_option("--samples", a->samples, "Comma-separated sample counts K")->capture_default_str();
  q->add_option("--details", a->details, "Comma-separated detail values D in [0, 1]")->capture_default_str();
  q->add_option("--sampler-seed", a->sampler_seed, "Seed of the first sample (sample k derives its own)")
      ->capture_default_str();
  q->callback([a, &exit_code] { exit_code = run_detail(*a); });
}

}  // namespace rsd::bench
