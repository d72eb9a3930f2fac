#include "engine/train/loop_optim.h"

#include <torch/nn/utils/clip_grad.h>

namespace rsd::engine::train {

std::unique_ptr<torch::optim::AdamW> make_adamw(const std::vector<torch::Tensor>& params, double lr,
                                                double beta1, double beta2, double weight_decay) {
  torch::optim::AdamWOptions options(lr);
  options.betas({beta1, beta2}).weight_decay(weight_decay).eps(1e-8);
  return std::make_unique<torch::optim::AdamW>(params, options);
}

void set_learning_rate(torch::optim::Optimizer& optimizer, double lr) {
  for (auto& group : optimizer.param_groups())
    static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

double clip_gradients(const std::vector<torch::Tensor>& params, double max_norm) {
  return torch::nn::utils::clip_grad_norm_(params, max_norm);
}

}  // namespace rsd::engine::train
