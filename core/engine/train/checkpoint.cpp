#include "engine/train/checkpoint.h"

#include <c10/util/Exception.h>
#include <torch/optim/optimizer.h>
#include <torch/serialize/archive.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "engine/weights/safetensors.h"

namespace rsd::engine::train {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPrefix = "step-";

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

}  // namespace

at::Tensor generator_state(const at::Generator& gen) { return gen.get_state(); }

void set_generator_state(at::Generator& gen, const at::Tensor& state) {
  gen.set_state(state.contiguous());
}

CheckpointWriter::CheckpointWriter(fs::path out_dir, int step)
    : out_dir_(std::move(out_dir)), step_(step) {}

void CheckpointWriter::add_weights(const std::string& name, StateDict weights) {
  weights_[name] = std::move(weights);
}

void CheckpointWriter::add_optimizer(const std::string& name, torch::optim::Optimizer& optimizer) {
  optimizers_[name] = &optimizer;
}

Result<fs::path> CheckpointWriter::commit(int keep) {
  const fs::path root = out_dir_ / "checkpoints";
  const fs::path final_dir = root / step_name(step_);
  const fs::path partial = root / (step_name(step_) + ".partial");
  std::error_code ec;
  fs::remove_all(partial, ec);
  fs::create_directories(partial, ec);
  if (ec) return Error(ErrorCode::Io, "cannot create checkpoint folder: " + ec.message(), partial.string());

  for (const auto& [name, weights] : weights_) {
    auto st = write_safetensors((partial / (name + ".safetensors")).string(), weights);
    if (!st) return st.error();
  }
  for (const auto& [name, optimizer] : optimizers_) {
    const fs::path file = partial / (name + ".optim");
    try {
      torch::serialize::OutputArchive archive;
      optimizer->save(archive);
      archive.save_to(file.string());
    } catch (const c10::Error& e) {
      return Error(ErrorCode::Io, std::string("cannot save optimizer state: ") + e.what_without_backtrace(),
                   file.string());
    }
  }
  nlohmann::json state = state_;
  state["step"] = step_;
  {
    std::ofstream out(partial / "state.json");
    out << state.dump(2) << "\n";
    if (!out) return Error(ErrorCode::Io, "cannot write state.json", partial.string());
  }
  fs::remove_all(final_dir, ec);
  fs::rename(partial, final_dir, ec);
  if (ec) return Error(ErrorCode::Io, "cannot rename checkpoint: " + ec.message(), final_dir.string());

  auto all = complete_checkpoints(out_dir_);
  for (size_t i = 0; i + static_cast<size_t>(std::max(keep, 1)) < all.size(); ++i)
    fs::remove_all(all[i].second, ec);
  return final_dir;
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

Status CheckpointReader::load_optimizer(const std::string& name,
                                        torch::optim::Optimizer& optimizer) const {
  const fs::path file = folder_ / (name + ".optim");
  if (!fs::exists(file)) return Error(ErrorCode::NotFound, "optimizer state missing", file.string());
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(file.string());
    optimizer.load(archive);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Format, std::string("cannot load optimizer state: ") + e.what_without_backtrace(),
                 file.string());
  }
  return {};
}

std::optional<fs::path> latest_checkpoint(const fs::path& out_dir) {
  auto all = complete_checkpoints(out_dir);
  if (all.empty()) return std::nullopt;
  return all.back().second;
}

}  // namespace rsd::engine::train
