#include "speed_child.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_model.h"
#include "machine_probe.h"

namespace rsd::bench {
namespace {

struct ChildArgs {
  std::string card;
  bool allow_random = false;
  std::string device = "cpu";
  int threads = 0;
  int lr_width = 64;
  int lr_height = 64;
  int runs = 1;
  int warmup_lr = 64;  // one untimed upscale of this LR side first (0: none)
  bool flops = false;  // count FLOPs and time the denoiser at lr_width^2 instead
  RunSettings run;
};

nlohmann::json measure(const ChildArgs& a) {
  nlohmann::json j;
  engine::configure_threads(a.threads);
  auto card = engine::ModelCard::load(a.card);
  if (!card) return {{"error", card.error().what()}};
  auto device = engine::parse_device(a.device);
  if (!device) return {{"error", device.error().what()}};
  auto model = BenchModel::create(*card, *device, a.allow_random);
  if (!model) return {{"error", model.error().what()}};
  BenchModel& m = **model;
  if (auto st = m.set_precision(a.run.precision); !st) return {{"error", st.error().what()}};
  j["card"] = card->name;
  j["role"] = card->role;
  j["random_weights"] = m.random_weights();
  j["parameters"] = m.parameter_count();
  j["network_calls"] = m.network_calls();
  j["device"] = m.on_cuda() ? "cuda" : "cpu";
  j["precision"] = a.run.precision;
  j["rss_after_load"] = current_rss_bytes();

  if (a.flops) {
    auto fc = m.count_flops(a.lr_width);
    if (!fc) return {{"error", fc.error().what()}};
    j["flops_lr_side"] = a.lr_width;
    j["flops_denoiser_call"] = fc->denoiser;
    j["flops_encode"] = fc->encode;
    j["flops_decode"] = fc->decode;
    j["flops_total"] = fc->total();
    j["flops_per_output_pixel"] = fc->per_output_pixel();
    auto t = m.time_denoiser(a.lr_width, 2, std::max(1, a.runs));
    if (!t) return {{"error", t.error().what()}};
    j["denoiser_seconds"] = *t;
    j["denoiser_gflops"] = fc->denoiser / *t / 1e9;
    return j;
  }

  if (a.warmup_lr > 0) {
    auto w = m.run_random(a.warmup_lr, a.warmup_lr, a.run);
    if (!w) return {{"error", w.error().what()}};
  }
  const int64_t rss_before = current_rss_bytes();
  std::vector<double> seconds;
  RunResult last;
  for (int i = 0; i < std::max(1, a.runs); ++i) {
    auto r = m.run_random(a.lr_width, a.lr_height, a.run);
    if (!r) return {{"error", r.error().what()}};
    seconds.push_back(r->seconds);
    last = *r;
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  const double out_mp = double(last.out_width) * last.out_height / 1e6;
  j["lr_width"] = a.lr_width;
  j["lr_height"] = a.lr_height;
  j["precision_effective"] = m.precision();  // after the runs set it
  j["out_width"] = last.out_width;
  j["out_height"] = last.out_height;
  j["out_mp"] = out_mp;
  j["run_seconds"] = seconds;
  j["seconds"] = median;
  j["seconds_per_mp"] = median / out_mp;
  j["mp_per_second"] = out_mp / median;
  j["tile"] = last.tile;
  j["tile_width"] = last.tile_width;
  j["tile_height"] = last.tile_height;
  j["network_pixels"] = last.network_pixels;
  // Share of the network's pixels spent on overlap and padding.
  j["tiling_overhead"] = double(last.network_pixels) / (double(a.lr_width) * a.lr_height) - 1.0;
  j["tiles_per_batch"] = last.tiles_per_batch;
  j["tile_count"] = last.tile_count;
  j["rss_before_run"] = rss_before;
  j["peak_rss"] = peak_rss_bytes();
  j["cuda_peak_allocated"] = last.cuda_peak_bytes;
  return j;
}

}  // namespace

void add_speed_child_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<ChildArgs>();
  CLI::App* cmd = app.add_subcommand("speed-run", "One speed measurement (internal)");
  cmd->group("");  // hidden from --help
  cmd->add_option("--card", a->card)->required();
  cmd->add_flag("--allow-random", a->allow_random);
  cmd->add_option("--device", a->device);
  cmd->add_option("--threads", a->threads);
  cmd->add_option("--lr-width", a->lr_width);
  cmd->add_option("--lr-height", a->lr_height);
  cmd->add_option("--runs", a->runs);
  cmd->add_option("--warmup-lr", a->warmup_lr);
  cmd->add_flag("--flops", a->flops);
  cmd->add_option("--precision", a->run.precision);
  cmd->add_option("--tile", a->run.tile);
  cmd->add_option("--tiles-per-batch", a->run.tiles_per_batch);
  cmd->callback([a, &exit_code] {
    const nlohmann::json j = measure(*a);
    std::printf("%s\n", j.dump().c_str());
    std::fflush(stdout);
    exit_code = j.contains("error") ? 1 : 0;
  });
}

}  // namespace rsd::bench
