// Patch dataset: fixed-size HR crops (uint8, HWC, RGB) in one binary file, read by index.
//
// File layout (all integers little-endian):
//   [0, 64)          header: magic "RSDPATCH", version, channels, height, width, count,
//                    offsets of the three sections below, source count
//   patch section    count × (height·width·channels) bytes, patch i at patch_offset + i·patch_bytes
//   id section       count × u32: index of the source file each patch was cut from
//   source section   source_count × { u8 split (0 train, 1 validation), u16 name length, name }
//
// The validation split is a property of the source file (all patches of a held-out photo are
// validation patches), so no crop of a validation photo can leak into training.
//
// Threading: a PatchDatasetReader may be used from several threads (reads are serialized by a
// mutex); a PatchDatasetWriter belongs to one thread.
#pragma once

#include <torch/types.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::engine::train {

enum class Split : std::uint8_t { Train = 0, Validation = 1 };

struct PatchSource {
  std::string name;  // the photo the patches come from: its path inside its package, or file name
  Split split = Split::Train;
};

struct PatchGeometry {
  std::int64_t height = 0;
  std::int64_t width = 0;
  std::int64_t channels = 3;
  std::int64_t bytes() const { return height * width * channels; }
};

inline constexpr std::uint32_t kPatchDatasetVersion = 1;
inline constexpr std::int64_t kPatchHeaderBytes = 64;

class PatchDatasetWriter {
 public:
  // Creates (truncates) `path`. Fails on an unwritable path or a geometry that is not positive.
  static Result<std::unique_ptr<PatchDatasetWriter>> create(const std::string& path,
                                                            PatchGeometry geometry);
  ~PatchDatasetWriter();

  // Registers a source photo; returns its index for add_patch.
  std::uint32_t add_source(PatchSource source);
  // patch: uint8 [height, width, channels] (contiguous or not) on any device.
  Status add_patch(const torch::Tensor& patch, std::uint32_t source);
  // Writes the tables and the final header. No patch can be added afterwards.
  Status finish();

  std::int64_t count() const { return static_cast<std::int64_t>(source_ids_.size()); }

 private:
  PatchDatasetWriter(std::string path, PatchGeometry geometry);

  std::string path_;
  PatchGeometry geometry_;
  std::ofstream out_;
  std::vector<PatchSource> sources_;
  std::vector<std::uint32_t> source_ids_;
  bool finished_ = false;
};

class PatchDatasetReader {
 public:
  // Opens and validates the header and the tables (Format error naming what is wrong).
  static Result<std::unique_ptr<PatchDatasetReader>> open(const std::string& path);

  const PatchGeometry& geometry() const { return geometry_; }
  std::int64_t size() const { return static_cast<std::int64_t>(source_ids_.size()); }
  const std::vector<PatchSource>& sources() const { return sources_; }
  // Source index of patch i (i in [0, size())).
  std::uint32_t source_of(std::int64_t index) const { return source_ids_.at(index); }

  // Patch indices of one split, ascending.
  std::vector<std::int64_t> indices(Split split) const;

  // uint8 [height, width, channels] exactly as written. Out-of-range index: InvalidArgument.
  Result<torch::Tensor> read(std::int64_t index) const;
  // float [N, channels, height, width] in [0, 1] for training.
  Result<torch::Tensor> read_batch(const std::vector<std::int64_t>& indices) const;

 private:
  explicit PatchDatasetReader(std::string path) : path_(std::move(path)) {}

  std::string path_;
  PatchGeometry geometry_;
  std::int64_t patch_offset_ = 0;
  std::vector<PatchSource> sources_;
  std::vector<std::uint32_t> source_ids_;
  mutable std::ifstream in_;
  mutable std::mutex mutex_;
};

}  // namespace rsd::engine::train
