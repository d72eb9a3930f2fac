#include "bench_model.h"

#include <ATen/ATen.h>
#include <ATen/autocast_mode.h>
#include <c10/util/Exception.h>
#include <torch/cuda.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include "engine/diffusion/memory_budget.h"
#include "engine/diffusion/sampler.h"
#include "engine/diffusion/tiled_runner.h"
#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/weights/state_dict_loader.h"
#include "flop_counter.h"

#ifdef RSD_BENCH_CUDA_STATS
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace rsd::bench {

using engine::DeviceKind;

struct BenchModel::Impl {
  engine::ModelCard card;
  DeviceKind device = DeviceKind::Cpu;
  bool random = false;
  std::shared_ptr<engine::UNetModelSwin> unet;
  std::shared_ptr<engine::Codec> codec;
  std::unique_ptr<engine::ResShiftSampler> sampler;

  at::Device torch_device() const {
    return device == DeviceKind::Cuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
  }
};

namespace {

// Mirrors engine::Upscaler: convolutions and matmuls in half precision under CUDA autocast,
// weights float32. Does nothing when disabled.
class AutocastScope {
 public:
  AutocastScope(bool enable, at::ScalarType dtype) : enabled_(enable) {
    if (!enabled_) return;
    previous_ = at::autocast::is_enabled();
    previous_dtype_ = at::autocast::get_autocast_gpu_dtype();
    at::autocast::set_autocast_gpu_dtype(dtype);
    at::autocast::set_enabled(true);
  }
  ~AutocastScope() {
    if (!enabled_) return;
    at::autocast::set_enabled(previous_);
    at::autocast::set_autocast_gpu_dtype(previous_dtype_);
    at::autocast::clear_cache();
  }
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool enabled_;
  bool previous_ = false;
  at::ScalarType previous_dtype_ = at::kHalf;
};

Result<at::ScalarType> parse_precision(const std::string& p) {
  if (p == "fp32" || p.empty()) return at::kFloat;
  if (p == "fp16") return at::kHalf;
  if (p == "bf16") return at::kBFloat16;
  return Error(ErrorCode::InvalidArgument, "unknown precision '" + p + "' (fp32, fp16, bf16)");
}

Status load_if_present(torch::nn::Module& module, const std::filesystem::path& file,
                       bool allow_random, bool& random) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (!allow_random)
      return Error(ErrorCode::NotFound, "weights file not found", file.string());
    random = true;
    return {};
  }
  auto weights = engine::load_weights(file.string());
  if (!weights.ok()) return weights.error().within(file.string());
  return engine::load_into(module, *weights);
}

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
    auto impl = std::make_unique<Impl>();
    impl->card = card;
    auto dev = engine::resolve_device(device);
    if (!dev.ok()) return dev.error();
    impl->device = *dev;
    auto schedule = engine::Schedule::make(card.diffusion);
    if (!schedule.ok()) return schedule.error().within(card.name);
    auto unet = engine::make_unet(card.network, card.noise_channels);
    if (!unet.ok()) return unet.error().within(card.name + ": network");
    auto codec = engine::make_codec(card.codec.type, card.codec.params, card.codec.factor);
    if (!codec.ok()) return codec.error().within(card.name + ": codec");
    impl->unet = *unet;
    impl->codec = *codec;
    auto st = load_if_present(*impl->unet, card.weights_path(), allow_random, impl->random);
    if (!st.ok()) return st.error();
    if (auto* m = impl->codec->module()) {
      st = load_if_present(*m, card.codec_weights_path(), allow_random, impl->random);
      if (!st.ok()) return st.error();
    }
    impl->unet->eval();
    impl->unet->to(impl->torch_device());
    if (auto* m = impl->codec->module()) {
      m->eval();
      m->to(impl->torch_device());
    }
    engine::SamplerConfig sc;
    sc.kind = card.is_student() ? engine::SamplerKind::Student : engine::SamplerKind::Teacher;
    sc.sf = card.diffusion.sf;
    const auto& c = impl->unet->config();
    const int need = c.window_size * (1 << (static_cast<int>(c.channel_mult.size()) - 1));
    sc.padding_offset = std::lcm(64, std::max(1, need));  // as engine::Upscaler pads
    sc.latent_scale = card.diffusion.latent_scale;
    impl->sampler = std::make_unique<engine::ResShiftSampler>(*schedule, sc);
    return std::unique_ptr<BenchModel>(new BenchModel(std::move(impl)));
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), card.name);
  }
}

BenchModel::BenchModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BenchModel::~BenchModel() = default;

const engine::ModelCard& BenchModel::card() const { return impl_->card; }
bool BenchModel::random_weights() const { return impl_->random; }
bool BenchModel::on_cuda() const { return impl_->device == DeviceKind::Cuda; }
int BenchModel::network_calls() const {
  return impl_->card.is_student() ? 1 : impl_->sampler->schedule().steps;
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
  auto dtype = parse_precision(s.precision);
  if (!dtype.ok()) return dtype.error();
  const bool cuda = on_cuda();
  try {
    torch::NoGradGuard no_grad;
    AutocastScope autocast(cuda && *dtype != at::kFloat, *dtype);
    engine::TilingOptions to;
    to.scale = m.card.diffusion.sf;
    to.tile = s.tile;
    to.overlap = s.tile_overlap;
    to.tiles_per_batch = s.tiles_per_batch;
    to.multiple = m.sampler->config().padding_offset;
    to.budget_bytes = engine::tile_memory_budget(cuda, 0);
    const int elem = cuda && *dtype != at::kFloat ? 2 : 4;
    to.cost = engine::estimate_tile_cost(m.unet->config().model_channels,
                                         m.codec->module() != nullptr, to.scale, elem);
    to.seed = s.seed;
    auto lq = random_lr(lr_width, lr_height, s.seed, m.torch_device());
    auto fn = [&m](const at::Tensor& batch, const std::vector<uint64_t>& seeds,
                   const JobContext& ctx) {
      engine::NoiseSource noise(seeds);
      return m.sampler->upscale(*m.unet, *m.codec, batch, noise, ctx);
    };
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
    // Parameters that require grad make every product go through the dispatcher.
    for (auto& p : m.unet->parameters()) p.requires_grad_(true);
    if (auto* cm = m.codec->module())
      for (auto& p : cm->parameters()) p.requires_grad_(true);
    const int sf = m.card.diffusion.sf;
    auto lq = random_lr(lr_side, lr_side, 7, m.torch_device());
    FlopCount fc;
    fc.steps = network_calls();
    fc.out_pixels = lr_side * sf * lr_side * sf;
    FlopCounter counter;
    auto y = engine::bicubic_upscale(lq, sf);
    counter.reset();
    auto z_y = m.codec->encode(y) * m.sampler->config().latent_scale;
    fc.encode = counter.flops();
    engine::NoiseSource noise({7});
    counter.reset();
    auto x0 = m.sampler->predict_x0(*m.unet, z_y, m.sampler->schedule().steps - 1, lq, noise);
    fc.denoiser = counter.flops();
    x0 = x0.detach();
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
    auto z_y = m.codec->encode(engine::bicubic_upscale(lq, m.card.diffusion.sf));
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
