#include "engine/train/loop_optim.h"

#include <ATen/ATen.h>
#include <torch/nn/utils/clip_grad.h>

#include <string>

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

namespace {

std::string state_key(std::size_t group, std::size_t index, const char* field) {
  return std::to_string(group) + "." + std::to_string(index) + "." + field;
}

// The key LibTorch's optimizers file a parameter's state under.
std::string param_key(const at::Tensor& param) { return c10::guts::to_string(param.unsafeGetTensorImpl()); }

}  // namespace

StateDict adamw_state(const torch::optim::AdamW& optimizer) {
  StateDict out;
  const auto& groups = optimizer.param_groups();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& params = groups[g].params();
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto it = optimizer.state().find(param_key(params[i]));
      if (it == optimizer.state().end()) continue;
      const auto& s = static_cast<const torch::optim::AdamWParamState&>(*it->second);
      out[state_key(g, i, "exp_avg")] = s.exp_avg().detach().to(at::kCPU).clone();
      out[state_key(g, i, "exp_avg_sq")] = s.exp_avg_sq().detach().to(at::kCPU).clone();
      out[state_key(g, i, "step")] = at::full({1}, s.step(), at::TensorOptions().dtype(at::kLong));
    }
  }
  return out;
}

Status load_adamw_state(torch::optim::AdamW& optimizer, const StateDict& state) {
  auto& groups = optimizer.param_groups();
  std::size_t restored = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& params = groups[g].params();
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto avg = state.find(state_key(g, i, "exp_avg"));
      const auto sq = state.find(state_key(g, i, "exp_avg_sq"));
      const auto step = state.find(state_key(g, i, "step"));
      if (avg == state.end() || sq == state.end() || step == state.end()) continue;
      const at::Tensor& p = params[i];
      if (avg->second.sizes() != p.sizes() || sq->second.sizes() != p.sizes() || step->second.numel() != 1) {
        return Error(ErrorCode::Format, "optimizer state does not fit parameter " + state_key(g, i, ""));
      }
      auto s = std::make_unique<torch::optim::AdamWParamState>();
      s->step(step->second.to(at::kLong).item<std::int64_t>());
      s->exp_avg(avg->second.to(p.options()).clone());
      s->exp_avg_sq(sq->second.to(p.options()).clone());
      optimizer.state()[param_key(p)] = std::move(s);
      restored += 3;
    }
  }
  if (restored != state.size()) return Error(ErrorCode::Format, "optimizer state names parameters the optimizer lacks");
  return {};
}

}  // namespace rsd::engine::train
