// Fixtures shared by the teacher-trainer and distiller tests: a patch dataset of smooth colour
// patterns made at run time and the card of a tiny pixel_unshuffle teacher.
#pragma once

#include <filesystem>
#include <cstdint>
#include <string>
#include <utility>

#include "engine/model_card.h"

namespace rsd::engine::train::testing {

// `train` + `val` patches of size x size: gradients plus low-frequency waves, so a bicubic
// LR -> HR mapping is learnable in a few steps. Fails the calling test on any error.
void write_pattern_dataset(const std::string& path, int train, int val, int size = 32);

// A tiny teacher card: latent 8x8x48, two levels, a Swin layer at the top level (window 4),
// T = 4, weights "tiny-teacher.safetensors" in `dir`.
ModelCard tiny_teacher_card(const std::filesystem::path& dir);

// Replaces <out>/checkpoints by the compact copy in <out>/compact, as a new machine resumes from
// the committed copy; returns the sizes in bytes of the full and the compact checkpoint folder.
std::pair<std::uintmax_t, std::uintmax_t> resume_from_compact_copy(const std::filesystem::path& out);

}  // namespace rsd::engine::train::testing
