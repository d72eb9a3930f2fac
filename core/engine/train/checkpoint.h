// Training checkpoints: one folder per step under <out>/checkpoints/step-NNNNNNNN holding
//   <name>.safetensors   weights (model, EMA, fake model, discriminator, RNG states as uint8)
//   <name>.optim         optimizer state (LibTorch serialize archive)
//   state.json           step, config, counters
// The folder is written as step-NNNNNNNN.partial and renamed when complete, so a crash never
// leaves a half-written checkpoint under a final name; resume picks the highest complete step.
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

namespace torch::optim {
class Optimizer;
}

namespace rsd::engine::train {

class CheckpointWriter {
 public:
  CheckpointWriter(std::filesystem::path out_dir, int step);

  void add_weights(const std::string& name, StateDict weights);
  void add_optimizer(const std::string& name, torch::optim::Optimizer& optimizer);
  void set_state(nlohmann::json state) { state_ = std::move(state); }
  // Writes everything into the .partial folder, renames it into place, then deletes all but the
  // newest `keep` step folders. Returns the final folder.
  Result<std::filesystem::path> commit(int keep);

 private:
  std::filesystem::path out_dir_;
  int step_;
  std::map<std::string, StateDict> weights_;
  std::map<std::string, torch::optim::Optimizer*> optimizers_;
  nlohmann::json state_;
};

class CheckpointReader {
 public:
  static Result<CheckpointReader> open(const std::filesystem::path& folder);

  int step() const { return step_; }
  const nlohmann::json& state() const { return state_; }
  const std::filesystem::path& folder() const { return folder_; }
  Result<StateDict> weights(const std::string& name) const;
  Status load_optimizer(const std::string& name, torch::optim::Optimizer& optimizer) const;

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
