#include "engine/weights/pth_loader.h"

#include "engine/weights/pickle_rewriter.h"

#include <ATen/core/ivalue.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/unpickler.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <vector>

namespace rsd::engine {
namespace {

constexpr const char* kResave =
    "re-save it with torch>=1.6: torch.save(torch.load(old), new) writes the zip format";

std::string join_keys(const c10::impl::GenericDict& dict, std::size_t limit = 12) {
  std::string out;
  std::size_t n = 0;
  for (const auto& item : dict) {
    if (n == limit) {
      out += ", ... (" + std::to_string(dict.size() - limit) + " more)";
      break;
    }
    if (n++ > 0) out += ", ";
    out += item.key().isString() ? "'" + item.key().toStringRef() + "'" : item.key().tagKind();
  }
  return out.empty() ? "(empty)" : out;
}

// A nested dict stored under `key`, or nullptr.
const c10::IValue* find_dict(const c10::impl::GenericDict& dict, const std::string& key) {
  for (const auto& item : dict) {
    if (item.key().isString() && item.key().toStringRef() == key && item.value().isGenericDict()) {
      return &item.value();
    }
  }
  return nullptr;
}

bool holds_tensor(const c10::impl::GenericDict& dict) {
  for (const auto& item : dict) {
    if (item.value().isTensor()) return true;
  }
  return false;
}

bool strip_one(std::string& key) {
  for (const char* prefix : {"module.", "_orig_mod."}) {
    const std::size_t n = std::char_traits<char>::length(prefix);
    if (key.size() > n && key.compare(0, n, prefix) == 0) {
      key.erase(0, n);
      return true;
    }
  }
  return false;
}

// The storage records of the zip, by the address LibTorch keeps their bytes at.
struct Record {
  std::string name;
  std::size_t bytes = 0;
};
using Records = std::map<const void*, Record>;

// LibTorch 1.13's unpickler trusts the file: a storage's size comes from the element count in the
// pickle, not from the record that holds its bytes, and _rebuild_tensor_v2 sets sizes, strides and
// offset without checking them against the storage. A hostile file can so build a tensor that
// reads far outside its buffer. Every tensor is checked against the record it points into.
Status check_extent(const std::string& key, const at::Tensor& t, const Records& records) {
  if (t.layout() != at::kStrided) return Error(ErrorCode::Unsupported, "only dense tensors are supported", key);
  if (t.numel() == 0) return {};
  const auto record = records.find(t.storage().data_ptr().get());
  if (record == records.end())
    return Error(ErrorCode::Format, "tensor data does not come from a storage record of the file", key);
  const std::size_t available = record->second.bytes;
  const std::string where = " of storage record '" + record->second.name + "' (" + std::to_string(available) + " bytes)";
  if (t.storage().nbytes() > available)
    return Error(ErrorCode::Format, "the storage claims " + std::to_string(t.storage().nbytes()) + " bytes" + where, key);
  // The last element reached: offset + sum((size - 1) * stride), with every term non-negative.
  if (t.storage_offset() < 0) return Error(ErrorCode::Format, "negative storage offset", key);
  std::uint64_t last = static_cast<std::uint64_t>(t.storage_offset()), term = 0, end = 0;
  bool overflow = false;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (t.stride(d) < 0) return Error(ErrorCode::Format, "negative stride in dimension " + std::to_string(d), key);
    overflow = overflow || __builtin_mul_overflow(static_cast<std::uint64_t>(t.size(d) - 1),
                                                  static_cast<std::uint64_t>(t.stride(d)), &term) ||
               __builtin_add_overflow(last, term, &last);
  }
  overflow = overflow || __builtin_add_overflow(last, 1, &end) ||
             __builtin_mul_overflow(end, static_cast<std::uint64_t>(t.element_size()), &end);
  if (overflow || end > available)
    return Error(ErrorCode::Format,
                 "sizes, strides and offset reach " + (overflow ? std::string("past 2^64") : std::to_string(end)) +
                     " bytes" + where,
                 key);
  return {};
}

}  // namespace

