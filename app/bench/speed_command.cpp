#include "speed_command.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "engine/model_card.h"
#include "engine/runtime.h"
#include "machine_probe.h"
#include "report_io.h"
#include "speed_report.h"

namespace rsd::bench {
namespace {

using nlohmann::json;

struct SpeedArgs {
  std::string models = "student,teacher";
  std::string sizes = "0.25,1,4,12";
  bool official = false;
  int official_lr = 64;
  bool quick = false;
  std::string device = "cpu";
  std::string precision = "auto";
  int threads = 0;
  std::string out = "bench-results";
};

struct GpuArgs {
  std::string models;  // empty: the official RSD student and ResShift teacher (random weights)
  std::string device = "cuda";
  std::string precisions = "fp32,fp16,bf16";
  int latency_lr = 64;
  int latency_runs = 5;
  int throughput_lr = 0;                 // > 0: one square LR input instead of throughput_mp
  std::string throughput_mp = "1,12";  // output megapixels of the throughput runs
  bool lite = true;                    // the embedded student and teacher too (default models)
  bool teacher_throughput = false;     // teachers get a latency run only (for the ratio)
  int tiles_per_batch = 0;
  int threads = 0;
  std::string out = "bench-results";
};

// "student" or "teacher" from the card (empty when it cannot be read).
std::string measure_role(const ModelRef& ref) {
  auto card = engine::ModelCard::load(ref.card);
  return card ? card->role : std::string();
}

// Each measurement runs in a fresh child process (peak RSS per measurement, no shared caches).
json measure_in_child(const std::string& card, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"speed-run", "--card", card};
  args.insert(args.end(), extra.begin(), extra.end());
  auto out = run_self(args);
  if (!out) return {{"error", out.error().what()}};
  std::string text = *out;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  const auto nl = text.rfind('\n');
  const std::string last = nl == std::string::npos ? text : text.substr(nl + 1);
  try {
    return json::parse(last);
  } catch (const json::exception& e) {
    return {{"error", std::string("unreadable measurement: ") + e.what()}};
  }
}

void progress(int done, int total, const std::string& what) {
  std::fprintf(stderr, "[%d/%d] %s\n", done, total, what.c_str());
  std::fflush(stderr);
}

// LR sides for an output of about `mp` megapixels at 4:3, multiples of 8.
std::pair<int, int> lr_size_for(double mp, int sf) {
  const double out_w = std::sqrt(mp * 1e6 * 4.0 / 3.0);
  const int w = std::max(8, static_cast<int>(std::lround(out_w / sf / 8.0)) * 8);
  const int h = std::max(8, static_cast<int>(std::lround(mp * 1e6 / (sf * sf) / w / 8.0)) * 8);
  return {w, h};
}

// FLOP count + denoiser timing, then one child per size.
// square_lr > 0: one square LR input of that side instead of the sizes (paper setting).
json measure_model(const ModelRef& ref, const std::vector<double>& sizes, bool allow_random,
                   const std::vector<std::string>& common, int flops_lr, int& step, int total,
                   bool quick, int square_lr = 0) {
  json m;
  m["label"] = ref.label;
  m["card_file"] = ref.card.string();
  auto card = engine::ModelCard::load(ref.card);
  if (!card) return {{"label", ref.label}, {"error", card.error().what()}};
  m["card"] = card->name;
  m["role"] = card->role;
  m["steps"] = card->is_student() ? 1 : card->diffusion.steps;
  std::vector<std::string> extra = common;
  if (allow_random) extra.push_back("--allow-random");

  progress(++step, total, ref.label + ": FLOP count and network timing");
  auto fl = extra;
  for (const char* s : {"--flops", "--lr-width"}) fl.push_back(s);
  fl.push_back(std::to_string(flops_lr));
  fl.insert(fl.end(), {"--runs", quick ? "1" : "5"});
  m["flops"] = measure_in_child(ref.card.string(), fl);
  json entries = json::array();
  for (double mp : sizes) {
    const auto [w, h] = square_lr > 0 ? std::make_pair(square_lr, square_lr)
                                      : lr_size_for(mp, card->diffusion.sf);
    progress(++step, total,
             ref.label + ": " + fixed(mp, 2) + " MP output (LR " + std::to_string(w) + "x" +
                 std::to_string(h) + ")");
    auto a = extra;
    a.insert(a.end(), {"--lr-width", std::to_string(w), "--lr-height", std::to_string(h),
                       "--runs", (mp <= 1.0 && !quick) ? "3" : "1"});
    json e = measure_in_child(ref.card.string(), a);
    e["target_mp"] = mp;
    entries.push_back(e);
  }
  m["sizes"] = entries;
  return m;
}

// Teacher/student time at each size, from the first student and teacher measured.
json ratios(const json& models) {
  const json* student = nullptr;
  const json* teacher = nullptr;
  for (const auto& m : models) {
    if (m.value("role", "") == "student" && !student) student = &m;
    if (m.value("role", "") == "teacher" && !teacher) teacher = &m;
  }
  json out = json::array();
  if (!student || !teacher) return out;
  const auto& ss = (*student)["sizes"];
  const auto& ts = (*teacher)["sizes"];
  for (size_t i = 0; i < ss.size() && i < ts.size(); ++i) {
    if (!ss[i].contains("seconds") || !ts[i].contains("seconds")) continue;
    out.push_back({{"target_mp", ss[i]["target_mp"]},
                   {"student_seconds", ss[i]["seconds"]},
                   {"teacher_seconds", ts[i]["seconds"]},
                   {"ratio", ts[i]["seconds"].get<double>() / ss[i]["seconds"].get<double>()},
                   {"teacher_steps", (*teacher)["steps"]},
                   {"student", (*student)["label"]},
                   {"teacher", (*teacher)["label"]}});
  }
  return out;
}

bool any_error(const json& j) {
  if (j.is_object()) {
    if (j.contains("error")) return true;
    for (const auto& [k, v] : j.items())
      if (any_error(v)) return true;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (any_error(v)) return true;
  }
  return false;
}

int write_reports(const json& report, const std::string& out, const std::string& stem,
                  const std::string& markdown) {
  auto j = write_report_file(out, stem + ".json", report.dump(2) + "\n");
  auto md = write_report_file(out, stem + ".md", markdown);
  if (!j || !md) {
    std::fprintf(stderr, "rsd-bench: %s\n", (!j ? j.error() : md.error()).what().c_str());
    return 2;
  }
  std::fputs(markdown.c_str(), stdout);
  std::fprintf(stderr, "rsd-bench: wrote %s and %s\n", j->string().c_str(), md->string().c_str());
  return any_error(report) ? 1 : 0;
}

int run_speed(const SpeedArgs& a) {
  auto refs = resolve_models(split_list(a.models));
  if (!refs) {
    std::fprintf(stderr, "rsd-bench: %s\n", refs.error().what().c_str());
    return 2;
  }
  if (auto p = engine::parse_precision(a.precision); !p) {
    std::fprintf(stderr, "rsd-bench: %s\n", p.error().what().c_str());
    return 2;
  }
  std::vector<double> sizes;
  if (a.quick) sizes = {0.02, 0.05};
  else
    for (const auto& s : split_list(a.sizes)) sizes.push_back(std::stod(s));
  const int threads = engine::configure_threads(a.threads);
  json report;
  report["kind"] = "speed";
  report["machine"] = machine_info();
  report["threads"] = threads;
  report["device"] = a.device;
  report["precision"] = a.precision;
  report["quick"] = a.quick;
  const int total = 1 + static_cast<int>(refs->size() * (sizes.size() + 1)) + (a.official ? 4 : 0);
  int step = 0;
  progress(++step, total, "3x3 convolution throughput");
  const ConvThroughput ct = a.quick ? measure_conv_throughput(a.device, 2, 32, 1, 3)
                                    : measure_conv_throughput(a.device);
  report["conv_throughput"] = {{"gflops", ct.gflops}, {"gflops_best", ct.gflops_best},
                               {"run_seconds", ct.run_seconds}, {"setup", ct.setup}};
  const std::vector<std::string> common = {"--device", a.device, "--threads",
                                           std::to_string(threads), "--precision", a.precision};
  json models = json::array();
  for (const auto& ref : *refs)
    // The network is timed on a 256x256 LR tile (a typical tile; 64x64 calls are dominated by
    // per-call overhead); --quick uses 64x64.
    models.push_back(measure_model(ref, sizes, true, common, a.quick ? 64 : 256, step, total,
                                   a.quick));
  report["models"] = models;
  report["ratios"] = ratios(models);
  if (a.official) {
    // Paper Table 4: 64x64 LR, x4, one-step RSD vs 15-step ResShift, NVIDIA A100.
    json official = json::array();
    const double mp = double(a.official_lr) * a.official_lr * 16 / 1e6;
    for (const char* file : {"rsd.json", "resshift-v1.json"}) {
      auto card = find_card_file(file);
      if (!card) {
        official.push_back({{"label", file}, {"error", card.error().what()}});
        continue;
      }
      official.push_back(measure_model({file, *card}, {mp}, true, common, a.official_lr, step,
                                       total, true, a.official_lr));
    }
    report["official"] = {{"lr_side", a.official_lr},
                          {"models", official},
                          {"ratios", ratios(official)},
                          {"paper_a100_seconds", {{"rsd", 0.059}, {"resshift", 0.643}}}};
  }
  report["machine"]["load_average_end"] = load_average();
  report["goals"] = evaluate_speed_goals(report);
  return write_reports(report, a.out, "speed", speed_markdown(report));
}

int run_gpu(const GpuArgs& a) {
  std::vector<ModelRef> refs;
  if (a.models.empty()) {
    for (const char* file : {"rsd.json", "resshift-v1.json"}) {
      auto card = find_card_file(file);
      if (!card) {
        std::fprintf(stderr, "rsd-bench: %s\n", card.error().what().c_str());
        return 2;
      }
      refs.push_back({file, *card});
    }
    if (a.lite) {
      auto lite = resolve_models({"student", "teacher"});
      if (lite) refs.insert(refs.end(), lite->begin(), lite->end());
    }
  } else {
    auto r = resolve_models(split_list(a.models));
    if (!r) {
      std::fprintf(stderr, "rsd-bench: %s\n", r.error().what().c_str());
      return 2;
    }
    refs = *r;
  }
  const auto precisions = split_list(a.precisions);
  for (const auto& p : precisions)
    if (auto parsed = engine::parse_precision(p); !parsed) {
      std::fprintf(stderr, "rsd-bench: %s\n", parsed.error().what().c_str());
      return 2;
    }
  const int threads = engine::configure_threads(a.threads);
  json report;
  report["kind"] = "gpu";
  report["machine"] = machine_info();
  report["device"] = a.device;
  report["cuda_available"] = engine::cuda_available();
  std::vector<std::pair<int, int>> shapes;  // LR sizes of the throughput runs
  if (a.throughput_lr > 0) shapes.push_back({a.throughput_lr, a.throughput_lr});
  else
    for (const auto& mp : split_list(a.throughput_mp)) shapes.push_back(lr_size_for(std::stod(mp), 4));
  const int total =
      1 + static_cast<int>(refs.size() * precisions.size() * (1 + shapes.size()));
  int step = 0;
  progress(++step, total, "3x3 convolution throughput");
  const ConvThroughput ct = measure_conv_throughput(a.device, 4, 64, 1, 3);
  report["conv_throughput"] = {{"gflops", ct.gflops}, {"setup", ct.setup}};
  json rows = json::array();
  for (const auto& ref : refs) {
    for (const auto& p : precisions) {
      const std::vector<std::string> common = {
          "--device", a.device, "--threads", std::to_string(threads), "--precision", p,
          "--tiles-per-batch", std::to_string(a.tiles_per_batch), "--allow-random"};
      progress(++step, total, ref.label + " " + p + ": latency at " +
                                  std::to_string(a.latency_lr) + "x" +
                                  std::to_string(a.latency_lr) + " LR");
      auto lat = common;
      lat.insert(lat.end(), {"--lr-width", std::to_string(a.latency_lr), "--lr-height",
                             std::to_string(a.latency_lr), "--runs",
                             std::to_string(a.latency_runs)});
      json latency = measure_in_child(ref.card.string(), lat);
      json throughputs = json::array();
      const bool teacher = measure_role(ref) == "teacher";
      for (const auto& [w, h] : shapes) {
        if (teacher && !a.teacher_throughput) break;
        progress(++step, total, ref.label + " " + p + ": throughput at " + std::to_string(w) +
                                    "x" + std::to_string(h) + " LR");
        auto thr = common;
        thr.insert(thr.end(), {"--lr-width", std::to_string(w), "--lr-height", std::to_string(h),
                               "--runs", "1"});
        throughputs.push_back(measure_in_child(ref.card.string(), thr));
      }
      rows.push_back({{"label", ref.label}, {"precision", p}, {"latency", latency},
                      {"throughput", throughputs.empty() ? json() : throughputs[0]},
                      {"throughputs", throughputs}});
    }
  }
  // Teacher / student latency per precision: the official pair, then the lite pair.
  json latency_ratios = json::array();
  for (const auto& p : precisions) {
    for (const auto& [student, teacher] :
         {std::pair{"rsd.json", "resshift-v1.json"}, std::pair{"student", "teacher"}}) {
      const json *s = nullptr, *t = nullptr;
      for (const auto& row : rows) {
        if (row["precision"] != p) continue;
        if (row["label"] == student) s = &row;
        if (row["label"] == teacher) t = &row;
      }
      if (!s || !t || !(*s)["latency"].contains("seconds") || !(*t)["latency"].contains("seconds"))
        continue;
      latency_ratios.push_back(
          {{"precision", p}, {"student", student}, {"teacher", teacher},
           {"ratio", (*t)["latency"]["seconds"].get<double>() /
                         (*s)["latency"]["seconds"].get<double>()}});
    }
  }
  report["latency_ratios"] = latency_ratios;
  report["runs"] = rows;
  return write_reports(report, a.out, "gpu", gpu_markdown(report));
}

}  // namespace

