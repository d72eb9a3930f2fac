// Shared network pieces (zsyOAOA/ResShift models/basic_ops.py, models/unet.py TimestepEmbedSequential).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace rsd::engine {

// GroupNorm32: 32 groups, affine; computed in float32 and cast back (fp16 torsos stay stable).
torch::nn::GroupNorm make_group_norm32(int64_t channels, double eps = 1e-5);
torch::Tensor group_norm32(const torch::nn::GroupNorm& norm, const torch::Tensor& x);

// SiLU that works in place on a fresh tensor when no autograd graph is being recorded.
torch::Tensor silu_fresh(torch::Tensor x);

// Sinusoidal embedding [N, dim] of step indices t [N]: cos half first, then sin
// (freq_k = exp(-ln(max_period) * k / half)); an odd dim gets a zero column.
torch::Tensor timestep_embedding(const torch::Tensor& t, int64_t dim, double max_period = 10000.0);

// 1x1 convolution (a per-pixel GEMM). For CPU float32 inference it calls oneDNN directly: LibTorch
// sends 1x1 convs of a single image on one thread to its im2col + system-BLAS path, which is the
// slow reference BLAS on Debian. With autograd recording or on other devices: at::conv2d.
// weight: [Cout, Cin, 1, 1]; bias may be undefined.
torch::Tensor conv1x1(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias = {});

// Nearest-neighbour x2 upsampling (F.interpolate(scale_factor=2, mode="nearest")).
torch::Tensor upsample_nearest2x(const torch::Tensor& x);

// A Sequential whose children are called with (x, emb) when they take a time embedding and with
// (x) otherwise. Children are registered as "0", "1", ... so keys match the checkpoint.
class TimestepEmbedSequential : public torch::nn::Module {
 public:
  template <class M>
  std::shared_ptr<M> add(std::shared_ptr<M> m) {
    register_module(std::to_string(layers_.size()), m);
    if constexpr (takes_embedding<M>::value) {
      layers_.emplace_back([m](const torch::Tensor& x, const torch::Tensor& emb) { return m->forward(x, emb); });
    } else {
      layers_.emplace_back([m](const torch::Tensor& x, const torch::Tensor&) { return m->forward(x); });
    }
    return m;
  }
  torch::Tensor forward(torch::Tensor x, const torch::Tensor& emb);
  size_t size() const { return layers_.size(); }

 private:
  template <class M, class = void>
  struct takes_embedding : std::false_type {};
  template <class M>
  struct takes_embedding<M, std::void_t<decltype(std::declval<M&>().forward(
                                std::declval<torch::Tensor>(), std::declval<torch::Tensor>()))>>
      : std::true_type {};

  std::vector<std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>> layers_;
};

}  // namespace rsd::engine
