// Batched products of many small matrices (see small_matmul.h for why this exists).
#include "engine/nn/small_matmul.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>

namespace rsd::engine {
namespace {

// C = A B for row-major A [m, k], B [k, n]. The inner loop runs along rows of B and C, which the
// compiler vectorises; four rows of C share each loaded row of B.
void matmul_block(const float* __restrict a, const float* __restrict b, float* __restrict c,
                  int64_t m, int64_t k, int64_t n) {
  int64_t i = 0;
  for (; i + 4 <= m; i += 4) {
    float* __restrict c0 = c + i * n;
    float* __restrict c1 = c0 + n;
    float* __restrict c2 = c1 + n;
    float* __restrict c3 = c2 + n;
    std::fill(c0, c0 + 4 * n, 0.0f);
    const float* a0 = a + i * k;
    for (int64_t p = 0; p < k; ++p) {
      const float* __restrict br = b + p * n;
      const float x0 = a0[p], x1 = a0[k + p], x2 = a0[2 * k + p], x3 = a0[3 * k + p];
      for (int64_t j = 0; j < n; ++j) {
        const float v = br[j];
        c0[j] += x0 * v;
        c1[j] += x1 * v;
        c2[j] += x2 * v;
        c3[j] += x3 * v;
      }
    }
  }
  for (; i < m; ++i) {
    float* __restrict cr = c + i * n;
    std::fill(cr, cr + n, 0.0f);
    for (int64_t p = 0; p < k; ++p) {
      const float x = a[i * k + p];
      const float* __restrict br = b + p * n;
      for (int64_t j = 0; j < n; ++j) cr[j] += x * br[j];
    }
  }
}

}  // namespace

torch::Tensor batched_matmul(const torch::Tensor& a, const torch::Tensor& b) {
  TORCH_CHECK(a.dim() == 3 && b.dim() == 3 && a.size(0) == b.size(0) && a.size(2) == b.size(1),
              "batched_matmul expects [G, M, K] and [G, K, N]");
  const bool recording = at::GradMode::is_enabled() && (a.requires_grad() || b.requires_grad());
  if (recording || !a.is_cpu() || !b.is_cpu() || a.scalar_type() != at::kFloat ||
      b.scalar_type() != at::kFloat) {
    return at::matmul(a, b);
  }
  const auto ac = a.contiguous();
  const auto bc = b.contiguous();
  const int64_t g = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
  auto c = at::empty({g, m, n}, a.options());
  const float* pa = ac.data_ptr<float>();
  const float* pb = bc.data_ptr<float>();
  float* pc = c.data_ptr<float>();
  const int64_t grain = std::max<int64_t>(1, 32768 / std::max<int64_t>(1, m * n * k / 64));
  at::parallel_for(0, g, grain, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i)
      matmul_block(pa + i * m * k, pb + i * k * n, pc + i * m * n, m, k, n);
  });
  return c;
}

}  // namespace rsd::engine
