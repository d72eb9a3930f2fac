#include "engine/diffusion/sampler.h"

#include <ATen/ATen.h>

#include <string>

namespace rsd::engine {

ResShiftSampler::ResShiftSampler(Schedule schedule, SamplerConfig config)
    : schedule_(std::move(schedule)), config_(config) {}

torch::Tensor ResShiftSampler::gather(const std::vector<double>& values, const torch::Tensor& t,
                                      const torch::Tensor& like) const {
  // float64 table -> the entries for t, shaped [N, 1, 1, 1] to broadcast over [N, C, h, w].
  auto table = at::tensor(values, at::TensorOptions().dtype(at::kDouble));
  auto picked = table.index_select(0, t.to(at::kCPU, at::kLong).reshape({-1}));
  std::vector<int64_t> shape(std::max<int64_t>(like.dim(), 1), 1);
  shape[0] = picked.size(0);
  return picked.reshape(shape).to(like.options());
}

torch::Tensor ResShiftSampler::q_sample(const torch::Tensor& x0, const torch::Tensor& y,
                                        const torch::Tensor& t, const torch::Tensor& noise) const {
  const auto eta = gather(schedule_.eta, t, x0);
  const auto std = gather(schedule_.sqrt_eta, t, x0) * schedule_.kappa;
  return x0 + eta * (y - x0) + std * noise;
}

torch::Tensor ResShiftSampler::posterior_mean(const torch::Tensor& x_t, const torch::Tensor& x0,
                                              const torch::Tensor& t) const {
  return gather(schedule_.coef_xt, t, x_t) * x_t + gather(schedule_.coef_x0, t, x_t) * x0;
}

torch::Tensor ResShiftSampler::posterior_variance(const torch::Tensor& t,
                                                  const torch::Tensor& like) const {
  return gather(schedule_.posterior_variance, t, like);
}

torch::Tensor ResShiftSampler::posterior_log_variance(const torch::Tensor& t,
                                                      const torch::Tensor& like) const {
  return gather(schedule_.posterior_log_variance_clipped, t, like);
}

torch::Tensor ResShiftSampler::prior_sample(const torch::Tensor& y,
                                            const torch::Tensor& noise) const {
  return y + schedule_.noise_std(schedule_.steps - 1) * noise;
}

torch::Tensor ResShiftSampler::scale_input(const torch::Tensor& x_t, const torch::Tensor& t) const {
  if (!schedule_.normalize_input) return x_t;
  auto eta = gather(schedule_.eta, t, x_t);
  return x_t / at::sqrt(eta * (schedule_.kappa * schedule_.kappa) + 1.0);
}

torch::Tensor ResShiftSampler::predict_x0(Denoiser& net, const torch::Tensor& x_t, int t,
                                          const torch::Tensor& lq, NoiseSource& noise) const {
  const int64_t n = x_t.size(0);
  auto tt = at::full({n}, t, at::TensorOptions().dtype(at::kLong).device(x_t.device()));
  const auto dtype = config_.model_dtype;
  std::optional<torch::Tensor> extra;
  if (net.noise_channels() > 0)
    // RSD student: a fresh N(0, 1) map per call on its extra input channels.
    extra = noise.normal({net.noise_channels(), x_t.size(2), x_t.size(3)},
                         x_t.options().dtype(dtype));
  // The network sees the timestep of the full schedule this one may be respaced from.
  auto net_t = at::full({n}, schedule_.timesteps.at(size_t(t)),
                        at::TensorOptions().dtype(at::kLong).device(x_t.device()));
  auto x0 = net.denoise(scale_input(x_t, tt).to(dtype), net_t, lq.to(dtype), extra);
  return x0.to(at::kFloat);
}

Result<torch::Tensor> ResShiftSampler::sample(Denoiser& net, const torch::Tensor& z_y,
                                              const torch::Tensor& lq, NoiseSource& noise,
                                              const JobContext& ctx) const {
  const int T = schedule_.steps;
  const auto item_shape = z_y.sizes().slice(1);
  auto x = prior_sample(z_y, noise.normal(item_shape, z_y.options()));
  if (config_.kind == SamplerKind::Student) {
    if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled", "sampling");
    ctx.report(0.0, "step 1/1");
    auto x0 = predict_x0(net, x, T - 1, lq, noise);
    ctx.report(1.0, "step 1/1");
    return x0;
  }
  for (int t = T - 1; t >= 0; --t) {
    if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled", "sampling");
    const int done = T - 1 - t;
    ctx.report(double(done) / T, "step " + std::to_string(done + 1) + "/" + std::to_string(T));
    auto x0 = predict_x0(net, x, t, lq, noise);
    auto tt = at::full({x.size(0)}, t, at::TensorOptions().dtype(at::kLong));
    auto mean = posterior_mean(x, x0, tt);
    // The official sampler draws noise at every step and masks it at t = 0; drawing it here too
    // keeps the random streams aligned with it.
    auto eps = noise.normal(item_shape, x.options());
    x = t > 0 ? mean + at::exp(0.5 * posterior_log_variance(tt, x)) * eps : mean;
  }
  ctx.report(1.0, "step " + std::to_string(T) + "/" + std::to_string(T));
  return x;
}

Result<torch::Tensor> ResShiftSampler::upscale(Denoiser& net, Codec& codec, const torch::Tensor& lq,
                                               NoiseSource& noise, const JobContext& ctx) const {
  TORCH_CHECK(lq.dim() == 4 && lq.size(1) == 3, "lq must be [N, 3, h, w]");
  TORCH_CHECK(noise.batch() == lq.size(0), "one noise stream per batch item");
  const int64_t h = lq.size(2), w = lq.size(3);
  const auto dtype = config_.model_dtype;
  auto lq_pad = reflect_pad_to_multiple(lq.to(at::kFloat), config_.padding_offset);
  auto z_y = codec.encode(bicubic_upscale(lq_pad, config_.sf).to(dtype)).to(at::kFloat) *
             config_.latent_scale;
  if (z_y.size(2) != lq_pad.size(2) || z_y.size(3) != lq_pad.size(3))
    return Error(ErrorCode::Model,
                 "the codec's latent (" + std::to_string(z_y.size(2)) + "x" +
                     std::to_string(z_y.size(3)) + ") does not match the LR size; sf must equal "
                     "the codec's downsampling factor",
                 "sampler");
  auto z0 = sample(net, z_y, lq_pad, noise, ctx);
  if (!z0.ok()) return z0.error();
  auto img = codec.decode((*z0 / config_.latent_scale).to(dtype)).to(at::kFloat);
  using at::indexing::Slice;
  img = img.index({Slice(), Slice(), Slice(0, h * config_.sf), Slice(0, w * config_.sf)});
  return img.clamp(-1.0, 1.0);
}

torch::Tensor reflect_pad_to_multiple(const torch::Tensor& x, int multiple) {
  auto out = x;
  const int64_t target_h = (x.size(2) + multiple - 1) / multiple * multiple;
  const int64_t target_w = (x.size(3) + multiple - 1) / multiple * multiple;
  // Reflection cannot reach further than side - 1 pixels; repeat it until the size is reached.
  while (out.size(2) < target_h || out.size(3) < target_w) {
    const int64_t ph = std::min(target_h - out.size(2), out.size(2) - 1);
    const int64_t pw = std::min(target_w - out.size(3), out.size(3) - 1);
    if (ph <= 0 && pw <= 0) {  // a 1-pixel side cannot reflect: replicate instead
      out = at::replication_pad2d(out, {0, target_w - out.size(3), 0, target_h - out.size(2)});
      break;
    }
    out = at::reflection_pad2d(out, {0, std::max<int64_t>(pw, 0), 0, std::max<int64_t>(ph, 0)});
  }
  return out;
}

torch::Tensor bicubic_upscale(const torch::Tensor& x, int factor) {
  return at::upsample_bicubic2d(x, {x.size(2) * factor, x.size(3) * factor},
                                /*align_corners=*/false, double(factor), double(factor));
}

}  // namespace rsd::engine
