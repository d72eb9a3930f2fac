// .safetensors reader and writer (format: huggingface/safetensors, docs "Format" section):
//   [u64 little-endian N][N bytes JSON header][data section]
// The header maps each tensor name to {dtype, shape, data_offsets:[begin, end]} (offsets relative
// to the data section) plus an optional "__metadata__" map of strings.
//
// The reader trusts nothing in the file: the header length, every offset pair, byte sizes versus
// shapes, overlaps and dtype names are checked before a single tensor byte is read, and every
// failure is a Format/Unsupported error naming the tensor. Threading: free functions, no state.
#pragma once

#include <c10/core/ScalarType.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace rsd::engine {

// Largest accepted JSON header (the reference implementation uses the same 100 MB bound).
constexpr std::uint64_t kSafetensorsMaxHeaderBytes = 100ull * 1000 * 1000;

struct SafetensorsReadOptions {
  // Convert F16/BF16 (and F32) tensors to float32 while reading; integer tensors keep their type.
  bool floats_to_float32 = false;
};

struct SafetensorsWriteOptions {
  // Store floating tensors as this type (kFloat, kHalf or kBFloat16); nullopt keeps each tensor's.
  std::optional<c10::ScalarType> float_dtype;
};

struct SafetensorsContents {
  StateDict tensors;
  WeightsMetadata metadata;
};

// "F32", "F16", "BF16", "I64", "I32", "U8", "BOOL" <-> the matching scalar types.
std::optional<c10::ScalarType> safetensors_dtype_from_name(const std::string& name);
std::optional<std::string> safetensors_dtype_name(c10::ScalarType type);

Result<SafetensorsContents> read_safetensors(const std::string& path,
                                             const SafetensorsReadOptions& options = {});
// Same checks on an in-memory file image (tests, embedded data).
Result<SafetensorsContents> parse_safetensors(const std::vector<char>& bytes,
                                              const SafetensorsReadOptions& options = {});

// Writes tensors sorted by name, the header padded with spaces to a multiple of 8 bytes. The file
// is written under a temporary name next to `path` and renamed into place, so a crash never
// leaves a truncated file under the final name.
Status write_safetensors(const std::string& path, const StateDict& tensors,
                         const WeightsMetadata& metadata = {},
                         const SafetensorsWriteOptions& options = {});
Result<std::vector<char>> serialize_safetensors(const StateDict& tensors,
                                                const WeightsMetadata& metadata = {},
                                                const SafetensorsWriteOptions& options = {});

}  // namespace rsd::engine
