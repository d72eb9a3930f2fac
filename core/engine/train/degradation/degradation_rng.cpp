#include "engine/train/degradation/degradation_rng.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>

namespace rsd::engine::train {
namespace {

// A private generator for `device`: CPU gets a fresh one; other devices clone their default
// generator so this file needs no CUDA headers.
at::Generator make_generator(c10::Device device, std::uint64_t seed) {
  at::Generator gen = device.is_cpu() ? at::detail::createCPUGenerator(seed)
                                      : at::globalContext().defaultGenerator(device).clone();
  gen.set_current_seed(seed);
  return gen;
}

}  // namespace

DegradationRng::DegradationRng(std::uint64_t seed, c10::Device device)
    : device_(device),
      params_(make_generator(c10::Device(c10::kCPU), seed)),
      // A different stream for the noise fields (golden-ratio offset of the seed).
      noise_(make_generator(device, seed ^ 0x9e3779b97f4a7c15ULL)) {}

double DegradationRng::uniform(double lo, double hi) {
  const double u = at::rand({1}, params_, at::TensorOptions().dtype(at::kDouble)).item<double>();
  return lo + (hi - lo) * u;
}

bool DegradationRng::bernoulli(double p) { return uniform(0.0, 1.0) < p; }

int DegradationRng::choice(const std::vector<double>& weights) {
  TORCH_CHECK(!weights.empty(), "choice from an empty list");
  double total = 0.0;
  for (double w : weights) {
    TORCH_CHECK(w >= 0.0, "negative choice weight");
    total += w;
  }
  TORCH_CHECK(total > 0.0, "choice weights sum to zero");
  const double u = uniform(0.0, total);
  double acc = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    acc += weights[i];
    if (u < acc) return static_cast<int>(i);
  }
  // u == total only through rounding: the last index with non-zero weight.
  for (std::size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0.0) return static_cast<int>(i);
  }
  return 0;
}

int DegradationRng::index(int n) {
  TORCH_CHECK(n > 0, "index range must be positive");
  const int i = static_cast<int>(uniform(0.0, static_cast<double>(n)));
  return i < n ? i : n - 1;
}

}  // namespace rsd::engine::train
