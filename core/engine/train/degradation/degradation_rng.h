// Random source of the degradation pipeline: one seed reproduces a whole batch.
//
// Two generators: `params` (always CPU) draws every scalar decision (kernel type, size, sigma,
// resize mode, noise level, JPEG quality), `noise` lives on the images' device and draws the
// noise fields. Keeping them apart means the scalar decisions are identical on CPU and CUDA for
// one seed; the noise fields are reproducible per device.
//
// Threading: not thread-safe; one DegradationRng per worker.
#pragma once

#include <ATen/core/Generator.h>
#include <c10/core/Device.h>

#include <cstdint>
#include <vector>

namespace rsd::engine::train {

class DegradationRng {
 public:
  DegradationRng(std::uint64_t seed, c10::Device device);

  // U[lo, hi)
  double uniform(double lo, double hi);
  // true with probability p
  bool bernoulli(double p);
  // Index drawn with the given (unnormalized, non-negative) weights.
  int choice(const std::vector<double>& weights);
  // Uniform index in [0, n).
  int index(int n);

  at::Generator& params() { return params_; }
  at::Generator& noise() { return noise_; }
  c10::Device device() const { return device_; }

 private:
  c10::Device device_;
  at::Generator params_;
  at::Generator noise_;
};

}  // namespace rsd::engine::train
