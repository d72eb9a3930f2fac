// Seed corpus generator for the fuzz targets (fuzz/make_corpus.sh runs it). Every seed is made
// here by the project's own writers, LibTorch, OpenCV or Exiv2, or assembled byte by byte, so the
// corpus holds nothing taken from elsewhere; the one exception is the Python-written checkpoint
// tests/data/parity/sequential_state_dict.pth of this repository (see its README), copied and
// unpacked because it is the only real Python pickle (OrderedDict, _metadata, SETITEM) we have.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rsd::fuzz {

namespace fs = std::filesystem;

using Bytes = std::vector<std::uint8_t>;

// Writes `bytes` to dir/name, creating dir; throws std::runtime_error on failure.
void write_seed(const fs::path& dir, const std::string& name, const Bytes& bytes);
Bytes read_file(const fs::path& path);

// corpus/safetensors, corpus/pickle, corpus/pth.
void make_weight_seeds(const fs::path& corpus, const fs::path& source_dir);
// corpus/header_probe, corpus/metadata.
void make_image_seeds(const fs::path& corpus);
// corpus/heif, corpus/raw.
void make_camera_seeds(const fs::path& corpus);

}  // namespace rsd::fuzz
