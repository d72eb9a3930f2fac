#include "engine/train/loop_networks.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/util/Exception.h>
#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <cstdio>
#include <fstream>

#include "engine/nn/factory.h"
#include "engine/runtime.h"
#include "engine/weights/safetensors.h"
#include "engine/weights/sha256.h"
#include "engine/weights/state_dict_loader.h"

namespace rsd::engine::train {
namespace fs = std::filesystem;

Result<torch::Device> training_device(const std::string& name) {
  auto kind = parse_device(name);
  if (!kind) return kind.error();
  auto resolved = resolve_device(*kind);
  if (!resolved) return resolved.error();
  return *resolved == DeviceKind::Cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

Result<std::shared_ptr<UNetModelSwin>> build_unet(const ModelCard& card, int noise_channels) {
  try {
    auto net = make_unet(card.network, noise_channels);
    if (!net) return net.error().within("network");
    return *net;
  } catch (const c10::Error& e) {
    return Error(ErrorCode::InvalidArgument, e.what_without_backtrace(), "network");
  }
}

Result<std::shared_ptr<Codec>> build_codec(const ModelCard& card, const torch::Device& device) {
  Result<std::shared_ptr<Codec>> codec = Error(ErrorCode::Internal, "codec not built");
  try {
    codec = make_codec(card.codec.type, card.codec.params, card.codec.factor);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::InvalidArgument, e.what_without_backtrace(), "codec");
  }
  if (!codec) return codec.error().within("codec");
  std::shared_ptr<Codec> c = std::move(*codec);
  if (auto* m = c->module()) {
    auto weights = load_weights(card.codec_weights_path().string());
    if (!weights) return weights.error();
    if (auto st = load_into(*m, *weights); !st) return st.error().within(card.codec_weights_path().string());
    m->to(device);
    m->eval();
    set_requires_grad(*m, false);
  }
  return c;
}

Status load_card_weights(const ModelCard& card, UNetModelSwin& net) {
  auto weights = load_weights(card.weights_path().string());
  if (!weights) return weights.error();
  if (auto st = load_into(net, *weights); !st) return st.error().within(card.weights_path().string());
  return {};
}

Status copy_unet_weights(const UNetModelSwin& from, UNetModelSwin& to) {
  const std::string first = "input_blocks.0.0.weight";
  StateDict src;
  for (const auto& p : from.named_parameters()) src[p.key()] = p.value().detach();
  for (const auto& b : from.named_buffers()) src[b.key()] = b.value().detach();
  try {
    torch::NoGradGuard no_grad;
    for (auto& p : to.named_parameters()) {
      auto it = src.find(p.key());
      if (it == src.end()) return Error(ErrorCode::Model, "tensor missing in the source network", p.key());
      auto& dst = p.value();
      if (p.key() == first && dst.size(1) > it->second.size(1) &&
          dst.size(0) == it->second.size(0)) {
        dst.zero_();
        dst.narrow(1, 0, it->second.size(1)).copy_(it->second);
        continue;
      }
      if (!dst.sizes().equals(it->second.sizes()))
        return Error(ErrorCode::Model, "shapes differ between the networks", p.key());
      dst.copy_(it->second);
    }
    for (auto& b : to.named_buffers()) {
      auto it = src.find(b.key());
      if (it == src.end() || !b.value().sizes().equals(it->second.sizes()))
        return Error(ErrorCode::Model, "buffer missing or misshaped in the source network", b.key());
      b.value().copy_(it->second);
    }
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "copy weights");
  }
  return {};
}

int zero_init_like_reference(UNetModelSwin& net) {
  torch::NoGradGuard no_grad;
  int zeroed = 0;
  for (auto& p : net.named_parameters()) {
    const auto& key = p.key();
    if (key.rfind("out.2.", 0) == 0 || key.find(".out_layers.3.") != std::string::npos) {
      p.value().zero_();
      ++zeroed;
    }
  }
  return zeroed;
}

