#include "engine/train/checkpoint.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/optim/adamw.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "engine/train/ema.h"
#include "engine/train/loop_optim.h"
#include "engine/weights/safetensors.h"

namespace rsd::engine::train {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPrefix = "step-";
constexpr const char* kOptimSuffix = ".optim.safetensors";

std::string step_name(int step) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%08d", kPrefix, step);
  return buf;
}

// Step number of a complete checkpoint folder name, or -1.
int parse_step(const std::string& name) {
  const std::string prefix = kPrefix;
  if (name.size() != prefix.size() + 8 || name.compare(0, prefix.size(), prefix) != 0) return -1;
  int step = 0;
  for (size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return -1;
    step = step * 10 + (name[i] - '0');
  }
  return step;
}

std::vector<std::pair<int, fs::path>> complete_checkpoints(const fs::path& out_dir) {
  std::vector<std::pair<int, fs::path>> found;
  std::error_code ec;
  const fs::path root = out_dir / "checkpoints";
  if (!fs::is_directory(root, ec)) return found;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const int step = parse_step(entry.path().filename().string());
    if (step >= 0 && entry.is_directory()) found.emplace_back(step, entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// The compact form of one entry: its compact keys only, floats in float16 (weights) or
// bfloat16 (optimizer moments, whose squares are far below float16's range).
StateDict compact_tensors(const StateDict& tensors, const std::vector<std::string>& keys, bool optimizer) {
  StateDict out;
  auto put = [&](const std::string& key, const at::Tensor& t) {
    out[key] = t.is_floating_point() ? t.to(optimizer ? at::kBFloat16 : at::kHalf) : t;
  };
  if (keys.empty()) {
    for (const auto& [key, t] : tensors) put(key, t);
  } else {
    for (const std::string& key : keys) put(key, tensors.at(key));
  }
  return out;
}

// Renames a finished .partial folder to `final_dir`, replacing an older copy.
Status publish(const fs::path& partial, const fs::path& final_dir) {
  std::error_code ec;
  fs::remove_all(final_dir, ec);
  fs::rename(partial, final_dir, ec);
  if (ec) return Error(ErrorCode::Io, "cannot rename checkpoint: " + ec.message(), final_dir.string());
  return {};
}

}  // namespace

at::Tensor generator_state(const at::Generator& gen) { return gen.get_state(); }

void set_generator_state(at::Generator& gen, const at::Tensor& state) {
  gen.set_state(state.contiguous());
}

CheckpointWriter::CheckpointWriter(fs::path out_dir, int step)
    : out_dir_(std::move(out_dir)), step_(step) {}

void CheckpointWriter::add_weights(const std::string& name, StateDict weights) {
  entries_[name] = Entry{std::move(weights), {}, false, true};
}

void CheckpointWriter::add_module(const std::string& name, const torch::nn::Module& module) {
  Entry e{module_state_dict(module), {}, false, true};
  for (const auto& p : module.named_parameters()) e.compact_keys.push_back(p.key());
  entries_[name] = std::move(e);
}

void CheckpointWriter::add_optimizer(const std::string& name, const torch::optim::AdamW& optimizer,
                                     bool compact) {
  entries_[name + ".optim"] = Entry{adamw_state(optimizer), {}, true, compact};
}

Result<fs::path> CheckpointWriter::write(const fs::path& root, bool compact) const {
  const fs::path final_dir = root / step_name(step_);
  const fs::path partial = root / (step_name(step_) + ".partial");
  std::error_code ec;
  fs::remove_all(partial, ec);
  fs::create_directories(partial, ec);
  if (ec) return Error(ErrorCode::Io, "cannot create checkpoint folder: " + ec.message(), partial.string());

  nlohmann::json state = state_;
  state["step"] = step_;
  state["compact"] = compact;
  for (const auto& [name, e] : entries_) {
    if (compact && !e.in_compact) {
      state["left_out"].push_back(name);
      continue;
    }
    const StateDict tensors = compact ? compact_tensors(e.tensors, e.compact_keys, e.optimizer) : e.tensors;
    auto st = write_safetensors((partial / (name + ".safetensors")).string(), tensors);
    if (!st) return st.error();
  }
  {
    std::ofstream out(partial / "state.json");
    out << state.dump(2) << "\n";
    if (!out) return Error(ErrorCode::Io, "cannot write state.json", partial.string());
  }
  if (auto st = publish(partial, final_dir); !st) return st.error();
  return final_dir;
}

Result<fs::path> CheckpointWriter::commit(int keep) {
  auto written = write(out_dir_ / "checkpoints", /*compact=*/false);
  if (!written) return written;
  std::error_code ec;
  auto all = complete_checkpoints(out_dir_);
  for (size_t i = 0; i + static_cast<size_t>(std::max(keep, 1)) < all.size(); ++i)
    fs::remove_all(all[i].second, ec);
  return written;
}

Result<fs::path> CheckpointWriter::write_compact(const fs::path& dir) const {
  auto written = write(dir, /*compact=*/true);
  if (!written) return written;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path() != *written && parse_step(entry.path().filename().string()) >= 0) fs::remove_all(entry.path(), ec);
  }
  return written;
}

Result<CheckpointReader> CheckpointReader::open(const fs::path& folder) {
  CheckpointReader r;
  r.folder_ = folder;
  std::ifstream in(folder / "state.json");
  if (!in) return Error(ErrorCode::NotFound, "checkpoint has no state.json", folder.string());
  try {
    in >> r.state_;
    r.step_ = r.state_.at("step").get<int>();
  } catch (const nlohmann::json::exception& e) {
    return Error(ErrorCode::Format, std::string("bad state.json: ") + e.what(), folder.string());
  }
  return r;
}

Result<StateDict> CheckpointReader::weights(const std::string& name) const {
  auto contents = read_safetensors((folder_ / (name + ".safetensors")).string());
  if (!contents) return contents.error();
  return std::move(contents->tensors);
}

Status CheckpointReader::load_optimizer(const std::string& name, torch::optim::AdamW& optimizer) const {
  const fs::path file = folder_ / (name + kOptimSuffix);
  if (!fs::exists(file)) return Error(ErrorCode::NotFound, "optimizer state missing", file.string());
  auto contents = read_safetensors(file.string());
  if (!contents) return contents.error();
  if (auto st = load_adamw_state(optimizer, contents->tensors); !st) return st.error().within(file.string());
  return {};
}

std::optional<fs::path> latest_checkpoint(const fs::path& out_dir) {
  auto all = complete_checkpoints(out_dir);
  if (all.empty()) return std::nullopt;
  return all.back().second;
}

}  // namespace rsd::engine::train
