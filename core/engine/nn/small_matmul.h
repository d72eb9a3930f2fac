// Batched products of many small matrices (Swin window attention: 64 x 32 x 64 per head).
//
// LibTorch's CPU matmul goes through the system BLAS, which on Debian defaults to the reference
// libblas (about 0.5 GFLOP/s here). For inference on CPU float32 this uses a vectorisable kernel
// parallelised over the batch; with autograd recording, on other devices or dtypes it falls back
// to at::matmul, so results and gradients keep LibTorch's semantics.
#pragma once

#include <torch/types.h>

namespace rsd::engine {

// a: [G, M, K], b: [G, K, N] (any strides) -> [G, M, N] contiguous.
torch::Tensor batched_matmul(const torch::Tensor& a, const torch::Tensor& b);

}  // namespace rsd::engine