void add_speed_commands(CLI::App& app, int& exit_code) {
  auto s = std::make_shared<SpeedArgs>();
  CLI::App* speed = app.add_subcommand(
      "speed", "Seconds per output megapixel, peak memory, FLOPs and speed goals of each model");
  speed->add_option("--models", s->models,
                    "Comma-separated: student, teacher or model card files")
      ->capture_default_str();
  speed->add_option("--sizes", s->sizes, "Output sizes in megapixels")->capture_default_str();
  speed->add_flag("--official", s->official,
                  "Also the full-size official RSD and ResShift configurations (random weights "
                  "when absent) at the paper's Table 4 setting (slow on a CPU)");
  speed->add_option("--official-lr", s->official_lr, "LR side for --official")
      ->capture_default_str();
  speed->add_flag("--quick", s->quick, "Tiny sizes and few repetitions (a smoke test)");
  speed->add_option("--device", s->device, "cpu or cuda")->capture_default_str();
  speed->add_option("--precision", s->precision,
                    "auto, fp32, fp16 (CUDA) or bf16: the dtype of the weights and activations")
      ->capture_default_str();
  speed->add_option("--threads", s->threads, "LibTorch threads (0: all cores)");
  speed->add_option("--out", s->out, "Report folder")->capture_default_str();
  speed->callback([s, &exit_code] { exit_code = run_speed(*s); });

  auto g = std::make_shared<GpuArgs>();
  CLI::App* gpu = app.add_subcommand(
      "gpu", "Precisions, tiles per batch, 64x64 latency and large-input throughput (CUDA; "
             "--device cpu runs the same code)");
  gpu->add_option("--models", g->models,
                  "Comma-separated cards (default: official rsd.json and resshift-v1.json)");
  gpu->add_option("--device", g->device, "cuda or cpu")->capture_default_str();
  gpu->add_option("--precisions", g->precisions, "Comma-separated: auto, fp32, fp16, bf16")
      ->capture_default_str();
  gpu->add_option("--latency-lr", g->latency_lr, "LR side of the latency run")
      ->capture_default_str();
  gpu->add_option("--latency-runs", g->latency_runs, "Timed latency runs (median)")
      ->capture_default_str();
  gpu->add_option("--throughput-mp", g->throughput_mp,
                  "Output megapixels of the throughput runs (4:3, tiles batched automatically)")
      ->capture_default_str();
  gpu->add_option("--throughput-lr", g->throughput_lr,
                  "One square LR side for the throughput run instead of --throughput-mp");
  gpu->add_flag("--teacher-throughput", g->teacher_throughput,
                "Also time the teachers at the throughput sizes (T network calls per tile)");
  gpu->add_flag("!--no-lite", g->lite,
                "Without --models: only the official pair, not the embedded student and teacher");
  gpu->add_option("--tiles-per-batch", g->tiles_per_batch, "0: automatic from free memory");
  gpu->add_option("--threads", g->threads, "LibTorch CPU threads (0: all cores)");
  gpu->add_option("--out", g->out, "Report folder")->capture_default_str();
  gpu->callback([g, &exit_code] { exit_code = run_gpu(*g); });
}

}  // namespace rsd::bench
