#include "engine/train/loop_validation.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/utils.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/diffusion/noise_source.h"
#include "engine/diffusion/sampler.h"

namespace rsd::engine::train {

nlohmann::json ValidationResult::to_json() const {
  nlohmann::json j = {{"count", count},
                      {"psnr_bicubic", psnr_bicubic},
                      {"psnr_one_step", psnr_one_step}};
  if (steps > 0) {
    j["psnr_multi_step"] = psnr_multi_step;
    j["multi_steps"] = steps;
  }
  return j;
}

std::string ValidationResult::line() const {
  char buf[200];
  if (steps > 0)
    std::snprintf(buf, sizeof buf, "val PSNR (%d patches): bicubic %.2f dB | 1-step %.2f dB | %d-step %.2f dB",
                  count, psnr_bicubic, psnr_one_step, steps, psnr_multi_step);
  else
    std::snprintf(buf, sizeof buf, "val PSNR (%d patches): bicubic %.2f dB | 1-step %.2f dB", count,
                  psnr_bicubic, psnr_one_step);
  return buf;
}

double psnr(const torch::Tensor& a, const torch::Tensor& b) {
  auto a01 = (a.to(at::kFloat).clamp(-1, 1) + 1) * 0.5;
  auto b01 = (b.to(at::kFloat).clamp(-1, 1) + 1) * 0.5;
  auto mse = (a01 - b01).pow(2).flatten(1).mean(1).clamp_min(1e-10);
  return (-10.0 * at::log10(mse)).mean().item<double>();
}

namespace {

Result<double> sampler_psnr(Denoiser& net, Codec& codec, const Schedule& schedule,
                            const DiffusionParams& params, const TrainingBatch& val, int batch,
                            SamplerKind kind) {
  SamplerConfig sc;
  sc.kind = kind;
  sc.sf = params.sf;
  sc.padding_offset = 1;  // patches already fit the network
  sc.latent_scale = params.latent_scale;
  ResShiftSampler sampler(schedule, sc);
  const int64_t n = val.lq.size(0);
  double sum = 0.0;
  for (int64_t begin = 0; begin < n; begin += batch) {
    const int64_t len = std::min<int64_t>(batch, n - begin);
    std::vector<uint64_t> seeds;
    for (int64_t i = 0; i < len; ++i) seeds.push_back(static_cast<uint64_t>(begin + i));
    NoiseSource noise(seeds);
    auto sr = sampler.upscale(net, codec, val.lq.narrow(0, begin, len), noise, JobContext{});
    if (!sr) return sr.error();
    sum += psnr(*sr, val.hr.narrow(0, begin, len)) * static_cast<double>(len);
  }
  return sum / static_cast<double>(n);
}

}  // namespace

Result<ValidationResult> run_validation(Denoiser& net, Codec& codec, const Schedule& schedule,
                                        const DiffusionParams& params, const TrainingBatch& val,
                                        int batch, bool multi_step) {
  ValidationResult r;
  if (!val.lq.defined() || val.lq.size(0) == 0) return r;
  try {
    torch::NoGradGuard no_grad;
    net.module().eval();
    r.count = static_cast<int>(val.lq.size(0));
    r.psnr_bicubic = psnr(bicubic_upscale(val.lq, params.sf), val.hr);
    auto one = sampler_psnr(net, codec, schedule, params, val, batch, SamplerKind::Student);
    if (!one) return one.error();
    r.psnr_one_step = *one;
    if (multi_step) {
      auto multi = sampler_psnr(net, codec, schedule, params, val, batch, SamplerKind::Teacher);
      if (!multi) return multi.error();
      r.psnr_multi_step = *multi;
      r.steps = schedule.steps;
    }
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "validation");
  }
  return r;
}

}  // namespace rsd::engine::train
