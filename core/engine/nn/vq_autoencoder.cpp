// VQ-f4 autoencoder of ResShift (zsyOAOA/ResShift ldm/models/autoencoder.py VQModelTorch).
#include "engine/nn/vq_autoencoder.h"

#include <ATen/ATen.h>

#include "engine/nn/ldm_encoder_decoder.h"
#include "engine/nn/vector_quantizer.h"

namespace rsd::engine {

VQModelTorch::VQModelTorch(const VQConfig& config) : config_(config) {
  const auto& dd = config_.ddconfig;
  encoder_ = register_module("encoder", std::make_shared<ldm::Encoder>(dd));
  decoder_ = register_module("decoder", std::make_shared<ldm::Decoder>(dd));
  quantize_ = register_module("quantize", std::make_shared<VectorQuantizer>(config_.n_embed, config_.embed_dim));
  quant_conv_ = register_module(
      "quant_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(dd.z_channels, config_.embed_dim, 1)));
  post_quant_conv_ = register_module(
      "post_quant_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(config_.embed_dim, dd.z_channels, 1)));
}

torch::Tensor VQModelTorch::encode(const torch::Tensor& img) {
  TORCH_CHECK(img.dim() == 4 && img.size(1) == config_.ddconfig.in_channels, "VQ encode expects [N, ",
              config_.ddconfig.in_channels, ", H, W]");
  const int f = downsample_factor();
  TORCH_CHECK(img.size(2) % f == 0 && img.size(3) % f == 0, "VQ encode needs H and W divisible by ", f);
  return quant_conv_->forward(encoder_->forward(img));
}

torch::Tensor VQModelTorch::decode(const torch::Tensor& z) {
  return decode_unquantized(quantize_->forward(z));
}

torch::Tensor VQModelTorch::decode_unquantized(const torch::Tensor& z) {
  TORCH_CHECK(z.dim() == 4 && z.size(1) == config_.embed_dim, "VQ decode expects [N, ",
              config_.embed_dim, ", h, w]");
  return decoder_->forward(post_quant_conv_->forward(z));
}

void VQModelTorch::set_attention_chunk_bytes(int64_t bytes) {
  encoder_->set_attention_chunk_bytes(bytes);
  decoder_->set_attention_chunk_bytes(bytes);
}

}  // namespace rsd::engine
