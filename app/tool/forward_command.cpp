#include "forward_command.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <iostream>
#include <memory>

#include "engine/nn/codec.h"
#include "engine/nn/config.h"
#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/weights/safetensors.h"
#include "engine/weights/state_dict_loader.h"
#include "tool_common.h"

namespace rsd::tool {
namespace {

struct ForwardOptions {
  std::string model;
  std::string config;
  std::string weights;
  std::string input;
  std::string output;
  int noise_channels = -1;  // -1: infer from input_blocks.0.0.weight
  std::string device = "cpu";
};

// Named tensor from the input file, as float32 (or int64 for indices) on `device`.
Result<at::Tensor> input_tensor(const engine::StateDict& inputs, const std::string& name,
                                const std::string& path, at::Device device, bool indices = false) {
  const auto it = inputs.find(name);
  if (it == inputs.end()) {
    return Error(ErrorCode::NotFound, "input tensor '" + name + "' missing", path);
  }
  const at::Tensor& t = it->second;
  if (indices && at::isFloatingType(t.scalar_type())) {
    return Error(ErrorCode::InvalidArgument, "'" + name + "' must hold integer step indices", path);
  }
  return t.to(device, indices ? at::kLong : at::kFloat);
}

Result<int> infer_noise_channels(const nlohmann::json& params, const engine::StateDict& weights,
                                 const ForwardOptions& o) {
  if (o.noise_channels >= 0) return o.noise_channels;
  auto config = engine::parse_unet_config(params);
  if (!config) return config.error().within(o.config);
  const auto it = weights.find("input_blocks.0.0.weight");
  if (it == weights.end() || it->second.dim() != 4) {
    return Error(ErrorCode::Model, "no input_blocks.0.0.weight to infer --noise-channels from",
                 o.weights);
  }
  const int extra = static_cast<int>(it->second.size(1)) - config->first_conv_in_channels(0);
  if (extra < 0) {
    return Error(ErrorCode::Model,
                 "input_blocks.0.0.weight has fewer input channels than the config needs",
                 o.weights);
  }
  return extra;
}

Result<at::Tensor> run_unet(const ForwardOptions& o, const nlohmann::json& params,
                            const engine::StateDict& weights, const engine::StateDict& inputs,
                            at::Device device) {
  auto noise_channels = infer_noise_channels(params, weights, o);
  if (!noise_channels) return noise_channels.error();
  auto unet = engine::make_unet(params, *noise_channels);
  if (!unet) return unet.error().within(o.config);
  const Status loaded = engine::load_into(**unet, weights);
  if (!loaded) return loaded.error().within(o.weights);
  (*unet)->to(device);
  (*unet)->eval();
  auto x = input_tensor(inputs, "x", o.input, device);
  if (!x) return x.error();
  auto t = input_tensor(inputs, "t", o.input, device, /*indices=*/true);
  if (!t) return t.error();
  auto lq = input_tensor(inputs, "lq", o.input, device);
  if (!lq) return lq.error();
  std::optional<at::Tensor> noise;
  if (*noise_channels > 0) {
    auto n = input_tensor(inputs, "noise", o.input, device);
    if (!n) return n.error();
    noise = *n;
  }
  return (*unet)->denoise(*x, *t, *lq, noise);
}

Result<at::Tensor> run_vq(const ForwardOptions& o, const nlohmann::json& params,
                          const engine::StateDict& weights, const engine::StateDict& inputs,
                          at::Device device) {
  auto codec = engine::make_codec("vq", params, 0);
  if (!codec) return codec.error().within(o.config);
  torch::nn::Module* module = (*codec)->module();
  const Status loaded = engine::load_into(*module, weights);
  if (!loaded) return loaded.error().within(o.weights);
  module->to(device);
  module->eval();
  const bool encode = o.model == "vq-encode";
  auto in = input_tensor(inputs, encode ? "x" : "z", o.input, device);
  if (!in) return in.error();
  return encode ? (*codec)->encode(*in) : (*codec)->decode(*in);
}

int run_forward(const ForwardOptions& o) {
  auto device_kind = pick_device(o.device);
  if (!device_kind) return report(device_kind.error());
  const at::Device device(*device_kind == engine::DeviceKind::Cuda ? at::kCUDA : at::kCPU);
  auto params = read_params_json(o.config);
  if (!params) return report(params.error());
  auto weights = engine::load_weights(o.weights);
  if (!weights) return report(weights.error());
  engine::SafetensorsReadOptions read_options;
  auto inputs = engine::read_safetensors(o.input, read_options);
  if (!inputs) return report(inputs.error());

  Result<at::Tensor> out = Error(ErrorCode::InvalidArgument, "unknown model " + o.model);
  try {
    at::NoGradGuard no_grad;
    out = o.model == "unet" ? run_unet(o, *params, *weights, inputs->tensors, device)
                            : run_vq(o, *params, *weights, inputs->tensors, device);
  } catch (const c10::Error& e) {
    // Shape errors inside the network (wrong H/W multiple, channel count) surface here.
    return report(Error(ErrorCode::InvalidArgument, e.what_without_backtrace(), o.input));
  }
  if (!out) return report(out.error());
  const std::string name = o.model == "unet" ? "out" : o.model == "vq-encode" ? "z" : "x";
  engine::StateDict result{{name, out->to(at::kCPU, at::kFloat).contiguous()}};
  const Status written = engine::write_safetensors(
      o.output, result, {{"model", o.model}, {"weights", o.weights}});
  if (!written) return report(written.error());
  return 0;
}

}  // namespace

void add_forward_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ForwardOptions>();
  CLI::App* cmd = app.add_subcommand(
      "forward",
      "Run one network on tensors from a .safetensors file (unet: x, t, lq[, noise] -> out; "
      "vq-encode: x -> z; vq-decode: z -> x)");
  cmd->add_option("--model", o->model, "unet, vq-encode or vq-decode")
      ->required()
      ->check(CLI::IsMember({"unet", "vq-encode", "vq-decode"}));
  cmd->add_option("--config", o->config,
                  "Network params JSON (official model.params or autoencoder.params keys)")
      ->required();
  cmd->add_option("--weights", o->weights, "Weights (.pth or .safetensors)")->required();
  cmd->add_option("--input", o->input, "Input tensors (.safetensors)")->required();
  cmd->add_option("--output", o->output, "Output tensors (.safetensors)")->required();
  cmd->add_option("--noise-channels", o->noise_channels,
                  "Extra noise input channels of the UNet (default: inferred from the weights)")
      ->check(CLI::Range(0, 64));
  cmd->add_option("--device", o->device, "cpu, cuda or auto")->capture_default_str();
  cmd->callback([o, &exit_code] { exit_code = run_forward(*o); });
}

}  // namespace rsd::tool
