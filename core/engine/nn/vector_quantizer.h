// Nearest-codebook quantizer (zsyOAOA/ResShift ldm/modules/vqvae/quantize.py VectorQuantizer2).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/types.h>

namespace rsd::engine {

// Key: embedding.weight [n_embed, embed_dim].
class VectorQuantizer : public torch::nn::Module {
 public:
  static constexpr int64_t kDefaultChunkBytes = int64_t{64} << 20;

  VectorQuantizer(int64_t n_embed, int64_t embed_dim);
  // z: [N, C, H, W] -> indices [N*H*W] of the nearest entries by squared L2 distance
  // (|z|^2 + |e|^2 - 2 z.e, as the reference), computed in row chunks of bounded memory.
  torch::Tensor nearest_indices(const torch::Tensor& z) const;
  // z -> z + (e[nearest] - z).detach(): the codebook vectors, with a straight-through gradient.
  torch::Tensor forward(const torch::Tensor& z);
  const torch::Tensor& codebook() const { return embedding_->weight; }

 private:
  torch::nn::Embedding embedding_{nullptr};
  int64_t chunk_bytes_ = kDefaultChunkBytes;
};

}  // namespace rsd::engine
