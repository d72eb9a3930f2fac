#include "engine/weights/safetensors.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <unistd.h>

namespace rsd::engine {
namespace {

using nlohmann::json;

// The format is little-endian; tensor bytes are copied verbatim, so we only run on such hosts.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "safetensors I/O assumes little-endian");

constexpr std::size_t kMaxRank = 16;

struct DtypeName {
  const char* name;
  c10::ScalarType type;
};
constexpr DtypeName kDtypes[] = {
    {"F32", c10::ScalarType::Float}, {"F16", c10::ScalarType::Half},
    {"BF16", c10::ScalarType::BFloat16}, {"I64", c10::ScalarType::Long},
    {"I32", c10::ScalarType::Int}, {"U8", c10::ScalarType::Byte},
    {"BOOL", c10::ScalarType::Bool}};

struct Entry {
  std::string name;
  c10::ScalarType type = c10::ScalarType::Float;
  std::vector<std::int64_t> shape;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

struct Header {
  std::vector<Entry> entries;
  WeightsMetadata metadata;
};

// Reads `n` bytes at absolute file position `pos` into `dst`; false on a short read.
using ByteSource = std::function<bool(std::uint64_t pos, char* dst, std::size_t n)>;

Error format_error(const std::string& message, const std::string& tensor = {}) {
  return Error(ErrorCode::Format, message, tensor);
}

Result<std::uint64_t> read_unsigned(const json& value, const std::string& what,
                                    const std::string& tensor) {
  if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
    return format_error(what + " must be a non-negative integer", tensor);
  }
  return value.get<std::uint64_t>();
}

Result<Entry> parse_entry(const std::string& name, const json& info, std::uint64_t data_size) {
  if (name.empty()) return format_error("empty tensor name in header");
  if (!info.is_object()) return format_error("header entry is not an object", name);
  const auto dtype_it = info.find("dtype");
  const auto shape_it = info.find("shape");
  const auto offsets_it = info.find("data_offsets");
  if (dtype_it == info.end() || shape_it == info.end() || offsets_it == info.end()) {
    return format_error("header entry needs dtype, shape and data_offsets", name);
  }
  if (!dtype_it->is_string()) return format_error("dtype is not a string", name);
  Entry entry;
  entry.name = name;
  const auto type = safetensors_dtype_from_name(dtype_it->get<std::string>());
  if (!type) {
    return Error(ErrorCode::Unsupported,
                 "unknown dtype '" + dtype_it->get<std::string>() +
                     "' (supported: F32, F16, BF16, I64, I32, U8, BOOL)",
                 name);
  }
  entry.type = *type;

  if (!shape_it->is_array()) return format_error("shape is not an array", name);
  if (shape_it->size() > kMaxRank) return format_error("shape has more than 16 dimensions", name);
  // numel * element size must not overflow; the byte-size check below then bounds it by the file.
  std::uint64_t bytes = c10::elementSize(entry.type);
  for (const json& dim : *shape_it) {
    auto value = read_unsigned(dim, "shape dimension", name);
    if (!value) return value.error();
    if (*value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
        __builtin_mul_overflow(bytes, *value, &bytes)) {
      return format_error("absurd shape (element count overflows)", name);
    }
    entry.shape.push_back(static_cast<std::int64_t>(*value));
  }

  if (!offsets_it->is_array() || offsets_it->size() != 2) {
    return format_error("data_offsets must be [begin, end]", name);
  }
  auto begin = read_unsigned((*offsets_it)[0], "data_offsets begin", name);
  if (!begin) return begin.error();
  auto end = read_unsigned((*offsets_it)[1], "data_offsets end", name);
  if (!end) return end.error();
  entry.begin = *begin;
  entry.end = *end;
  if (entry.begin > entry.end) return format_error("data_offsets begin > end", name);
  if (entry.end > data_size) {
    return format_error("data_offsets [" + std::to_string(entry.begin) + ", " +
                            std::to_string(entry.end) + "] outside the data section of " +
                            std::to_string(data_size) + " bytes",
                        name);
  }
  if (entry.end - entry.begin != bytes) {
    return format_error("byte size " + std::to_string(entry.end - entry.begin) +
                            " does not match shape and dtype (" + std::to_string(bytes) +
                            " bytes)",
                        name);
  }
  return entry;
}

Result<Header> parse_header(const std::string& text, std::uint64_t data_size) {
  // nlohmann keeps the last of two equal keys without a word; a header that readers could take two
  // ways (which "w", which "dtype"?) is refused instead.
  std::vector<std::set<std::string>> open_objects;
  std::string duplicate;
  const json::parser_callback_t find_duplicates = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) {
      open_objects.emplace_back();
    } else if (event == json::parse_event_t::object_end && !open_objects.empty()) {
      open_objects.pop_back();
    } else if (event == json::parse_event_t::key && !open_objects.empty() &&
               !open_objects.back().insert(parsed.get<std::string>()).second && duplicate.empty()) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  const json root = json::parse(text, find_duplicates, /*allow_exceptions=*/false);
  if (root.is_discarded()) return format_error("header is not valid JSON");
  if (!duplicate.empty()) return format_error("duplicate key '" + duplicate + "' in the header");
  if (!root.is_object()) return format_error("header is not a JSON object");
  Header header;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it->is_object()) return format_error("__metadata__ is not an object");
      for (auto m = it->begin(); m != it->end(); ++m) {
        if (!m->is_string()) return format_error("__metadata__ value is not a string", m.key());
        header.metadata[m.key()] = m->get<std::string>();
      }
      continue;
    }
    auto entry = parse_entry(it.key(), *it, data_size);
    if (!entry) return entry.error();
    header.entries.push_back(std::move(*entry));
  }
  // The non-empty byte ranges, in file order, must tile the data section exactly, as the reference
  // implementation requires: no overlap, and no byte that belongs to no tensor (a gap or a tail
  // would hide data that no reader checks).
  std::vector<const Entry*> order;
  for (const Entry& e : header.entries) {
    if (e.end > e.begin) order.push_back(&e);
  }
  std::sort(order.begin(), order.end(),
            [](const Entry* a, const Entry* b) { return a->begin < b->begin; });
  std::uint64_t covered = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i > 0 && order[i]->begin < order[i - 1]->end) {
      return format_error("data overlaps tensor '" + order[i - 1]->name + "'", order[i]->name);
    }
    if (order[i]->begin > covered) break;
    covered = order[i]->end;
  }
  if (covered != data_size) {
    const auto next = std::find_if(order.begin(), order.end(), [&](const Entry* e) { return e->begin > covered; });
    const std::uint64_t gap_end = next == order.end() ? data_size : (*next)->begin;
    return format_error("bytes [" + std::to_string(covered) + ", " + std::to_string(gap_end) +
                        ") of the data section belong to no tensor");
  }
  return header;
}

