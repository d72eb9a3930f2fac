// ResShiftSampler: forward process, posterior and the two samplers (T-step stochastic teacher,
// one-step student) plus the official image-space pipeline around them.
// ResShift, models/gaussian_diffusion.py + sampler.py; SinSR/RSD one-step inference.
//
// Threading: const methods only; use from the inference thread. LibTorch errors (c10::Error,
// including out-of-memory) propagate as exceptions to the caller, which is the tiling layer;
// cancellation comes back as ErrorCode::Cancelled.
#pragma once

#include <torch/types.h>

#include "base/error.h"
#include "base/job_context.h"
#include "engine/diffusion/noise_source.h"
#include "engine/diffusion/schedule.h"
#include "engine/nn/codec.h"
#include "engine/nn/denoiser.h"

namespace rsd::engine {

enum class SamplerKind {
  Teacher,  // T network calls, posterior step with fresh noise between them
  Student,  // one network call at t = T-1, its x0 prediction is the result
};

struct SamplerConfig {
  SamplerKind kind = SamplerKind::Teacher;
  int sf = 4;                  // LR -> HR scale
  int padding_offset = 64;     // LR sides are reflect-padded to a multiple of this
  double latent_scale = 1.0;   // z = codec.encode(x) * latent_scale
  // dtype the networks' weights and activations are in; the sampler state stays float32.
  torch::Dtype model_dtype = torch::kFloat;
};

class ResShiftSampler {
 public:
  ResShiftSampler(Schedule schedule, SamplerConfig config);

  const Schedule& schedule() const { return schedule_; }
  const SamplerConfig& config() const { return config_; }
  // The dtype the networks' weights now have (LoadedModel::set_precision casts them).
  void set_model_dtype(torch::Dtype dtype) { config_.model_dtype = dtype; }

  // q(x_t | x0, y): x0 + eta_t (y - x0) + kappa sqrt(eta_t) noise. t: int64 [N] indices 0..T-1.
  torch::Tensor q_sample(const torch::Tensor& x0, const torch::Tensor& y, const torch::Tensor& t,
                         const torch::Tensor& noise) const;
  // Mean of q(x_{t-1} | x_t, x0): coef_xt[t] x_t + coef_x0[t] x0.
  torch::Tensor posterior_mean(const torch::Tensor& x_t, const torch::Tensor& x0,
                               const torch::Tensor& t) const;
  // Posterior variance / clipped log-variance, broadcastable as [N, 1, 1, 1].
  torch::Tensor posterior_variance(const torch::Tensor& t, const torch::Tensor& like) const;
  torch::Tensor posterior_log_variance(const torch::Tensor& t, const torch::Tensor& like) const;
  // x_T = y + kappa sqrt(eta_T) noise.
  torch::Tensor prior_sample(const torch::Tensor& y, const torch::Tensor& noise) const;
  // x_t as the network sees it (normalize_input): x_t / sqrt(kappa^2 eta_t + 1).
  torch::Tensor scale_input(const torch::Tensor& x_t, const torch::Tensor& t) const;
  // One network call: x0 prediction for x_t at step t (all items at the same t; t indexes this
  // schedule, the network gets schedule().timesteps[t]).
  torch::Tensor predict_x0(Denoiser& net, const torch::Tensor& x_t, int t, const torch::Tensor& lq,
                           NoiseSource& noise) const;

  // Latent-space sampling from z_y (the encoded bicubic upsampling of lq). Teacher: the full
  // reverse chain (`steps` must equal the schedule's); student: one call at t = T-1.
  // Progress goes to ctx as "step i/T"; ctx.cancel is checked before every network call.
  Result<torch::Tensor> sample(Denoiser& net, const torch::Tensor& z_y, const torch::Tensor& lq,
                               NoiseSource& noise, const JobContext& ctx) const;

  // The official pipeline for a batch of LR images lq [N, 3, h, w] in [-1, 1]: reflect-pad to
  // padding_offset, bicubic x sf, encode, sample, decode (quantizing), crop, clamp.
  // Returns [N, 3, h*sf, w*sf] float32 in [-1, 1] on lq's device.
  Result<torch::Tensor> upscale(Denoiser& net, Codec& codec, const torch::Tensor& lq,
                                NoiseSource& noise, const JobContext& ctx) const;

 private:
  torch::Tensor gather(const std::vector<double>& values, const torch::Tensor& t,
                       const torch::Tensor& like) const;

  Schedule schedule_;
  SamplerConfig config_;
};

// Reflect-pads bottom/right of x [N, C, h, w] to multiples of `multiple`. Pads larger than the image
// are done by repeated reflection, so any size works (the official one-shot reflect needs pad < side).
torch::Tensor reflect_pad_to_multiple(const torch::Tensor& x, int multiple);
// Bicubic resize by an integer factor as torch.nn.functional.interpolate(mode="bicubic",
// align_corners=False) without antialias or clamping.
torch::Tensor bicubic_upscale(const torch::Tensor& x, int factor);

}  // namespace rsd::engine
