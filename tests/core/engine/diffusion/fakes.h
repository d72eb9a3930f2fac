// Small analytic stand-ins for the networks, so the diffusion math is tested without weights.
#pragma once

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <functional>
#include <vector>

#include "engine/diffusion/sampler.h"
#include "engine/nn/codec.h"
#include "engine/nn/denoiser.h"

namespace rsd::engine::testing {

// Space-to-depth codec (the pixel_unshuffle codec of the small models), factor f.
class UnshuffleCodec : public Codec {
 public:
  explicit UnshuffleCodec(int factor = 4) : f_(factor) {}
  torch::Tensor encode(const torch::Tensor& img) override { return at::pixel_unshuffle(img, f_); }
  torch::Tensor decode(const torch::Tensor& z) override { return at::pixel_shuffle(z, f_); }
  int latent_channels() const override { return 3 * f_ * f_; }
  int downsample_factor() const override { return f_; }
  torch::nn::Module* module() override { return nullptr; }

 private:
  int f_;
};

// A denoiser whose x0 prediction is a function of its inputs; records every call.
class FunctionDenoiser : public Denoiser {
 public:
  struct Call {
    torch::Tensor x, t, lq;
    std::optional<torch::Tensor> noise;
  };
  using Fn = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& t,
                                         const torch::Tensor& lq)>;
  FunctionDenoiser(int channels, int noise_channels, Fn fn)
      : channels_(channels), noise_channels_(noise_channels), fn_(std::move(fn)) {}

  torch::Tensor denoise(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& lq,
                        const std::optional<torch::Tensor>& noise) override {
    calls.push_back({x.clone(), t.clone(), lq.clone(), noise});
    return fn_(x, t, lq);
  }
  int latent_channels() const override { return channels_; }
  int noise_channels() const override { return noise_channels_; }
  torch::nn::Module& module() override { return module_; }

  std::vector<Call> calls;

 private:
  int channels_, noise_channels_;
  Fn fn_;
  torch::nn::Module module_;
};

// "Identity-like" model: predicts the latent of the bicubic upsampling of its lq input, so the
// whole pipeline reproduces bicubic upscaling exactly.
inline FunctionDenoiser::Fn bicubic_x0(int sf = 4) {
  return [sf](const torch::Tensor&, const torch::Tensor&, const torch::Tensor& lq) {
    return at::pixel_unshuffle(bicubic_upscale(lq, sf), sf);
  };
}

}  // namespace rsd::engine::testing
