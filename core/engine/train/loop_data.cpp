#include "engine/train/loop_data.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/utils.h>

#include "engine/diffusion/sampler.h"
#include "engine/train/degradation/realesrgan_degradation.h"

namespace rsd::engine::train {

BatchSource::~BatchSource() = default;

Result<std::unique_ptr<BatchSource>> BatchSource::open(const std::string& path,
                                                       const TrainConfig& config, int sf) {
  auto reader = PatchDatasetReader::open(path);
  if (!reader) return reader.error();
  std::unique_ptr<BatchSource> s(new BatchSource());
  s->config_ = config;
  s->sf_ = sf;
  s->reader_ = std::move(*reader);
  const auto& g = s->reader_->geometry();
  if (g.channels != 3) return Error(ErrorCode::Unsupported, "patches must have 3 channels", path);
  if (g.height % sf != 0 || g.width % sf != 0)
    return Error(ErrorCode::InvalidArgument,
                 "patch size " + std::to_string(g.height) + "x" + std::to_string(g.width) +
                     " is not a multiple of the scale factor " + std::to_string(sf), path);
  s->train_ = s->reader_->indices(Split::Train);
  s->val_ = s->reader_->indices(Split::Validation);
  if (s->train_.empty()) return Error(ErrorCode::InvalidArgument, "dataset has no training patches", path);
  if (config.degradation == DegradationMode::RealEsrgan) {
    auto dc = degradation_config_from_json(config.degradation_params);
    if (!dc) return dc.error().within("degradation_params");
    dc->sf = sf;
    if (auto st = dc->validate(); !st) return st.error().within("degradation_params");
    s->realesrgan_ = std::make_unique<RealEsrganDegradation>(*dc);
  }
  return s;
}

torch::Tensor BatchSource::degrade(const torch::Tensor& hr01, std::uint64_t seed) const {
  if (!realesrgan_) return bicubic_degrade(hr01, sf_);
  DegradationRng rng(seed, hr01.device());
  return realesrgan_->degrade(hr01, rng);
}

torch::Tensor encode_latent(Codec& codec, const torch::Tensor& img, double latent_scale) {
  torch::NoGradGuard no_grad;
  return codec.encode(img) * latent_scale;
}

Result<TrainingBatch> BatchSource::next(at::Generator& gen, Codec& codec, double latent_scale,
                                        const torch::Device& device) {
  const int64_t n = config_.batch_size;
  const auto cpu_long = at::TensorOptions().dtype(at::kLong);
  auto picks = at::randint(static_cast<int64_t>(train_.size()), {n}, gen, cpu_long);
  auto flips = at::rand({n}, gen, at::TensorOptions().dtype(at::kFloat));
  // Drawn even in bicubic mode so the random stream does not depend on the degradation mode.
  const auto seed = static_cast<std::uint64_t>(
      at::randint(int64_t(1) << 62, {1}, gen, cpu_long).item<int64_t>());
  std::vector<std::int64_t> indices(n);
  for (int64_t i = 0; i < n; ++i) indices[i] = train_[picks[i].item<int64_t>()];
  auto hr = reader_->read_batch(indices);
  if (!hr) return hr.error();
  torch::Tensor hr01 = *hr;
  if (config_.hflip) {
    auto mask = (flips < 0.5).view({n, 1, 1, 1});
    hr01 = at::where(mask, hr01.flip({3}), hr01);
  }
  hr01 = hr01.to(device);
  TrainingBatch b;
  try {
    torch::NoGradGuard no_grad;
    auto lr01 = degrade(hr01, seed);
    b.hr = hr01 * 2.0 - 1.0;
    b.lq = lr01 * 2.0 - 1.0;
    b.z0 = encode_latent(codec, b.hr, latent_scale);
    b.zy = encode_latent(codec, bicubic_upscale(b.lq, sf_), latent_scale);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "training batch");
  }
  return b;
}

Result<TrainingBatch> BatchSource::validation(int count, const torch::Device& device) {
  const auto n = std::min<int64_t>(count, static_cast<int64_t>(val_.size()));
  TrainingBatch b;
  if (n <= 0) return b;
  std::vector<std::int64_t> indices(val_.begin(), val_.begin() + n);
  auto hr = reader_->read_batch(indices);
  if (!hr) return hr.error();
  torch::NoGradGuard no_grad;
  auto hr01 = hr->to(device);
  b.hr = hr01 * 2.0 - 1.0;
  b.lq = degrade(hr01, /*seed=*/20250314) * 2.0 - 1.0;
  return b;
}

}  // namespace rsd::engine::train
