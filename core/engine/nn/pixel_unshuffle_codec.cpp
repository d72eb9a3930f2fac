// Parameter-free codec: space-to-depth (F.pixel_unshuffle / F.pixel_shuffle, PyTorch semantics).
#include "engine/nn/pixel_unshuffle_codec.h"

#include <ATen/ATen.h>

namespace rsd::engine {

PixelUnshuffleCodec::PixelUnshuffleCodec(int factor) : factor_(factor) {
  TORCH_CHECK(factor >= 1, "pixel_unshuffle factor must be >= 1");
}

torch::Tensor PixelUnshuffleCodec::encode(const torch::Tensor& img) {
  TORCH_CHECK(img.dim() == 4 && img.size(1) == 3, "pixel_unshuffle codec expects [N, 3, H, W]");
  TORCH_CHECK(img.size(2) % factor_ == 0 && img.size(3) % factor_ == 0,
              "pixel_unshuffle codec needs H and W divisible by ", factor_);
  return at::pixel_unshuffle(img, factor_);
}

torch::Tensor PixelUnshuffleCodec::decode(const torch::Tensor& z) {
  TORCH_CHECK(z.dim() == 4 && z.size(1) == latent_channels(), "pixel_unshuffle codec expects [N, ",
              latent_channels(), ", h, w]");
  return at::pixel_shuffle(z, factor_);
}

}  // namespace rsd::engine
