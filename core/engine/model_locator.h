// Finds model cards for the CLI and the GUI (both use this one copy): "student" and "teacher"
// name the embedded default pair; anything else is a path to a card (.json) or a card's file
// name in the models folder. Search order for the models folder:
//   1. $RSD_MODELS_DIR
//   2. <executable>/../share/rsd-studio/models   (installed layout)
//   3. the source tree's models/ folder           (running from a build tree)
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::engine {

// The embedded default cards, by role.
inline constexpr const char* kDefaultStudentCard = "rsd-lite-student.json";
inline constexpr const char* kDefaultTeacherCard = "rsd-lite-teacher.json";

// Folders searched, in order, whether or not they exist.
std::vector<std::filesystem::path> model_search_dirs();

// Resolves "student", "teacher" or a card path to an existing card file.
Result<std::filesystem::path> locate_model_card(const std::string& name_or_path);

// Every *.json card in the first existing models folder and in `extra_dir` (if given), sorted.
std::vector<std::filesystem::path> list_model_cards(const std::filesystem::path& extra_dir = {});

}  // namespace rsd::engine
