// Shared network pieces (zsyOAOA/ResShift models/basic_ops.py).
#include "engine/nn/basic_ops.h"

#include <ATen/ATen.h>
#include <torch/nn/functional/normalization.h>

#include <cmath>

namespace rsd::engine {

torch::nn::GroupNorm make_group_norm32(int64_t channels, double eps) {
  return torch::nn::GroupNorm(torch::nn::GroupNormOptions(32, channels).eps(eps).affine(true));
}

torch::Tensor group_norm32(const torch::nn::GroupNorm& norm, const torch::Tensor& x) {
  const auto& o = norm->options;
  if (x.scalar_type() == torch::kFloat)
    return at::group_norm(x, o.num_groups(), norm->weight, norm->bias, o.eps());
  return at::group_norm(x.to(torch::kFloat), o.num_groups(), norm->weight.to(torch::kFloat),
                        norm->bias.to(torch::kFloat), o.eps())
      .to(x.scalar_type());
}

torch::Tensor silu_fresh(torch::Tensor x) {
  // In place would overwrite the input that SiLU's backward needs.
  if (at::GradMode::is_enabled() && x.requires_grad()) return at::silu(x);
  return at::silu_(x);
}

torch::Tensor timestep_embedding(const torch::Tensor& t, int64_t dim, double max_period) {
  TORCH_CHECK(t.dim() == 1, "timestep_embedding expects a 1-D tensor of step indices");
  const int64_t half = dim / 2;
  // Same op order as the reference (float32 throughout) so values agree to the last bit or so.
  auto freqs = at::exp(at::arange(0, half, t.options().dtype(torch::kFloat)) *
                       (-std::log(max_period)) / static_cast<double>(half));
  auto args = t.to(torch::kFloat).unsqueeze(1) * freqs.unsqueeze(0);  // [N, half]
  auto emb = at::cat({at::cos(args), at::sin(args)}, 1);
  if (dim % 2) emb = at::cat({emb, at::zeros_like(emb.narrow(1, 0, 1))}, 1);
  return emb;
}

torch::Tensor conv1x1(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  const bool recording = at::GradMode::is_enabled() &&
                         (x.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad()));
  if (!recording && at::hasMKLDNN() && x.is_cpu() && x.scalar_type() == at::kFloat &&
      weight.scalar_type() == at::kFloat) {
    return at::mkldnn_convolution(x.contiguous(), weight.contiguous(),
                                  bias.defined() ? c10::optional<at::Tensor>(bias) : c10::nullopt,
                                  {0, 0}, {1, 1}, {1, 1}, 1);
  }
  return at::conv2d(x, weight, bias);
}

torch::Tensor upsample_nearest2x(const torch::Tensor& x) {
  return at::upsample_nearest2d(x, {x.size(2) * 2, x.size(3) * 2}, 2.0, 2.0);
}

torch::Tensor TimestepEmbedSequential::forward(torch::Tensor x, const torch::Tensor& emb) {
  for (const auto& layer : layers_) x = layer(x, emb);
  return x;
}

}  // namespace rsd::engine
