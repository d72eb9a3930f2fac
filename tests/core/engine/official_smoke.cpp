// End-to-end run of a full-size official-config model (RSD student: UNetModelSwin 118.6 M + VQ-f4
// autoencoder 55.3 M parameters) with random weights on a 64x64 image, through the same card ->
// Upscaler path as real checkpoints. Slow (minutes on a laptop CPU), so a program, not a test:
//   rsd_official_smoke [card=models/rsd.json] [work dir=/tmp/rsd_official_smoke]
// Writes random weights for the card's networks into the work dir, upscales, prints timings.
#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "base/build_paths.h"
#include "engine/model_card.h"
#include "engine/nn/codec.h"
#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/runtime.h"
#include "engine/upscaler.h"
#include "engine/weights/safetensors.h"

using namespace rsd;
using namespace rsd::engine;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Status save(torch::nn::Module& m, const fs::path& file) {
  StateDict sd;
  for (const auto& p : m.named_parameters()) sd[p.key()] = p.value().detach();
  for (const auto& b : m.named_buffers()) sd[b.key()] = b.value().detach();
  return write_safetensors(file.string(), sd);
}

int fail(const Error& e) {
  std::fprintf(stderr, "error: %s\n", e.what().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path card_file = argc > 1 ? argv[1] : fs::path(RSD_SOURCE_DIR) / "models/rsd.json";
  const fs::path work = argc > 2 ? argv[2] : fs::temp_directory_path() / "rsd_official_smoke";
  fs::create_directories(work);
  std::printf("%s\n", runtime_summary().c_str());
  configure_threads();
  auto card = ModelCard::load(card_file);
  if (!card.ok()) return fail(card.error());

  auto t0 = std::chrono::steady_clock::now();
  at::manual_seed(1);
  {
    torch::NoGradGuard g;
    auto unet = make_unet(card->network, card->noise_channels);
    if (!unet.ok()) return fail(unet.error());
    auto codec = make_codec(card->codec.type, card->codec.params, card->codec.factor);
    if (!codec.ok()) return fail(codec.error());
    // Random weights of a sensible scale: the default init already is.
    if (auto st = save(**unet, work / "unet.safetensors"); !st.ok()) return fail(st.error());
    if (auto* m = (*codec)->module())
      if (auto st = save(*m, work / "codec.safetensors"); !st.ok()) return fail(st.error());
  }
  std::printf("random weights written in %.1f s\n", seconds_since(t0));

  ModelCard c = *card;
  c.dir = work;
  c.weights = "unet.safetensors";
  c.sha256.clear();
  c.codec.weights = "codec.safetensors";
  c.codec.sha256.clear();
  t0 = std::chrono::steady_clock::now();
  auto up = Upscaler::create(c, DeviceKind::Auto);
  if (!up.ok()) return fail(up.error());
  std::printf("loaded %s on %s in %.1f s\n", c.name.c_str(), (*up)->device_name().c_str(),
              seconds_since(t0));

  ImageF img(64, 64, 3);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x)
      for (int ch = 0; ch < 3; ++ch) img.at(x, y, ch) = 0.5f + 0.4f * std::sin(0.1f * (x + 2 * y + 7 * ch));
  JobContext ctx;
  ctx.log = [](LogLevel, std::string_view m) { std::printf("  %.*s\n", int(m.size()), m.data()); };
  for (int run = 0; run < 2; ++run) {
    t0 = std::chrono::steady_clock::now();
    auto out = (*up)->upscale(img, ctx);
    if (!out.ok()) return fail(out.error());
    double lo = 1, hi = 0;
    for (float v : out->data) lo = std::min<double>(lo, v), hi = std::max<double>(hi, v);
    std::printf("run %d: 64x64 -> %dx%d in %.2f s (values %.3f..%.3f)\n", run + 1, out->width,
                out->height, seconds_since(t0), lo, hi);
  }
  fs::remove_all(work);
  return 0;
}
