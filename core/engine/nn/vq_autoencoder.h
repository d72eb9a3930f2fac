// VQ-f4 autoencoder of ResShift (zsyOAOA/ResShift ldm/models/autoencoder.py VQModelTorch).
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

#include <memory>

#include "engine/nn/codec.h"
#include "engine/nn/config.h"

namespace rsd::engine {

namespace ldm {
class Encoder;
class Decoder;
}  // namespace ldm
class VectorQuantizer;

// Keys: encoder.*, decoder.*, quantize.embedding.weight, quant_conv, post_quant_conv.
// encode = encoder + quant_conv (no quantization, as the reference); decode = quantize ->
// post_quant_conv -> decoder. One thread at a time per instance.
class VQModelTorch : public torch::nn::Module, public Codec {
 public:
  explicit VQModelTorch(const VQConfig& config);

  torch::Tensor encode(const torch::Tensor& img) override;  // [N, 3, H, W] -> [N, embed, H/f, W/f]
  torch::Tensor decode(const torch::Tensor& z) override;    // quantizes first
  torch::Tensor decode_unquantized(const torch::Tensor& z);  // force_not_quantize=True
  int latent_channels() const override { return config_.embed_dim; }
  int downsample_factor() const override { return config_.downsample_factor(); }
  torch::nn::Module* module() override { return this; }

  const VQConfig& config() const { return config_; }
  VectorQuantizer& quantizer() { return *quantize_; }
  // Bounds the memory of the mid-block attention ([chunk, H*W] logits per step).
  void set_attention_chunk_bytes(int64_t bytes);

 private:
  VQConfig config_;
  std::shared_ptr<ldm::Encoder> encoder_;
  std::shared_ptr<ldm::Decoder> decoder_;
  std::shared_ptr<VectorQuantizer> quantize_;
  torch::nn::Conv2d quant_conv_{nullptr}, post_quant_conv_{nullptr};
};

}  // namespace rsd::engine
