// FlopCounter: counts the floating-point work of convolutions and matrix products while it is
// active, by observing LibTorch's operator calls (at::RecordFunction, the mechanism the profiler
// uses). Counted: aten::convolution (2 * output elements * Cin/groups * kh * kw, transposed
// convolutions from the input side), aten::mm / addmm / bmm / baddbmm (2 * M * N * K per product).
// Elementwise ops, norms, softmax and resizes are not counted (a few % of a UNet's work).
// Only the operators named above are seen. Run counted forwards with grad mode on: without
// autograd, LibTorch's matmul and convolution reach their kernels through out= variants and
// backend ops the counter does not observe (measured on the lite student: 36.0 instead of 44.1
// GFLOP a call).
//
// Threading: one active counter per process; the callback is global.
#pragma once

#include <cstdint>

namespace rsd::bench {

class FlopCounter {
 public:
  FlopCounter();   // starts counting
  ~FlopCounter();  // stops
  FlopCounter(const FlopCounter&) = delete;
  FlopCounter& operator=(const FlopCounter&) = delete;

  double flops() const;           // since construction or the last reset()
  int64_t counted_calls() const;  // operator calls that added work
  void reset();

 private:
  uint64_t handle_ = 0;
};

}  // namespace rsd::bench
