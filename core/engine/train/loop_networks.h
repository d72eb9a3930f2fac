// Building and wiring the networks of a training run from a model card: the UNet (teacher, fake
// model, RSD student with its zero-initialised noise channel), the frozen codec, parameter
// freezing and card export.
//
// Error contract: Result/Status; LibTorch exceptions from construction and weight copies are
// converted. Threading: training thread only.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <filesystem>
#include <memory>
#include <string>

#include "base/error.h"
#include "engine/model_card.h"
#include "engine/nn/codec.h"
#include "engine/nn/unet_swin.h"
#include "engine/train/train_config.h"
#include "engine/weights/state_dict.h"

namespace rsd::engine::train {

// "auto" picks CUDA when available.
Result<torch::Device> training_device(const std::string& name);

// A UNet built from card.network with `noise_channels` extra input channels (random init).
Result<std::shared_ptr<UNetModelSwin>> build_unet(const ModelCard& card, int noise_channels);
// The card's codec with its weights loaded (VQ), frozen and in eval mode, on `device`.
Result<std::shared_ptr<Codec>> build_codec(const ModelCard& card, const torch::Device& device);
// Loads the card's own weights strictly into `net`.
Status load_card_weights(const ModelCard& card, UNetModelSwin& net);

// Copies every parameter and buffer of `from` into `to` (same configuration). When `to` has
// more input channels on input_blocks.0.0.weight, the extra (last) channels are zeroed, which
// makes an RSD student compute exactly what its teacher computes (RSD trainer.py _add_noise).
Status copy_unet_weights(const UNetModelSwin& from, UNetModelSwin& to);

// The reference initialisation of a fresh UNet (ResShift models/unet.py zero_module): the last
// conv of every residual block (out_layers.3) and the output conv (out.2) start at zero, so each
// block starts as the identity and the network's first prediction is 0 (with lq_residual_factor:
// the bicubic upscale). Returns how many tensors were zeroed.
int zero_init_like_reference(UNetModelSwin& net);

void set_requires_grad(torch::nn::Module& module, bool requires_grad);

// Short hardware description: CPU model (or CUDA device), threads, LibTorch version.
std::string hardware_summary(const torch::Device& device);

// One sentence for a card's notes from a training record (steps, data, time, hardware, PSNR).
std::string training_summary(const nlohmann::json& training);

// Writes `weights` as <out>/<name>.safetensors, the training record as
// <out>/<name>.training.json and the card as <out>/<name>.json (paths of the codec weights and of
// the teacher card made relative to `out`, checksum of the weights, training summary in notes).
Status export_card(ModelCard card, const std::filesystem::path& out, const std::string& name,
                   const StateDict& weights, const nlohmann::json& training);

}  // namespace rsd::engine::train
