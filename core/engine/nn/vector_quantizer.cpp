// Nearest-codebook quantizer (zsyOAOA/ResShift ldm/modules/vqvae/quantize.py VectorQuantizer2).
#include "engine/nn/vector_quantizer.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace rsd::engine {

VectorQuantizer::VectorQuantizer(int64_t n_embed, int64_t embed_dim) {
  embedding_ = register_module("embedding", torch::nn::Embedding(n_embed, embed_dim));
  torch::NoGradGuard no_grad;
  embedding_->weight.uniform_(-1.0 / static_cast<double>(n_embed), 1.0 / static_cast<double>(n_embed));
}

torch::Tensor VectorQuantizer::nearest_indices(const torch::Tensor& z) const {
  torch::NoGradGuard no_grad;
  const auto& e = embedding_->weight;
  const int64_t dim = e.size(1), n_embed = e.size(0);
  TORCH_CHECK(z.dim() == 4 && z.size(1) == dim, "quantizer expects [N, ", dim, ", H, W]");
  // Distances in float32 whatever the network's precision: a near tie decided in bf16 picks
  // another code vector and changes a whole 4 x 4 output block.
  const auto ef = e.to(at::kFloat);
  const auto zf = z.permute({0, 2, 3, 1}).reshape({-1, dim}).to(at::kFloat);  // [rows, C]
  const auto e_sq = ef.pow(2).sum(1);  // [n_embed]
  const auto et = ef.t();
  const int64_t rows = zf.size(0);
  const int64_t chunk = std::clamp<int64_t>(chunk_bytes_ / (n_embed * 4), 1, std::max<int64_t>(rows, 1));
  auto idx = at::empty({rows}, z.options().dtype(at::kLong));
  for (int64_t s = 0; s < rows; s += chunk) {
    const int64_t n = std::min(chunk, rows - s);
    const auto zc = zf.narrow(0, s, n);
    auto d = at::addmm(zc.pow(2).sum(1, /*keepdim=*/true) + e_sq, zc, et, 1.0, -2.0);  // [n, n_embed]
    idx.narrow(0, s, n).copy_(d.argmin(1));
  }
  return idx;
}

torch::Tensor VectorQuantizer::forward(const torch::Tensor& z) {
  const auto idx = nearest_indices(z);
  auto zq = embedding_->weight.index_select(0, idx)
                .view({z.size(0), z.size(2), z.size(3), z.size(1)})
                .permute({0, 3, 1, 2})
                .to(z.scalar_type());
  // The reference returns z + (z_q - z).detach(); keep its exact float result.
  return z + (zq - z).detach();
}

}  // namespace rsd::engine
