// Optimizer helpers shared by the teacher trainer and the RSD distiller: AdamW with explicit
// weight decay (LibTorch's AdamW defaults to 1e-2, ResShift and RSD use 0), per-step learning
// rate and global-norm gradient clipping.
#pragma once

#include <torch/optim/adamw.h>
#include <torch/types.h>

#include <memory>
#include <vector>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace rsd::engine::train {

std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<torch::Tensor>& params, double lr,
                                                double beta1, double beta2, double weight_decay);
void set_learning_rate(torch::optim::Optimizer& optimizer, double lr);
// Clips the global L2 norm of the gradients to max_norm (> 0); returns the norm before clipping.
double clip_gradients(const std::vector<torch::Tensor>& params, double max_norm);

// AdamW's per-parameter state as named tensors, for checkpoints: "<group>.<index>.exp_avg",
// ".exp_avg_sq" and ".step" (int64 [1]) for every parameter that has taken a step; copies on the
// CPU in the parameters' dtype.
StateDict adamw_state(const torch::optim::AdamW& optimizer);
// Restores a state written by adamw_state() into an optimizer over the same parameter list
// (moments cast to each parameter's dtype and device). Fails on a shape mismatch or a parameter
// index the optimizer does not have; parameters missing from `state` start fresh.
Status load_adamw_state(torch::optim::AdamW& optimizer, const StateDict& state);

}  // namespace rsd::engine::train
