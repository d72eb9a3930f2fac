#include "tiny_training.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include "engine/train/checkpoint.h"
#include "engine/train/patch_dataset.h"

namespace rsd::engine::train::testing {

namespace fs = std::filesystem;

void write_pattern_dataset(const std::string& path, int train, int val, int size) {
  auto writer = PatchDatasetWriter::create(path, {size, size, 3});
  ASSERT_TRUE(writer.ok()) << writer.error().what();
  const auto a = (*writer)->add_source({"train.png", Split::Train});
  const auto b = (*writer)->add_source({"val.png", Split::Validation});
  auto gen = at::make_generator<at::CPUGeneratorImpl>(99);
  auto yy = at::linspace(0, 1, size).view({size, 1, 1});
  auto xx = at::linspace(0, 1, size).view({1, size, 1});
  for (int i = 0; i < train + val; ++i) {
    auto p = at::rand({6, 3}, gen);
    auto img = 0.5 + 0.25 * at::sin(6.0 * p[0] * xx * 3.14 + 6.0 * p[1]) +
               0.25 * at::cos(6.0 * p[2] * yy * 3.14 + 6.0 * p[3]) + 0.2 * (p[4] - 0.5) * (xx - yy);
    auto u8 = (img.clamp(0, 1) * 255).round().to(at::kByte);
    ASSERT_TRUE((*writer)->add_patch(u8, i < train ? a : b).ok());
  }
  ASSERT_TRUE((*writer)->finish().ok());
}

ModelCard tiny_teacher_card(const fs::path& dir) {
  ModelCard c;
  c.name = "tiny-teacher";
  c.role = "teacher";
  c.network = {{"image_size", 8},        {"in_channels", 48},      {"model_channels", 32},
               {"out_channels", 48},     {"attention_resolutions", {8}},
               {"channel_mult", {1, 2}}, {"num_res_blocks", {1, 1}}, {"num_head_channels", 32},
               {"use_scale_shift_norm", true}, {"swin_depth", 2}, {"swin_embed_dim", 32},
               {"window_size", 4},       {"mlp_ratio", 2},         {"cond_lq", true},
               {"lq_size", 8}};
  c.codec.type = "pixel_unshuffle";
  c.codec.factor = 4;
  c.diffusion.steps = 4;
  c.diffusion.min_noise_level = 0.2;
  c.weights = "tiny-teacher.safetensors";
  c.dir = dir;
  return c;
}

namespace {
std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}
}  // namespace

std::pair<std::uintmax_t, std::uintmax_t> resume_from_compact_copy(const fs::path& out) {
  const auto full = latest_checkpoint(out);
  const fs::path compact_root = out / kCompactCheckpointFolder;
  EXPECT_TRUE(full.has_value());
  EXPECT_TRUE(fs::exists(compact_root / full->filename())) << "no compact copy of " << full->filename();
  if (!full || !fs::exists(compact_root / full->filename())) return {0, 0};
  const std::uintmax_t full_bytes = folder_bytes(*full);
  const std::uintmax_t compact_bytes = folder_bytes(compact_root / full->filename());
  fs::remove_all(out / "checkpoints");
  fs::create_directories(out / "checkpoints");
  fs::copy(compact_root / full->filename(), out / "checkpoints" / full->filename(), fs::copy_options::recursive);
  fs::remove_all(compact_root);
  return {full_bytes, compact_bytes};
}

}  // namespace rsd::engine::train::testing