Result<StateDict> strip_wrapper_prefixes(StateDict tensors) {
  StateDict out;
  for (auto& [key, tensor] : tensors) {
    std::string name = key;
    while (strip_one(name)) {
    }
    if (!out.emplace(name, std::move(tensor)).second) {
      return Error(ErrorCode::Format,
                   "two tensors map to the same key after removing 'module.'/'_orig_mod.'", name);
    }
  }
  return out;
}

Result<StateDict> state_dict_from_ivalue(const c10::IValue& root) {
  if (!root.isGenericDict()) {
    return Error(ErrorCode::Format,
                 std::string("checkpoint is a ") + root.tagKind() + ", expected a dict of tensors");
  }
  const c10::IValue* current = &root;
  if (const c10::IValue* inner = find_dict(current->toGenericDict(), "state_dict")) current = inner;
  if (!holds_tensor(current->toGenericDict())) {
    if (const c10::IValue* student = find_dict(current->toGenericDict(), "student")) {
      current = student;
    }
  }
  const auto dict = current->toGenericDict();
  StateDict tensors;
  for (const auto& item : dict) {
    if (!item.value().isTensor()) continue;  // counters, metadata: not weights
    if (!item.key().isString()) {
      return Error(ErrorCode::Format, "tensor stored under a non-string key");
    }
    tensors.emplace(item.key().toStringRef(), item.value().toTensor());
  }
  if (tensors.empty()) {
    return Error(ErrorCode::Format,
                 "no tensors found in the checkpoint dict; its keys are " + join_keys(dict));
  }
  return strip_wrapper_prefixes(std::move(tensors));
}

Result<StateDict> load_pth(const std::string& path) {
  char magic[4] = {};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(ErrorCode::NotFound, "cannot open file", path);
    in.read(magic, 4);
    if (in.gcount() != 4) return Error(ErrorCode::Format, "file too short for a checkpoint", path);
  }
  if (!(magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)) {
    if (static_cast<unsigned char>(magic[0]) == 0x80) {
      return Error(ErrorCode::Unsupported,
                   std::string("legacy (non-zip) torch.save pickle; ") + kResave, path);
    }
    return Error(ErrorCode::Format, "not a zip-format torch.save checkpoint", path);
  }
  try {
    caffe2::serialize::PyTorchStreamReader reader(path);
    bool torchscript = reader.hasRecord("constants.pkl");
    for (const std::string& record : reader.getAllRecords()) {
      torchscript = torchscript || record.rfind("code/", 0) == 0;
    }
    if (torchscript) {
      return Error(ErrorCode::Unsupported,
                   "TorchScript archive; save the state_dict with torch.save(model.state_dict())",
                   path);
    }
    if (!reader.hasRecord("data.pkl")) {
      return Error(ErrorCode::Format, "zip file without data.pkl (not a torch.save file)", path);
    }
    const auto [pickle_data, pickle_size] = reader.getRecord("data.pkl");
    auto pickle = rewrite_ordered_dicts(
        std::string(static_cast<const char*>(pickle_data.get()), pickle_size));
    if (!pickle) return pickle.error().within(path);
    std::size_t offset = 0;
    const auto read = [&](char* dst, std::size_t n) {
      n = std::min(n, pickle->size() - offset);
      std::memcpy(dst, pickle->data() + offset, n);
      offset += n;
      return n;
    };
    Records records;
    const auto read_record = [&reader, &records](const std::string& name) {
      auto [data, size] = reader.getRecord("data/" + name);
      records[data.get()] = {"data/" + name, size};
      return std::move(data);
    };
    // No type resolver and no object loader: classes other than tensors/containers are refused.
    torch::jit::Unpickler unpickler(read, /*type_resolver=*/nullptr, /*obj_loader=*/nullptr,
                                    read_record, at::Device(at::kCPU));
    unpickler.set_version(reader.version());
    const c10::IValue root = unpickler.parse_ivalue();
    auto result = state_dict_from_ivalue(root);
    if (!result) return result.error().within(path);
    for (const auto& [key, tensor] : *result)
      if (auto st = check_extent(key, tensor, records); !st) return st.error().within(path);
    return result;
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Format,
                 std::string("cannot decode checkpoint: ") + e.what_without_backtrace(), path);
  } catch (const std::exception& e) {
    return Error(ErrorCode::Format, std::string("cannot decode checkpoint: ") + e.what(), path);
  }
}

}  // namespace rsd::engine
