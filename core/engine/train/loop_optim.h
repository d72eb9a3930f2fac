// Optimizer helpers shared by the teacher trainer and the RSD distiller: AdamW with explicit
// weight decay (LibTorch's AdamW defaults to 1e-2, ResShift and RSD use 0), per-step learning
// rate and global-norm gradient clipping.
#pragma once

#include <torch/optim/adamw.h>
#include <torch/types.h>

#include <memory>
#include <vector>

namespace rsd::engine::train {

std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<torch::Tensor>& params, double lr,
                                                double beta1, double beta2, double weight_decay);
void set_learning_rate(torch::optim::Optimizer& optimizer, double lr);
// Clips the global L2 norm of the gradients to max_norm (> 0); returns the norm before clipping.
double clip_gradients(const std::vector<torch::Tensor>& params, double max_norm);

}  // namespace rsd::engine::train