void set_requires_grad(torch::nn::Module& module, bool requires_grad) {
  for (auto& p : module.parameters()) p.set_requires_grad(requires_grad);
}

std::string hardware_summary(const torch::Device& device) {
  std::string what;
  if (device.is_cuda()) {
    what = "CUDA device " + std::to_string(device.index());
  } else {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("model name", 0) == 0) {
        what = line.substr(line.find(':') + 2);
        break;
      }
    }
    if (what.empty()) what = "CPU";
  }
  return what + ", " + std::to_string(at::get_num_threads()) + " threads, LibTorch " +
         TORCH_VERSION;
}

std::string training_summary(const nlohmann::json& t) {
  std::string s = "Trained " + std::to_string(t.value("steps", 0)) + " steps on " +
                  fs::path(t.value("data", std::string())).filename().string() + " (" +
                  std::to_string(t.value("train_patches", 0)) + " patches, " +
                  t.value("degradation", std::string("?")) + " degradation) in " +
                  std::to_string(static_cast<long>(t.value("wall_seconds", 0.0))) + " s on " +
                  t.value("hardware", std::string("?")) + ".";
  if (t.contains("validation") && t["validation"].value("count", 0) > 0) {
    const auto& v = t["validation"];
    char buf[200];
    std::snprintf(buf, sizeof buf, " Held-out PSNR (%d patches): bicubic %.2f dB, one-step %.2f dB",
                  v.value("count", 0), v.value("psnr_bicubic", 0.0), v.value("psnr_one_step", 0.0));
    s += buf;
    if (v.contains("psnr_multi_step")) {
      std::snprintf(buf, sizeof buf, ", %d-step %.2f dB", v.value("multi_steps", 0),
                    v.value("psnr_multi_step", 0.0));
      s += buf;
    }
    s += ".";
  }
  return s;
}

Status export_card(ModelCard card, const fs::path& out, const std::string& name,
                   const StateDict& weights, const nlohmann::json& training) {
  std::error_code ec;
  fs::create_directories(out, ec);
  const fs::path weights_file = out / (name + ".safetensors");
  WeightsMetadata meta{{"format", "pt"}, {"name", name}, {"role", card.role}};
  if (auto st = write_safetensors(weights_file.string(), weights, meta); !st) return st;
  const fs::path out_abs = fs::absolute(out, ec);
  auto rebase = [&](const std::string& rel) {
    if (rel.empty()) return rel;
    const fs::path abs = fs::absolute(card.dir / rel, ec);
    const fs::path r = fs::relative(abs, out_abs, ec);
    return ec || r.empty() ? abs.string() : r.string();
  };
  card.codec.weights = rebase(card.codec.weights);
  card.teacher = rebase(card.teacher);
  card.name = name;
  card.weights = weights_file.filename().string();
  auto sha = sha256_file(weights_file.string());
  if (!sha) return sha.error();
  card.sha256 = *sha;
  card.dir = out;
  // The card format has no training block: the full record goes to a sidecar file, the card's
  // notes get a one-line summary.
  const fs::path record = out / (name + ".training.json");
  {
    std::ofstream f(record);
    f << training.dump(2) << "\n";
    if (!f) return Error(ErrorCode::Io, "cannot write the training record", record.string());
  }
  card.notes += (card.notes.empty() ? "" : " ") + training_summary(training) + " Training record: " +
                record.filename().string() + ".";
  nlohmann::json j = card.to_json();
  const fs::path card_file = out / (name + ".json");
  const fs::path tmp = out / (name + ".json.partial");
  {
    std::ofstream f(tmp);
    f << j.dump(2) << "\n";
    if (!f) return Error(ErrorCode::Io, "cannot write model card", tmp.string());
  }
  fs::rename(tmp, card_file, ec);
  if (ec) return Error(ErrorCode::Io, "cannot write model card: " + ec.message(), card_file.string());
  return {};
}

}  // namespace rsd::engine::train
