// Ema: exponential moving average of a network's parameters, as ResShift and RSD keep it
// (ResShift trainer.py update_ema_model: ema = rate * ema + (1 - rate) * param; buffers are not
// averaged). The EMA weights are what gets exported and used for inference.
//
// Threading: use from the training thread that owns the module.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace rsd::engine::train {

// Parameters and buffers of `module` by checkpoint key, detached copies on the CPU.
StateDict module_state_dict(const torch::nn::Module& module);

class Ema {
 public:
  // Starts as an exact copy of the module's parameters (on their device).
  Ema(const torch::nn::Module& module, double rate);

  double rate() const { return rate_; }
  // shadow = rate * shadow + (1 - rate) * param, without autograd.
  void update(const torch::nn::Module& module);
  // The EMA parameters plus the module's own buffers, on the CPU: a loadable state_dict.
  StateDict state_dict(const torch::nn::Module& module) const;
  // Parameters only, on the CPU (checkpoints).
  StateDict shadow() const;
  // Restores a shadow written by shadow(); every parameter must be present with its shape.
  Status load_shadow(const StateDict& weights);

 private:
  double rate_;
  std::vector<std::pair<std::string, torch::Tensor>> shadow_;
};

}  // namespace rsd::engine::train
