// Parameter counts of a network (or of the parameters under a key prefix), for the tests that
// check our networks against the official models' sizes.
#pragma once

#include <torch/nn/module.h>

#include <cstdint>
#include <string>

namespace rsd::engine::testing {

inline std::int64_t count_params(const torch::nn::Module& m, const std::string& prefix = "") {
  std::int64_t n = 0;
  for (const auto& kv : m.named_parameters())
    if (kv.key().rfind(prefix, 0) == 0) n += kv.value().numel();
  return n;
}

}  // namespace rsd::engine::testing
