// Training checkpoints: one folder per step under <out>/checkpoints/step-NNNNNNNN holding
//   <name>.safetensors        weights (model, EMA, fake model, discriminator, RNG states as uint8)
//   <name>.optim.safetensors  AdamW state (moments and step counts, see adamw_state())
//   state.json                step, config, counters
// The folder is written as step-NNNNNNNN.partial and renamed when complete, so a crash never
// leaves a half-written checkpoint under a final name; resume picks the highest complete step.
//
// A compact copy (write_compact) holds the same step small enough to commit with the project:
// float weights in float16, optimizer moments in bfloat16 (exp_avg_sq underflows float16), only
// the modules' parameters (their derived buffers are recomputed by the networks), and only the
// optimizers marked for it. Copied into <out>/checkpoints/ it resumes like a full checkpoint,
// to within float16 rounding; an optimizer left out starts afresh.
//
// Error contract: Io/Format/Model errors naming the file; LibTorch exceptions are converted.
// Threading: use from the training thread.
#pragma once

#include <ATen/core/Generator.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace torch::nn {
class Module;
}
namespace torch::optim {
class AdamW;
}

namespace rsd::engine::train {

// Where the trainers keep the compact copy of their newest checkpoint: <out>/compact/step-N.
inline constexpr const char* kCompactCheckpointFolder = "compact";

class CheckpointWriter {
 public:
  CheckpointWriter(std::filesystem::path out_dir, int step);

  // Every tensor goes into both copies (EMA shadows, RNG states); floats as float16 in the compact one.
  void add_weights(const std::string& name, StateDict weights);
  // A module's parameters and buffers; the compact copy keeps the parameters only.
  void add_module(const std::string& name, const torch::nn::Module& module);
  // A snapshot of the optimizer's state; `compact` false leaves it out of the compact copy.
  void add_optimizer(const std::string& name, const torch::optim::AdamW& optimizer, bool compact = true);
  void set_state(nlohmann::json state) { state_ = std::move(state); }
  // Writes everything into the .partial folder, renames it into place, then deletes all but the
  // newest `keep` step folders. Returns the final folder.
  Result<std::filesystem::path> commit(int keep);
  // The compact copy as <dir>/step-NNNNNNNN (written and renamed the same way); other step
  // folders in `dir` are deleted, so `dir` always holds the newest one. Returns the folder.
  Result<std::filesystem::path> write_compact(const std::filesystem::path& dir) const;

 private:
  struct Entry {
    StateDict tensors;
    std::vector<std::string> compact_keys;  // empty: all of them
    bool optimizer = false;
    bool in_compact = true;
  };
  Result<std::filesystem::path> write(const std::filesystem::path& root, bool compact) const;

  std::filesystem::path out_dir_;
  int step_;
  std::map<std::string, Entry> entries_;
  nlohmann::json state_;
};

class CheckpointReader {
 public:
  static Result<CheckpointReader> open(const std::filesystem::path& folder);

  int step() const { return step_; }
  const nlohmann::json& state() const { return state_; }
  const std::filesystem::path& folder() const { return folder_; }
  Result<StateDict> weights(const std::string& name) const;
  // NotFound when the checkpoint has no state for `name` (a compact copy may leave one out).
  Status load_optimizer(const std::string& name, torch::optim::AdamW& optimizer) const;
  bool compact() const { return state_.value("compact", false); }

 private:
  std::filesystem::path folder_;
  int step_ = 0;
  nlohmann::json state_;
};

// <out>/checkpoints/step-NNNNNNNN with the highest N, or nullopt when there is none.
std::optional<std::filesystem::path> latest_checkpoint(const std::filesystem::path& out_dir);

// A generator's state as a uint8 tensor and back (for the "rng" weights entry).
at::Tensor generator_state(const at::Generator& gen);
void set_generator_state(at::Generator& gen, const at::Tensor& state);

}  // namespace rsd::engine::train
