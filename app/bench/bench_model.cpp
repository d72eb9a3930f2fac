#include "bench_model.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/cuda.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

#include "engine/diffusion/noise_source.h"
#include "engine/loaded_model.h"
#include "flop_counter.h"

#ifdef RSD_BENCH_CUDA_STATS
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace rsd::bench {

using engine::DeviceKind;

struct BenchModel::Impl : engine::LoadedModel {
  explicit Impl(engine::LoadedModel m) : engine::LoadedModel(std::move(m)) {}
};

namespace {

// A seeded random LR batch [1, 3, h, w] in [-1, 1].
at::Tensor random_lr(int w, int h, uint64_t seed, const at::Device& device) {
  engine::NoiseSource noise({seed});
  return (noise.normal({3, h, w}, at::TensorOptions().dtype(at::kFloat)) * 0.4).clamp(-1, 1)
      .to(device);
}

void synchronize(bool cuda) {
  if (cuda) torch::cuda::synchronize();
}

}  // namespace

Result<std::unique_ptr<BenchModel>> BenchModel::create(const engine::ModelCard& card,
                                                       DeviceKind device, bool allow_random) {
  try {
    torch::NoGradGuard no_grad;
    auto model = engine::load_model(
        card, device, allow_random ? engine::MissingWeights::Random : engine::MissingWeights::Refuse);
    if (!model.ok()) return model.error();
    auto impl = std::make_unique<Impl>(std::move(model).value());
    return std::unique_ptr<BenchModel>(new BenchModel(std::move(impl)));
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), card.name);
  }
}

BenchModel::BenchModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BenchModel::~BenchModel() = default;

const engine::ModelCard& BenchModel::card() const { return impl_->card; }
bool BenchModel::random_weights() const { return impl_->random_weights; }
bool BenchModel::on_cuda() const { return impl_->device == DeviceKind::Cuda; }
int BenchModel::network_calls() const { return impl_->network_calls(); }
std::string BenchModel::precision() const { return engine::to_string(impl_->precision); }

Status BenchModel::set_precision(const std::string& precision) {
  auto p = engine::parse_precision(precision);
  if (!p.ok()) return p.error();
  try {
    return impl_->set_precision(*p);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), impl_->card.name);
  }
}

int64_t BenchModel::parameter_count() const {
  int64_t n = 0;
  for (const auto& p : impl_->unet->parameters()) n += p.numel();
  if (auto* m = impl_->codec->module())
    for (const auto& p : m->parameters()) n += p.numel();
  return n;
}

Result<RunResult> BenchModel::run_random(int lr_width, int lr_height, const RunSettings& s) {
  Impl& m = *impl_;
  auto precision = engine::parse_precision(s.precision);
  if (!precision.ok()) return precision.error();
  const bool cuda = on_cuda();
  try {
    torch::NoGradGuard no_grad;
    if (auto st = m.set_precision(*precision); !st.ok()) return st.error();
    engine::TilingOptions to = m.tiling(0);
    to.tile = s.tile;
    to.overlap = s.tile_overlap;
    to.tiles_per_batch = s.tiles_per_batch;
    to.seed = s.seed;
    auto lq = random_lr(lr_width, lr_height, s.seed, m.torch_device());
    const auto fn = m.tile_function();
#ifdef RSD_BENCH_CUDA_STATS
    if (cuda) c10::cuda::CUDACachingAllocator::resetPeakStats(0);
#endif
    synchronize(cuda);
    engine::TilingReport report;
    const auto t0 = std::chrono::steady_clock::now();
    auto out = engine::run_tiled(lq, to, fn, JobContext{}, &report);
    synchronize(cuda);
    const auto t1 = std::chrono::steady_clock::now();
    if (!out.ok()) return out.error().within(m.card.name);
    RunResult r;
    r.seconds = std::chrono::duration<double>(t1 - t0).count();
    r.out_height = static_cast<int>(out->size(2));
    r.out_width = static_cast<int>(out->size(3));
    r.tile = report.tile;
    r.tile_width = report.tile_width;
    r.tile_height = report.tile_height;
    r.network_pixels = report.network_pixels;
    r.tiles_per_batch = report.tiles_per_batch;
    r.tile_count = report.tile_count;
#ifdef RSD_BENCH_CUDA_STATS
    if (cuda) {
      const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(0);
      r.cuda_peak_bytes = stats.allocated_bytes[0].peak;  // index 0: StatType::AGGREGATE
    }
#endif
    return r;
  } catch (const c10::Error& e) {
    return Error(engine::is_out_of_memory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal,
                 e.what_without_backtrace(), m.card.name);
  }
}

Result<FlopCount> BenchModel::count_flops(int lr_side) {
  Impl& m = *impl_;
  try {
    // Grad mode on (see flop_counter.h); the graph is dropped after each component.
    torch::AutoGradMode grad(true);
    // Parameters that require grad make every product go through the ops the counter observes.
    for (auto& p : m.unet->parameters()) p.requires_grad_(true);
    if (auto* cm = m.codec->module())
      for (auto& p : cm->parameters()) p.requires_grad_(true);
    const int sf = m.card.diffusion.sf;
    auto lq = random_lr(lr_side, lr_side, 7, m.torch_device());
    FlopCount fc;
    fc.steps = network_calls();
    fc.out_pixels = lr_side * sf * lr_side * sf;
    FlopCounter counter;
    const auto dtype = engine::precision_dtype(m.precision);
    auto y = engine::bicubic_upscale(lq, sf).to(dtype);
    counter.reset();
    auto z_y = m.codec->encode(y).to(at::kFloat) * m.sampler->config().latent_scale;
    fc.encode = counter.flops();
    engine::NoiseSource noise({7});
    counter.reset();
    auto x0 = m.sampler->predict_x0(*m.unet, z_y, m.sampler->schedule().steps - 1, lq, noise);
    fc.denoiser = counter.flops();
    x0 = x0.detach().to(dtype);
    counter.reset();
    m.codec->decode(x0);
    fc.decode = counter.flops();
    return fc;
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), m.card.name + ": FLOP count");
  }
}

Result<double> BenchModel::time_denoiser(int lr_side, int warmups, int runs) {
  Impl& m = *impl_;
  try {
    torch::NoGradGuard no_grad;
    const bool cuda = on_cuda();
    auto lq = random_lr(lr_side, lr_side, 11, m.torch_device());
    const auto dtype = engine::precision_dtype(m.precision);
    auto z_y = m.codec->encode(engine::bicubic_upscale(lq, m.card.diffusion.sf).to(dtype))
                   .to(at::kFloat);
    engine::NoiseSource noise({11});
    const int t = m.sampler->schedule().steps - 1;
    for (int i = 0; i < warmups; ++i) m.sampler->predict_x0(*m.unet, z_y, t, lq, noise);
    std::vector<double> seconds;
    for (int i = 0; i < std::max(1, runs); ++i) {
      synchronize(cuda);
      const auto t0 = std::chrono::steady_clock::now();
      m.sampler->predict_x0(*m.unet, z_y, t, lq, noise);
      synchronize(cuda);
      seconds.push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), m.card.name + ": denoiser");
  }
}

}  // namespace rsd::bench
