#include "engine/train/ema.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

namespace rsd::engine::train {

StateDict module_state_dict(const torch::nn::Module& module) {
  StateDict out;
  for (const auto& p : module.named_parameters()) out[p.key()] = p.value().detach().to(at::kCPU).clone();
  for (const auto& b : module.named_buffers()) out[b.key()] = b.value().detach().to(at::kCPU).clone();
  return out;
}

Ema::Ema(const torch::nn::Module& module, double rate) : rate_(rate) {
  torch::NoGradGuard no_grad;
  for (const auto& p : module.named_parameters())
    shadow_.emplace_back(p.key(), p.value().detach().clone());
}

void Ema::update(const torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  const auto params = module.named_parameters();
  TORCH_CHECK(params.size() == shadow_.size(), "EMA: the module's parameter list changed");
  for (size_t i = 0; i < shadow_.size(); ++i) {
    // lerp_(p, w): shadow + w (p - shadow) = rate * shadow + (1 - rate) * p
    shadow_[i].second.lerp_(params[i].value().detach(), 1.0 - rate_);
  }
}

StateDict Ema::shadow() const {
  StateDict out;
  for (const auto& [key, value] : shadow_) out[key] = value.to(at::kCPU).clone();
  return out;
}

StateDict Ema::state_dict(const torch::nn::Module& module) const {
  StateDict out = shadow();
  for (const auto& b : module.named_buffers()) out[b.key()] = b.value().detach().to(at::kCPU).clone();
  return out;
}

Status Ema::load_shadow(const StateDict& weights) {
  for (const auto& [key, value] : shadow_) {
    auto it = weights.find(key);
    if (it == weights.end()) return Error(ErrorCode::Model, "EMA tensor missing", key);
    if (!it->second.sizes().equals(value.sizes()))
      return Error(ErrorCode::Model, "EMA tensor has the wrong shape", key);
  }
  if (weights.size() != shadow_.size())
    return Error(ErrorCode::Model, "EMA state has " + std::to_string(weights.size()) +
                                       " tensors, the network " + std::to_string(shadow_.size()));
  torch::NoGradGuard no_grad;
  for (auto& [key, value] : shadow_) value.copy_(weights.at(key));
  return {};
}

}  // namespace rsd::engine::train
