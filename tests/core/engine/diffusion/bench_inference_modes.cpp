// Measures one forward of a small UNetModelSwin under the execution modes we can choose between:
// contiguous vs channels-last tensors, torch::NoGradGuard vs c10::InferenceMode. Not a test.
//   rsd_bench_inference_modes [model_channels=64] [latent=64] [repeats=7]
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>
#include <torch/nn/module.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/runtime.h"

using namespace rsd::engine;

namespace {

double median_ms(const std::function<void()>& f, int repeats) {
  f();
  f();  // warm-up: oneDNN primitive caches, allocator
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

void set_memory_format(torch::nn::Module& m, at::MemoryFormat format) {
  for (auto& p : m.parameters())
    if (p.dim() == 4) p.set_data(p.contiguous(format));
}

}  // namespace

int main(int argc, char** argv) {
  const int channels = argc > 1 ? std::atoi(argv[1]) : 64;
  const int latent = argc > 2 ? std::atoi(argv[2]) : 64;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 7;
  const int threads = configure_threads();
  nlohmann::json params = {{"image_size", 64}, {"in_channels", 3}, {"model_channels", channels},
                           {"out_channels", 3}, {"attention_resolutions", {64, 32, 16}},
                           {"channel_mult", {1, 2, 2}}, {"num_res_blocks", {2, 2, 2}},
                           {"num_head_channels", 32}, {"use_scale_shift_norm", true},
                           {"swin_depth", 2}, {"swin_embed_dim", 64}, {"window_size", 8},
                           {"mlp_ratio", 4}, {"cond_lq", true}, {"lq_size", 64}};
  at::manual_seed(0);
  auto made = make_unet(params, 0);
  if (!made.ok()) {
    std::fprintf(stderr, "%s\n", made.error().what().c_str());
    return 1;
  }
  auto net = *made;
  net->eval();
  auto x = at::randn({1, 3, latent, latent});
  auto lq = at::randn({1, 3, latent, latent});
  auto t = at::full({1}, 3, at::kLong);
  std::printf("UNet model_channels %d, latent %dx%d, %d threads, median of %d\n", channels, latent,
              latent, threads, repeats);
  for (bool channels_last : {false, true}) {
    set_memory_format(*net, channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
    auto fmt = channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    auto xi = x.contiguous(fmt), li = lq.contiguous(fmt);
    const double no_grad = median_ms([&] {
      torch::NoGradGuard g;
      net->denoise(xi, t, li, std::nullopt);
    }, repeats);
    const double inference = median_ms([&] {
      c10::InferenceMode g;
      net->denoise(xi, t, li, std::nullopt);
    }, repeats);
    std::printf("%-12s NoGradGuard %8.1f ms   InferenceMode %8.1f ms\n",
                channels_last ? "channels-last" : "contiguous", no_grad, inference);
  }
  return 0;
}
