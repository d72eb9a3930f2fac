#include "engine/weights/state_dict_loader.h"

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include <fstream>
#include <vector>

#include "engine/weights/pth_loader.h"
#include "engine/weights/safetensors.h"

namespace rsd::engine {
namespace {

std::string shape_text(at::IntArrayRef sizes) {
  std::string out = "[";
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(sizes[i]);
  }
  return out + "]";
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "<n> <what>: a, b, c ... and k more"
void append_list(std::string& message, const char* what, const std::vector<std::string>& names,
                 std::size_t limit) {
  if (names.empty()) return;
  if (!message.empty()) message += "; ";
  message += std::to_string(names.size()) + " " + what + ": ";
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
    if (i > 0) message += ", ";
    message += names[i];
  }
  if (names.size() > limit) message += " ... and " + std::to_string(names.size() - limit) + " more";
}

struct Target {
  std::string key;
  at::Tensor tensor;
  bool derived = false;
};

std::vector<Target> module_targets(torch::nn::Module& module) {
  std::vector<Target> targets;
  for (auto& item : module.named_parameters(/*recurse=*/true)) {
    targets.push_back({item.key(), item.value(), false});
  }
  for (auto& item : module.named_buffers(/*recurse=*/true)) {
    targets.push_back({item.key(), item.value(), is_derived_buffer(item.key())});
  }
  return targets;
}

}  // namespace

bool is_derived_buffer(const std::string& key) {
  return ends_with(key, "attn_mask") || ends_with(key, "relative_position_index");
}

Result<WeightsFormat> detect_weights_format(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::NotFound, "cannot open weights file", path);
  unsigned char head[9] = {};
  in.read(reinterpret_cast<char*>(head), sizeof(head));
  const std::streamsize got = in.gcount();
  if (got >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
    return WeightsFormat::Pth;
  }
  // Safetensors before the pickle check: its first byte is the low byte of the header length,
  // which is 0x80 (the pickle PROTO opcode) for one header length in 256.
  if (got == 9 && head[8] == '{') return WeightsFormat::Safetensors;
  if (got >= 1 && head[0] == 0x80) {
    return Error(ErrorCode::Unsupported,
                 "legacy (non-zip) torch.save pickle; re-save it with torch>=1.6", path);
  }
  return Error(ErrorCode::Format, "neither a torch.save zip (.pth) nor a .safetensors file", path);
}

Result<StateDict> load_weights(const std::string& path) {
  auto format = detect_weights_format(path);
  if (!format) return format.error();
  if (*format == WeightsFormat::Pth) return load_pth(path);
  auto contents = read_safetensors(path);
  if (!contents) return contents.error();
  auto stripped = strip_wrapper_prefixes(std::move(contents->tensors));
  if (!stripped) return stripped.error().within(path);
  return stripped;
}

std::size_t count_elements(const StateDict& weights) {
  std::size_t total = 0;
  for (const auto& [key, tensor] : weights) total += static_cast<std::size_t>(tensor.numel());
  return total;
}

Status load_into(torch::nn::Module& module, const StateDict& weights, const LoadOptions& options) {
  std::vector<Target> targets = module_targets(module);
  std::vector<std::string> missing, unexpected, misshaped, differing;
  std::vector<std::pair<Target*, const at::Tensor*>> copies;
  std::map<std::string, bool> known;
  for (Target& target : targets) {
    known[target.key] = true;
    const auto it = weights.find(target.key);
    if (it == weights.end()) {
      // Derived buffers are recomputed by the network, so files may omit them (ResShift's EMA
      // copies skip relative_position_index).
      if (!target.derived && !options.allow_missing) missing.push_back(target.key);
      continue;
    }
    const at::Tensor& source = it->second;
    if (source.sizes() != target.tensor.sizes()) {
      misshaped.push_back(target.key + " (file " + shape_text(source.sizes()) + ", network " +
                          shape_text(target.tensor.sizes()) + ")");
      continue;
    }
    if (target.derived) {
      if (options.check_derived_buffers) {
        const at::Tensor expected = target.tensor.detach().to(at::kCPU);
        if (!at::equal(source.to(expected.scalar_type()), expected)) {
          differing.push_back(target.key);
        }
      }
      continue;  // never overwritten
    }
    copies.emplace_back(&target, &source);
  }
  if (!options.allow_unexpected) {
    for (const auto& [key, tensor] : weights) {
      if (!known.count(key)) unexpected.push_back(key);
    }
  }
  std::string message;
  append_list(message, "missing", missing, options.max_listed);
  append_list(message, "unexpected", unexpected, options.max_listed);
  append_list(message, "misshaped", misshaped, options.max_listed);
  append_list(message, "derived buffers differ from the computed values (other config?)",
              differing, options.max_listed);
  if (!message.empty()) return Error(ErrorCode::Model, "weights do not fit the network: " + message);

  try {
    at::NoGradGuard no_grad;
    for (auto& [target, source] : copies) target->tensor.copy_(*source);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "copying weights");
  }
  return {};
}

}  // namespace rsd::engine
