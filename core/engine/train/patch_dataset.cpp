#include "engine/train/patch_dataset.h"

#include <ATen/ATen.h>

#include <array>
#include <cstring>
#include <filesystem>

namespace rsd::engine::train {
namespace {

constexpr char kMagic[8] = {'R', 'S', 'D', 'P', 'A', 'T', 'C', 'H'};
// Refuse absurd headers before allocating anything from them.
constexpr std::int64_t kMaxSide = 1 << 14;
constexpr std::int64_t kMaxChannels = 4;
constexpr std::int64_t kMaxSources = 1 << 20;

void put_u16(std::string& buf, std::uint16_t v) {
  for (int i = 0; i < 2; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u32(std::string& buf, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& buf, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get_le(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

struct Header {
  std::uint32_t version = 0;
  std::uint32_t channels = 0, height = 0, width = 0;
  std::uint64_t count = 0;
  std::uint64_t patch_offset = 0, ids_offset = 0, sources_offset = 0;
  std::uint32_t source_count = 0;
};

std::string encode_header(const Header& h) {
  std::string buf(kMagic, sizeof(kMagic));
  put_u32(buf, h.version);
  put_u32(buf, h.channels);
  put_u32(buf, h.height);
  put_u32(buf, h.width);
  put_u64(buf, h.count);
  put_u64(buf, h.patch_offset);
  put_u64(buf, h.ids_offset);
  put_u64(buf, h.sources_offset);
  put_u32(buf, h.source_count);
  put_u32(buf, 0);  // reserved
  return buf;
}

Header decode_header(const unsigned char* p) {
  Header h;
  h.version = static_cast<std::uint32_t>(get_le(p + 8, 4));
  h.channels = static_cast<std::uint32_t>(get_le(p + 12, 4));
  h.height = static_cast<std::uint32_t>(get_le(p + 16, 4));
  h.width = static_cast<std::uint32_t>(get_le(p + 20, 4));
  h.count = get_le(p + 24, 8);
  h.patch_offset = get_le(p + 32, 8);
  h.ids_offset = get_le(p + 40, 8);
  h.sources_offset = get_le(p + 48, 8);
  h.source_count = static_cast<std::uint32_t>(get_le(p + 56, 4));
  return h;
}

Error format_error(const std::string& path, const std::string& what) {
  return Error(ErrorCode::Format, "malformed patch dataset: " + what, path);
}

}  // namespace

// ----------------------------------------------------------------------------------------------
// Writer

PatchDatasetWriter::PatchDatasetWriter(std::string path, PatchGeometry geometry)
    : path_(std::move(path)), geometry_(geometry) {}

PatchDatasetWriter::~PatchDatasetWriter() = default;

Result<std::unique_ptr<PatchDatasetWriter>> PatchDatasetWriter::create(const std::string& path,
                                                                      PatchGeometry geometry) {
  if (geometry.height <= 0 || geometry.width <= 0 || geometry.channels <= 0 ||
      geometry.height > kMaxSide || geometry.width > kMaxSide || geometry.channels > kMaxChannels) {
    return Error(ErrorCode::InvalidArgument, "patch geometry out of range", path);
  }
  std::unique_ptr<PatchDatasetWriter> writer(new PatchDatasetWriter(path, geometry));
  writer->out_.open(path, std::ios::binary | std::ios::trunc);
  if (!writer->out_) return Error(ErrorCode::Io, "cannot create file", path);
  // Placeholder header; finish() rewrites it once the counts are known.
  const std::string header(kPatchHeaderBytes, '\0');
  writer->out_.write(header.data(), kPatchHeaderBytes);
  if (!writer->out_) return Error(ErrorCode::Io, "write failed", path);
  return writer;
}

std::uint32_t PatchDatasetWriter::add_source(PatchSource source) {
  sources_.push_back(std::move(source));
  return static_cast<std::uint32_t>(sources_.size() - 1);
}

Status PatchDatasetWriter::add_patch(const torch::Tensor& patch, std::uint32_t source) {
  if (finished_) return Error(ErrorCode::InvalidArgument, "dataset already finished", path_);
  if (source >= sources_.size()) {
    return Error(ErrorCode::InvalidArgument, "unknown source index " + std::to_string(source), path_);
  }
  if (patch.scalar_type() != at::kByte || patch.dim() != 3 || patch.size(0) != geometry_.height ||
      patch.size(1) != geometry_.width || patch.size(2) != geometry_.channels) {
    return Error(ErrorCode::InvalidArgument,
                 "patch must be uint8 [" + std::to_string(geometry_.height) + ", " +
                     std::to_string(geometry_.width) + ", " + std::to_string(geometry_.channels) + "]",
                 path_);
  }
  const at::Tensor bytes = patch.to(at::kCPU).contiguous();
  out_.write(reinterpret_cast<const char*>(bytes.data_ptr<std::uint8_t>()), geometry_.bytes());
  if (!out_) return Error(ErrorCode::Io, "write failed", path_);
  source_ids_.push_back(source);
  return {};
}

Status PatchDatasetWriter::finish() {
  if (finished_) return {};
  finished_ = true;
  Header h;
  h.version = kPatchDatasetVersion;
  h.channels = static_cast<std::uint32_t>(geometry_.channels);
  h.height = static_cast<std::uint32_t>(geometry_.height);
  h.width = static_cast<std::uint32_t>(geometry_.width);
  h.count = source_ids_.size();
  h.patch_offset = kPatchHeaderBytes;
  h.ids_offset = h.patch_offset + h.count * static_cast<std::uint64_t>(geometry_.bytes());
  h.sources_offset = h.ids_offset + 4 * h.count;
  h.source_count = static_cast<std::uint32_t>(sources_.size());

  std::string tables;
  for (std::uint32_t id : source_ids_) put_u32(tables, id);
  for (const PatchSource& s : sources_) {
    if (s.name.size() > 0xffff) return Error(ErrorCode::InvalidArgument, "source name too long", s.name);
    tables.push_back(static_cast<char>(s.split));
    put_u16(tables, static_cast<std::uint16_t>(s.name.size()));
    tables += s.name;
  }
  out_.write(tables.data(), static_cast<std::streamsize>(tables.size()));
  const std::string header = encode_header(h);
  out_.seekp(0);
  out_.write(header.data(), static_cast<std::streamsize>(header.size()));
  out_.close();
  if (!out_) return Error(ErrorCode::Io, "write failed", path_);
  return {};
}

// ----------------------------------------------------------------------------------------------
// Reader

Result<std::unique_ptr<PatchDatasetReader>> PatchDatasetReader::open(const std::string& path) {
  std::error_code ec;
  const auto file_size = std::filesystem::file_size(path, ec);
  if (ec) return Error(ErrorCode::NotFound, "cannot stat file: " + ec.message(), path);
  std::unique_ptr<PatchDatasetReader> reader(new PatchDatasetReader(path));
  reader->in_.open(path, std::ios::binary);
  if (!reader->in_) return Error(ErrorCode::Io, "cannot open file", path);

  std::array<unsigned char, kPatchHeaderBytes> raw{};
  if (file_size < static_cast<std::uintmax_t>(kPatchHeaderBytes) ||
      !reader->in_.read(reinterpret_cast<char*>(raw.data()), kPatchHeaderBytes)) {
    return format_error(path, "file shorter than the header");
  }
  if (std::memcmp(raw.data(), kMagic, sizeof(kMagic)) != 0) return format_error(path, "bad magic");
  const Header h = decode_header(raw.data());
  if (h.version != kPatchDatasetVersion) {
    return Error(ErrorCode::Unsupported, "patch dataset version " + std::to_string(h.version) +
                                             " (this build reads " +
                                             std::to_string(kPatchDatasetVersion) + ")",
                 path);
  }
  if (h.channels == 0 || h.channels > kMaxChannels || h.height == 0 || h.height > kMaxSide ||
      h.width == 0 || h.width > kMaxSide) {
    return format_error(path, "patch geometry out of range");
  }
  if (h.source_count > kMaxSources) return format_error(path, "too many sources");
  PatchGeometry g{h.height, h.width, h.channels};
  const std::uint64_t patch_bytes = static_cast<std::uint64_t>(g.bytes());
  // Check offsets in an order that cannot overflow: count is bounded by the file size first.
  if (h.patch_offset < static_cast<std::uint64_t>(kPatchHeaderBytes) || h.patch_offset > file_size ||
      h.count > (file_size - h.patch_offset) / patch_bytes ||
      h.ids_offset != h.patch_offset + h.count * patch_bytes ||
      h.sources_offset != h.ids_offset + 4 * h.count || h.sources_offset > file_size) {
    return format_error(path, "section offsets do not match the patch count and file size");
  }

  const std::uint64_t table_bytes = file_size - h.ids_offset;
  std::vector<unsigned char> tables(table_bytes);
  reader->in_.seekg(static_cast<std::streamoff>(h.ids_offset));
  if (!reader->in_.read(reinterpret_cast<char*>(tables.data()), static_cast<std::streamsize>(table_bytes))) {
    return format_error(path, "truncated tables");
  }
  reader->source_ids_.resize(h.count);
  for (std::uint64_t i = 0; i < h.count; ++i) {
    const auto id = static_cast<std::uint32_t>(get_le(tables.data() + 4 * i, 4));
    if (id >= h.source_count) return format_error(path, "patch " + std::to_string(i) + " names unknown source");
    reader->source_ids_[i] = id;
  }
  std::uint64_t pos = 4 * h.count;
  for (std::uint32_t s = 0; s < h.source_count; ++s) {
    if (pos + 3 > table_bytes) return format_error(path, "truncated source table");
    const unsigned char split = tables[pos];
    if (split > 1) return format_error(path, "bad split flag in source table");
    const auto len = static_cast<std::uint64_t>(get_le(tables.data() + pos + 1, 2));
    pos += 3;
    if (pos + len > table_bytes) return format_error(path, "truncated source name");
    reader->sources_.push_back(
        {std::string(reinterpret_cast<const char*>(tables.data() + pos), len), static_cast<Split>(split)});
    pos += len;
  }
  if (pos != table_bytes) return format_error(path, "trailing bytes after the source table");
  reader->geometry_ = g;
  reader->patch_offset_ = static_cast<std::int64_t>(h.patch_offset);
  return reader;
}

std::vector<std::int64_t> PatchDatasetReader::indices(Split split) const {
  std::vector<std::int64_t> out;
  for (std::int64_t i = 0; i < size(); ++i) {
    if (sources_[source_ids_[i]].split == split) out.push_back(i);
  }
  return out;
}

Result<torch::Tensor> PatchDatasetReader::read(std::int64_t index) const {
  if (index < 0 || index >= size()) {
    return Error(ErrorCode::InvalidArgument,
                 "patch index " + std::to_string(index) + " out of range [0, " + std::to_string(size()) + ")",
                 path_);
  }
  at::Tensor patch = at::empty({geometry_.height, geometry_.width, geometry_.channels}, at::kByte);
  std::lock_guard<std::mutex> lock(mutex_);
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(patch_offset_ + index * geometry_.bytes()));
  if (!in_.read(reinterpret_cast<char*>(patch.data_ptr<std::uint8_t>()), geometry_.bytes())) {
    return Error(ErrorCode::Io, "read failed for patch " + std::to_string(index), path_);
  }
  return patch;
}

Result<torch::Tensor> PatchDatasetReader::read_batch(const std::vector<std::int64_t>& indices) const {
  std::vector<at::Tensor> patches;
  patches.reserve(indices.size());
  for (std::int64_t i : indices) {
    auto patch = read(i);
    if (!patch) return patch.error();
    patches.push_back(std::move(patch.value()));
  }
  if (patches.empty()) return Error(ErrorCode::InvalidArgument, "empty batch", path_);
  // [N, H, W, C] uint8 -> [N, C, H, W] float in [0, 1]
  return at::stack(patches).permute({0, 3, 1, 2}).to(at::kFloat).div_(255.0).contiguous();
}

}  // namespace rsd::engine::train
