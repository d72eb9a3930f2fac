// NoiseSource: Gaussian noise with one seeded stream per batch item, so that a tile's noise depends
// only on its own seed and not on which other tiles share its batch or on the device.
#pragma once

#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace rsd::engine {

class NoiseSource {
 public:
  // One stream per seed; draws are fresh on every call (each stream advances).
  explicit NoiseSource(const std::vector<uint64_t>& seeds);

  int64_t batch() const { return static_cast<int64_t>(generators_.size()); }
  // N(0, 1) of shape [batch(), item_shape...], drawn in float32 on the CPU (bit-identical across
  // devices), then moved to `options` (device and dtype).
  torch::Tensor normal(at::IntArrayRef item_shape, const torch::TensorOptions& options);

 private:
  std::vector<at::Generator> generators_;
};

}  // namespace rsd::engine