Result<SafetensorsContents> read_from(const ByteSource& source, std::uint64_t file_size,
                                      const SafetensorsReadOptions& options) {
  if (file_size < 8) return format_error("file too short for a safetensors header");
  unsigned char length_bytes[8];
  if (!source(0, reinterpret_cast<char*>(length_bytes), 8)) {
    return Error(ErrorCode::Io, "cannot read header length");
  }
  std::uint64_t header_size = 0;
  for (int i = 7; i >= 0; --i) header_size = (header_size << 8) | length_bytes[i];
  if (header_size < 2 || header_size > kSafetensorsMaxHeaderBytes || header_size > file_size - 8) {
    return format_error("implausible header length " + std::to_string(header_size) +
                        " for a file of " + std::to_string(file_size) + " bytes");
  }
  std::string text(header_size, '\0');
  if (!source(8, text.data(), header_size)) return Error(ErrorCode::Io, "cannot read header");
  const std::uint64_t data_start = 8 + header_size;
  auto header = parse_header(text, file_size - data_start);
  if (!header) return header.error();

  SafetensorsContents contents;
  contents.metadata = std::move(header->metadata);
  for (const Entry& e : header->entries) {
    at::Tensor tensor = at::empty(e.shape, at::TensorOptions().dtype(e.type));
    const std::uint64_t bytes = e.end - e.begin;
    if (bytes > 0 && !source(data_start + e.begin, static_cast<char*>(tensor.data_ptr()), bytes)) {
      return Error(ErrorCode::Io, "cannot read tensor data", e.name);
    }
    if (e.type == c10::ScalarType::Bool) {
      // A bool byte other than 0/1 is undefined behaviour in LibTorch kernels.
      const auto* raw = static_cast<const std::uint8_t*>(tensor.data_ptr());
      if (std::any_of(raw, raw + bytes, [](std::uint8_t b) { return b > 1; })) {
        return format_error("BOOL tensor holds bytes other than 0 and 1", e.name);
      }
    }
    if (options.floats_to_float32 && at::isFloatingType(e.type)) tensor = tensor.to(at::kFloat);
    contents.tensors.emplace(e.name, std::move(tensor));
  }
  return contents;
}

struct Prepared {
  std::string header;                 // padded JSON
  std::vector<at::Tensor> tensors;    // contiguous CPU tensors in name order
};

