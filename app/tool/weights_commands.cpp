#include "weights_commands.h"

#include <ATen/ATen.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "engine/weights/safetensors.h"
#include "engine/weights/sha256.h"
#include "engine/weights/state_dict_loader.h"
#include "tool_common.h"

namespace rsd::tool {
namespace {

std::string dtype_text(c10::ScalarType type) {
  auto name = engine::safetensors_dtype_name(type);
  return name ? *name : std::string(c10::toString(type));
}

std::string shape_text(at::IntArrayRef sizes) {
  std::string out = "[";
  for (std::size_t i = 0; i < sizes.size(); ++i) out += (i ? ", " : "") + std::to_string(sizes[i]);
  return out + "]";
}

struct InspectOptions {
  std::string path;
  bool sha256 = false;
};

int run_inspect(const InspectOptions& o) {
  auto format = engine::detect_weights_format(o.path);
  if (!format) return report(format.error());
  auto weights = engine::load_weights(o.path);
  if (!weights) return report(weights.error());
  std::size_t parameters = 0;
  std::size_t derived = 0;
  for (const auto& [key, tensor] : *weights) {
    std::cout << key << "  " << dtype_text(tensor.scalar_type()) << "  "
              << shape_text(tensor.sizes()) << "\n";
    (engine::is_derived_buffer(key) ? derived : parameters) += tensor.numel();
  }
  std::cout << "file: " << o.path << "\n"
            << "format: " << (*format == engine::WeightsFormat::Pth ? "pth" : "safetensors") << "\n"
            << "tensors: " << weights->size() << "\n"
            << "parameters: " << parameters << "\n"
            << "derived buffer elements (attn_mask, relative_position_index): " << derived << "\n";
  if (o.sha256) {
    auto digest = engine::sha256_file(o.path);
    if (!digest) return report(digest.error());
    std::cout << "sha256: " << *digest << "\n";
  }
  return 0;
}

struct ConvertOptions {
  std::string input;
  std::string output;
  std::string dtype = "keep";
};

int run_convert(const ConvertOptions& o) {
  engine::SafetensorsWriteOptions write_options;
  if (o.dtype == "f32") write_options.float_dtype = at::kFloat;
  else if (o.dtype == "f16") write_options.float_dtype = at::kHalf;
  else if (o.dtype == "bf16") write_options.float_dtype = at::kBFloat16;
  auto weights = engine::load_weights(o.input);
  if (!weights) return report(weights.error());
  engine::WeightsMetadata metadata{
      {"format", "pt"}, {"source", std::filesystem::path(o.input).filename().string()}};
  const Status status = engine::write_safetensors(o.output, *weights, metadata, write_options);
  if (!status) return report(status.error());
  std::cerr << "wrote " << weights->size() << " tensors to " << o.output << "\n";
  return 0;
}

}  // namespace

void add_inspect_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "List the tensors of a .pth or .safetensors file (after unwrapping)");
  cmd->add_option("weights", o->path, "Weights file")->required();
  cmd->add_flag("--sha256", o->sha256, "Also print the file's SHA-256");
  cmd->callback([o, &exit_code] { exit_code = run_inspect(*o); });
}

void add_convert_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand(
      "convert", "Rewrite a .pth or .safetensors file as .safetensors (unwrapped, prefixes removed)");
  cmd->add_option("input", o->input, "Input weights (.pth or .safetensors)")->required();
  cmd->add_option("output", o->output, "Output .safetensors")->required();
  cmd->add_option("--dtype", o->dtype, "Floating tensors as f32, f16, bf16 or keep")
      ->check(CLI::IsMember({"keep", "f32", "f16", "bf16"}))
      ->capture_default_str();
  cmd->callback([o, &exit_code] { exit_code = run_convert(*o); });
}

}  // namespace rsd::tool
