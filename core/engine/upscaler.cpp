#include "engine/upscaler.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/util/Exception.h>
#include <torch/utils.h>

#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <utility>

#include "engine/diffusion/memory_budget.h"
#include "engine/loaded_model.h"

namespace rsd::engine {

struct Upscaler::Impl {
  LoadedModel model;
  UpscaleOptions options;
};

namespace {

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

Upscaler::Upscaler(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Upscaler::~Upscaler() = default;

Result<std::unique_ptr<Upscaler>> Upscaler::create(const ModelCard& card, DeviceKind device,
                                                   UpscaleOptions options) {
  // Debian's LibTorch starts with one thread; honour an explicit count, else use the machine.
  configure_host_allocator();
  if (options.threads > 0) configure_threads(options.threads);
  else if (at::get_num_threads() == 1 && std::thread::hardware_concurrency() > 1) configure_threads();
  try {
    torch::NoGradGuard no_grad;
    auto precision = parse_precision(options.precision);
    if (!precision.ok()) return precision.error();
    if (auto st = check_sampling({options.samples, options.detail}); !st) return st.error();
    auto model = load_model(card, device);
    if (!model.ok()) return model.error();
    if (auto st = model->set_steps(options.steps); !st.ok()) return st.error();
    if (auto st = model->set_precision(*precision); !st.ok()) return st.error();
    auto impl = std::make_unique<Impl>();
    impl->model = std::move(model).value();
    impl->options = std::move(options);
    return std::unique_ptr<Upscaler>(new Upscaler(std::move(impl)));
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while loading the model", card.name);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), card.name);
  }
}

Result<ImageF> Upscaler::upscale(const ImageF& rgb, const JobContext& ctx) {
  const UpscaleOptions& o = impl_->options;
  if (o.samples <= 1) return upscale_once(rgb, o.seed, ctx);
  auto set = upscale_samples(rgb, o.samples, ctx);
  if (!set) return set.error();
  return blend_detail(set.value(), o.detail);
}

Result<ImageF> Upscaler::upscale_sample(const ImageF& rgb, int k, const JobContext& ctx, ImageF* blend_factor) {
  if (k < 0 || k >= kMaxSamples) return Error(ErrorCode::InvalidArgument, "no sample " + std::to_string(k), "upscale");
  return upscale_once(rgb, sample_seed(impl_->options.seed, k), ctx, blend_factor);
}

Sampling Upscaler::sampling() const { return {impl_->options.samples, impl_->options.detail}; }

void Upscaler::set_sampling(const Sampling& s) {
  impl_->options.samples = s.samples;
  impl_->options.detail = s.detail;
}

Result<ImageF> Upscaler::upscale_once(const ImageF& rgb, uint64_t seed, const JobContext& ctx,
                                      ImageF* blend_factor) {
  LoadedModel& m = impl_->model;
  const UpscaleOptions& o = impl_->options;
  if (rgb.channels != 3 || rgb.empty() ||
      rgb.data.size() != rgb.pixel_count() * 3)
    return Error(ErrorCode::InvalidArgument, "expected a non-empty 3-channel image", "upscale");
  auto precision = parse_precision(o.precision);
  if (!precision.ok()) return precision.error();

  try {
    // Grad mode is thread-local: set it here, on the thread that runs the job.
    torch::NoGradGuard no_grad;
    // options() may have changed since the last call: cast the weights when it did.
    if (auto st = m.set_precision(*precision); !st.ok()) return st.error();
    if (auto st = m.set_steps(o.steps); !st.ok()) return st.error();
    TilingOptions to = m.tiling(o.max_memory_mb * (int64_t(1) << 20));
    to.tile = o.tile;
    to.overlap = o.tile_overlap;
    to.tiles_per_batch = o.tiles_per_batch;
    to.seed = seed;
    auto lq = image_to_tensor(rgb, m.torch_device());
    TilingReport report;
    at::Tensor factor;
    auto out = run_tiled(lq, to, m.tile_function(), ctx, &report, blend_factor ? &factor : nullptr);
    if (!out.ok()) return out.error().within(m.card.name);
    if (blend_factor) {
      ImageF f(static_cast<int>(factor.size(3)), static_cast<int>(factor.size(2)), 1);
      std::memcpy(f.data.data(), factor.contiguous().data_ptr<float>(), f.data.size() * sizeof(float));
      *blend_factor = std::move(f);
    }
    ctx.info(m.card.name + ": " + std::to_string(report.tile_count) + " tile(s) of " +
             std::to_string(report.tile_width) + "x" + std::to_string(report.tile_height) +
             " px, " + std::to_string(report.tiles_per_batch) + " per pass, " +
             to_string(m.precision));
    ImageF image = tensor_to_image(std::move(out).value());
    release_free_host_memory();  // the tiles' working memory, kept for reuse during the job
    return image;
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory", m.card.name);
  } catch (const c10::Error& e) {
    return Error(is_out_of_memory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal,
                 e.what_without_backtrace(), m.card.name);
  }
}

int Upscaler::scale() const { return impl_->model.card.diffusion.sf; }
std::string Upscaler::model_name() const { return impl_->model.card.name; }
std::string Upscaler::device_name() const {
  return impl_->model.device == DeviceKind::Cuda ? "cuda:0" : "cpu";
}
std::string Upscaler::precision_name() const { return to_string(impl_->model.precision); }
const ModelCard& Upscaler::card() const { return impl_->model.card; }
UpscaleOptions& Upscaler::options() { return impl_->options; }

}  // namespace rsd::engine
