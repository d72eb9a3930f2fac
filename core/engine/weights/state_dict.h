// StateDict: tensors by checkpoint key, the common currency of every weight format.
#pragma once

#include <ATen/core/Tensor.h>

#include <map>
#include <string>

namespace rsd::engine {

// Sorted by key, so listings and written files are deterministic. Tensors live on the CPU.
using StateDict = std::map<std::string, at::Tensor>;

// Free-form string metadata (the safetensors `__metadata__` map).
using WeightsMetadata = std::map<std::string, std::string>;

}  // namespace rsd::engine
