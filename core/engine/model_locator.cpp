#include "engine/model_locator.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include <unistd.h>

#include "base/build_paths.h"

namespace fs = std::filesystem;

namespace rsd::engine {
namespace {

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

}  // namespace

std::vector<fs::path> model_search_dirs() {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("RSD_MODELS_DIR"); env && *env) dirs.emplace_back(env);
  if (fs::path exe = executable_dir(); !exe.empty())
    dirs.push_back(exe.parent_path() / "share" / "rsd-studio" / "models");
  dirs.push_back(fs::path(RSD_SOURCE_DIR) / "models");
  return dirs;
}

Result<fs::path> locate_model_card(const std::string& name_or_path) {
  std::string file = name_or_path;
  if (name_or_path == "student") file = kDefaultStudentCard;
  else if (name_or_path == "teacher") file = kDefaultTeacherCard;
  else {
    std::error_code ec;
    if (fs::is_regular_file(name_or_path, ec)) return fs::absolute(name_or_path);
    if (fs::path(name_or_path).has_parent_path())
      return Error(ErrorCode::NotFound, "model card not found", name_or_path);
    if (fs::path(file).extension() != ".json") file += ".json";
  }
  for (const fs::path& dir : model_search_dirs()) {
    std::error_code ec;
    if (fs::is_regular_file(dir / file, ec)) return dir / file;
  }
  std::string searched;
  for (const fs::path& dir : model_search_dirs()) searched += "\n  " + dir.string();
  return Error(ErrorCode::NotFound, "no model card '" + file + "' in:" + searched, name_or_path);
}

std::vector<fs::path> list_model_cards(const fs::path& extra_dir) {
  std::vector<fs::path> cards;
  auto scan = [&cards](const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".json") cards.push_back(entry.path());
  };
  for (const fs::path& dir : model_search_dirs()) {
    if (is_dir(dir)) {
      scan(dir);
      break;
    }
  }
  if (is_dir(extra_dir)) scan(extra_dir);
  std::sort(cards.begin(), cards.end());
  return cards;
}

}  // namespace rsd::engine