Result<Prepared> prepare(const StateDict& tensors, const WeightsMetadata& metadata,
                         const SafetensorsWriteOptions& options) {
  if (options.float_dtype && !at::isFloatingType(*options.float_dtype)) {
    return Error(ErrorCode::InvalidArgument, "float_dtype must be a floating type");
  }
  json root = json::object();
  if (!metadata.empty()) {
    json meta = json::object();
    for (const auto& [key, value] : metadata) meta[key] = value;
    root["__metadata__"] = meta;
  }
  Prepared prepared;
  std::uint64_t offset = 0;
  for (const auto& [name, source] : tensors) {
    if (name.empty() || name == "__metadata__") {
      return Error(ErrorCode::InvalidArgument, "tensor name not allowed in safetensors", name);
    }
    if (!source.defined()) return Error(ErrorCode::InvalidArgument, "undefined tensor", name);
    at::Tensor tensor = source.detach().to(at::kCPU);
    if (options.float_dtype && at::isFloatingType(tensor.scalar_type())) {
      tensor = tensor.to(*options.float_dtype);
    }
    tensor = tensor.contiguous();
    const auto dtype = safetensors_dtype_name(tensor.scalar_type());
    if (!dtype) {
      return Error(ErrorCode::Unsupported,
                   std::string("cannot store dtype ") + c10::toString(tensor.scalar_type()), name);
    }
    const std::uint64_t bytes = tensor.numel() * tensor.element_size();
    root[name] = {{"dtype", *dtype},
                  {"shape", tensor.sizes().vec()},
                  {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    prepared.tensors.push_back(std::move(tensor));
  }
  prepared.header = root.dump();
  // Pad with spaces so the data section starts 8-byte aligned (8 + header is a multiple of 8).
  prepared.header.append((8 - prepared.header.size() % 8) % 8, ' ');
  return prepared;
}

void append_length(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

}  // namespace

std::optional<c10::ScalarType> safetensors_dtype_from_name(const std::string& name) {
  for (const auto& d : kDtypes) {
    if (name == d.name) return d.type;
  }
  return std::nullopt;
}

std::optional<std::string> safetensors_dtype_name(c10::ScalarType type) {
  for (const auto& d : kDtypes) {
    if (type == d.type) return std::string(d.name);
  }
  return std::nullopt;
}

Result<SafetensorsContents> read_safetensors(const std::string& path,
                                             const SafetensorsReadOptions& options) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return Error(ErrorCode::NotFound, "cannot open file: " + ec.message(), path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::NotFound, "cannot open file", path);
  const ByteSource source = [&in](std::uint64_t pos, char* dst, std::size_t n) {
    in.seekg(static_cast<std::streamoff>(pos));
    in.read(dst, static_cast<std::streamsize>(n));
    return in.good() && static_cast<std::size_t>(in.gcount()) == n;
  };
  try {
    auto result = read_from(source, size, options);
    if (!result) return result.error().within(path);
    return result;
  } catch (const c10::Error& e) {  // allocation failures in at::empty
    return Error(ErrorCode::Internal, e.what_without_backtrace(), path);
  }
}

Result<SafetensorsContents> parse_safetensors(const std::vector<char>& bytes,
                                              const SafetensorsReadOptions& options) {
  const ByteSource source = [&bytes](std::uint64_t pos, char* dst, std::size_t n) {
    if (pos > bytes.size() || n > bytes.size() - pos) return false;
    std::memcpy(dst, bytes.data() + pos, n);
    return true;
  };
  try {
    return read_from(source, bytes.size(), options);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace());
  }
}

Result<std::vector<char>> serialize_safetensors(const StateDict& tensors,
                                                const WeightsMetadata& metadata,
                                                const SafetensorsWriteOptions& options) {
  auto prepared = prepare(tensors, metadata, options);
  if (!prepared) return prepared.error();
  std::string head;
  append_length(head, prepared->header.size());
  head += prepared->header;
  std::vector<char> out(head.begin(), head.end());
  for (const at::Tensor& t : prepared->tensors) {
    const char* data = static_cast<const char*>(t.data_ptr());
    out.insert(out.end(), data, data + t.numel() * t.element_size());
  }
  return out;
}

Status write_safetensors(const std::string& path, const StateDict& tensors,
                         const WeightsMetadata& metadata, const SafetensorsWriteOptions& options) {
  auto prepared = prepare(tensors, metadata, options);
  if (!prepared) return prepared.error().within(path);
  const std::string temp = path + ".partial-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Error(ErrorCode::Io, "cannot create file", temp);
    std::string head;
    append_length(head, prepared->header.size());
    head += prepared->header;
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    for (const at::Tensor& t : prepared->tensors) {
      out.write(static_cast<const char*>(t.data_ptr()),
                static_cast<std::streamsize>(t.numel() * t.element_size()));
    }
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temp);
      return Error(ErrorCode::Io, "write failed (disk full?)", temp);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp);
    return Error(ErrorCode::Io, "cannot rename temporary file into place: " + ec.message(), path);
  }
  return {};
}

}  // namespace rsd::engine
