#include "engine/diffusion/noise_source.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

namespace rsd::engine {

NoiseSource::NoiseSource(const std::vector<uint64_t>& seeds) {
  generators_.reserve(seeds.size());
  for (uint64_t s : seeds) generators_.push_back(at::detail::createCPUGenerator(s));
}

torch::Tensor NoiseSource::normal(at::IntArrayRef item_shape, const torch::TensorOptions& options) {
  std::vector<at::Tensor> items;
  items.reserve(generators_.size());
  const auto cpu = at::TensorOptions().dtype(at::kFloat).device(at::kCPU);
  for (auto& gen : generators_) items.push_back(at::randn(item_shape, gen, cpu));
  return at::stack(items).to(options);
}

}  // namespace rsd::engine
