#include "engine/upscaler.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <c10/util/Exception.h>
#include <torch/nn/module.h>

#include <cstring>
#include <numeric>
#include <thread>

#include "engine/diffusion/memory_budget.h"
#include "engine/diffusion/sampler.h"
#include "engine/diffusion/tiled_runner.h"
#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/weights/sha256.h"
#include "engine/weights/state_dict_loader.h"

namespace rsd::engine {

struct Upscaler::Impl {
  ModelCard card;
  UpscaleOptions options;
  DeviceKind device = DeviceKind::Cpu;
  std::shared_ptr<UNetModelSwin> unet;
  std::shared_ptr<Codec> codec;
  std::unique_ptr<ResShiftSampler> sampler;

  at::Device torch_device() const {
    return device == DeviceKind::Cuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
  }
  static Result<std::unique_ptr<Impl>> build(const ModelCard& card, DeviceKind requested,
                                             const UpscaleOptions& options);
};

namespace {

// Checks the file's SHA-256 when the card gives one, then loads it strictly into `module`.
Status load_checked(torch::nn::Module& module, const std::filesystem::path& file,
                    const std::string& sha256) {
  const std::string where = file.string();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec))
    return Error(ErrorCode::NotFound,
                 "weights file not found (official weights: run models/download_official.sh)",
                 where);
  if (!sha256.empty()) {
    auto digest = sha256_file(where);
    if (!digest.ok()) return digest.error();
    if (*digest != sha256)
      return Error(ErrorCode::Model,
                   "SHA-256 mismatch: the card expects " + sha256 + ", the file has " + *digest,
                   where);
  }
  auto weights = load_weights(where);
  if (!weights.ok()) return weights.error().within(where);
  auto st = load_into(module, *weights);
  if (!st.ok()) return st.error().within(where);
  return {};
}

// Latent sides must be multiples of window * 2^(levels-1) for the UNet's windows; the official
// pipeline pads to 64 LR pixels, so use both.
int padding_offset(const UNetConfig& c) {
  const int need = c.window_size * (1 << (static_cast<int>(c.channel_mult.size()) - 1));
  return std::lcm(64, std::max(1, need));
}

Result<at::ScalarType> precision_dtype(const std::string& precision) {
  if (precision == "fp32" || precision.empty()) return at::kFloat;
  if (precision == "fp16") return at::kHalf;
  if (precision == "bf16") return at::kBFloat16;
  return Error(ErrorCode::InvalidArgument,
               "unknown precision '" + precision + "' (use fp32, fp16 or bf16)", "precision");
}

// The official ResShift sampler runs under torch.cuda.amp.autocast with float32 weights: matmuls
// and convolutions in half precision, normalizations and reductions in float32. Autocast exists
// for CUDA only here; on the CPU the guard does nothing.
class CudaAutocast {
 public:
  CudaAutocast(bool enable, at::ScalarType dtype) : enabled_(enable) {
    if (!enabled_) return;
    previous_enabled_ = at::autocast::is_enabled();
    previous_dtype_ = at::autocast::get_autocast_gpu_dtype();
    at::autocast::set_autocast_gpu_dtype(dtype);
    at::autocast::set_enabled(true);
  }
  ~CudaAutocast() {
    if (!enabled_) return;
    at::autocast::set_enabled(previous_enabled_);
    at::autocast::set_autocast_gpu_dtype(previous_dtype_);
    at::autocast::clear_cache();
  }
  CudaAutocast(const CudaAutocast&) = delete;
  CudaAutocast& operator=(const CudaAutocast&) = delete;

 private:
  bool enabled_;
  bool previous_enabled_ = false;
  at::ScalarType previous_dtype_ = at::kHalf;
};

at::Tensor image_to_tensor(const ImageF& img, const at::Device& device) {
  // HWC [0, 1] -> NCHW [-1, 1], as the official sampler normalizes with (x - 0.5) / 0.5.
  auto hwc = at::from_blob(const_cast<float*>(img.data.data()), {img.height, img.width, 3},
                           at::TensorOptions().dtype(at::kFloat));
  return (hwc.permute({2, 0, 1}).unsqueeze(0).contiguous().to(device) - 0.5) / 0.5;
}

// Consumes `t` (the tiler's output canvas, which nothing else holds): scaled in place and copied
// straight into the image, so no output-sized temporaries are made on top of the two buffers.
ImageF tensor_to_image(at::Tensor t) {
  t = t.to(at::kCPU, at::kFloat);
  t.mul_(0.5).add_(0.5).clamp_(0.0, 1.0);
  ImageF img(static_cast<int>(t.size(3)), static_cast<int>(t.size(2)), 3);
  auto hwc = at::from_blob(img.data.data(), {t.size(2), t.size(3), 3}, at::TensorOptions().dtype(at::kFloat));
  hwc.copy_(t[0].permute({1, 2, 0}));
  return img;
}

}  // namespace

Result<std::unique_ptr<Upscaler::Impl>> Upscaler::Impl::build(const ModelCard& card,
                                                              DeviceKind requested,
                                                              const UpscaleOptions& options) {
  auto impl = std::make_unique<Upscaler::Impl>();
  impl->card = card;
  impl->options = options;
  auto device = resolve_device(requested);
  if (!device.ok()) return device.error();
  impl->device = *device;
  if (auto dtype = precision_dtype(options.precision); !dtype.ok()) return dtype.error();

  auto schedule = Schedule::make(card.diffusion);
  if (!schedule.ok()) return schedule.error().within(card.name);
  auto unet = make_unet(card.network, card.noise_channels);
  if (!unet.ok()) return unet.error().within(card.name + ": network");
  auto codec = make_codec(card.codec.type, card.codec.params, card.codec.factor);
  if (!codec.ok()) return codec.error().within(card.name + ": codec");
  impl->unet = *unet;
  impl->codec = *codec;
  if (impl->codec->downsample_factor() != card.diffusion.sf)
    return Error(ErrorCode::Model,
                 "the codec downsamples by " + std::to_string(impl->codec->downsample_factor()) +
                     " but diffusion.sf is " + std::to_string(card.diffusion.sf) +
                     " (the latent must have the LR size)",
                 card.name);
  if (impl->codec->latent_channels() != impl->unet->latent_channels())
    return Error(ErrorCode::Model,
                 "the network works on " + std::to_string(impl->unet->latent_channels()) +
                     " latent channels, the codec gives " +
                     std::to_string(impl->codec->latent_channels()),
                 card.name);

  auto st = load_checked(*impl->unet, card.weights_path(), card.sha256);
  if (!st.ok()) return st.error();
  if (auto* m = impl->codec->module()) {
    st = load_checked(*m, card.codec_weights_path(), card.codec.sha256);
    if (!st.ok()) return st.error();
  }

  // Weights stay float32 (as in the official sampler); fp16/bf16 come from autocast per call.
  impl->unet->eval();
  impl->unet->to(impl->torch_device());
  if (auto* m = impl->codec->module()) {
    m->eval();
    m->to(impl->torch_device());
  }

  SamplerConfig sc;
  sc.kind = card.is_student() ? SamplerKind::Student : SamplerKind::Teacher;
  sc.sf = card.diffusion.sf;
  sc.padding_offset = padding_offset(impl->unet->config());
  sc.latent_scale = card.diffusion.latent_scale;
  impl->sampler = std::make_unique<ResShiftSampler>(*schedule, sc);
  return impl;
}

Upscaler::Upscaler(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Upscaler::~Upscaler() = default;

Result<std::unique_ptr<Upscaler>> Upscaler::create(const ModelCard& card, DeviceKind device,
                                                   UpscaleOptions options) {
  // Debian's LibTorch starts with one thread; honour an explicit count, else use the machine.
  if (options.threads > 0) configure_threads(options.threads);
  else if (at::get_num_threads() == 1 && std::thread::hardware_concurrency() > 1) configure_threads();
  try {
    torch::NoGradGuard no_grad;
    auto impl = Impl::build(card, device, options);
    if (!impl.ok()) return impl.error();
    return std::unique_ptr<Upscaler>(new Upscaler(std::move(impl).value()));
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while loading the model", card.name);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), card.name);
  }
}

Result<ImageF> Upscaler::upscale(const ImageF& rgb, const JobContext& ctx) {
  Impl& m = *impl_;
  if (rgb.channels != 3 || rgb.empty() ||
      rgb.data.size() != rgb.pixel_count() * 3)
    return Error(ErrorCode::InvalidArgument, "expected a non-empty 3-channel image", "upscale");
  const int T = m.sampler->schedule().steps;
  if (!m.card.is_student() && m.options.steps != 0 && m.options.steps != T)
    return Error(ErrorCode::InvalidArgument,
                 "this teacher samples with exactly " + std::to_string(T) + " steps (asked for " +
                     std::to_string(m.options.steps) + ")",
                 m.card.name);
  auto dtype = precision_dtype(m.options.precision);
  if (!dtype.ok()) return dtype.error();
  if (m.device != DeviceKind::Cuda && *dtype != at::kFloat)
    ctx.warn(m.options.precision + " runs on CUDA only; using fp32 on the CPU");

  try {
    // Grad mode is thread-local: set it here, on the thread that runs the job.
    torch::NoGradGuard no_grad;
    const bool cuda = m.device == DeviceKind::Cuda;
    const bool half = cuda && *dtype != at::kFloat;
    CudaAutocast autocast(half, *dtype);
    TilingOptions to;
    to.scale = m.card.diffusion.sf;
    to.tile = m.options.tile;
    to.overlap = m.options.tile_overlap;
    to.tiles_per_batch = m.options.tiles_per_batch;
    to.multiple = m.sampler->config().padding_offset;
    to.budget_bytes = tile_memory_budget(cuda, m.options.max_memory_mb * (int64_t(1) << 20));
    to.cost = estimate_tile_cost(m.unet->config().model_channels, m.codec->module() != nullptr,
                                 m.card.diffusion.sf, half ? 2 : 4);
    to.seed = m.options.seed;
    auto lq = image_to_tensor(rgb, m.torch_device());
    TilingReport report;
    auto fn = [&m](const at::Tensor& batch, const std::vector<uint64_t>& seeds,
                   const JobContext& tile_ctx) {
      NoiseSource noise(seeds);
      return m.sampler->upscale(*m.unet, *m.codec, batch, noise, tile_ctx);
    };
    auto out = run_tiled(lq, to, fn, ctx, &report);
    if (!out.ok()) return out.error().within(m.card.name);
    ctx.info(m.card.name + ": " + std::to_string(report.tile_count) + " tile(s) of " +
             std::to_string(report.tile) + " px, " + std::to_string(report.tiles_per_batch) +
             " per pass");
    return tensor_to_image(std::move(out).value());
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory", m.card.name);
  } catch (const c10::Error& e) {
    return Error(is_out_of_memory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal,
                 e.what_without_backtrace(), m.card.name);
  }
}

int Upscaler::scale() const { return impl_->card.diffusion.sf; }
std::string Upscaler::model_name() const { return impl_->card.name; }
std::string Upscaler::device_name() const {
  return impl_->device == DeviceKind::Cuda ? "cuda:0" : "cpu";
}
const ModelCard& Upscaler::card() const { return impl_->card; }
UpscaleOptions& Upscaler::options() { return impl_->options; }

}  // namespace rsd::engine
