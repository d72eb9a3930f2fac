#include "metrics/data_files.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace rsd::metrics {
namespace fs = std::filesystem;

std::vector<std::string> metrics_data_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("RSD_DATA_DIR"); env && *env) dirs.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    dirs.push_back(exe.parent_path().string());
    dirs.push_back((exe.parent_path().parent_path() / "share" / "rsd-studio").string());
  }
#ifdef RSD_METRICS_SOURCE_DATA_DIR
  dirs.emplace_back(RSD_METRICS_SOURCE_DATA_DIR);
#endif
  return dirs;
}

Result<std::string> find_metrics_data_file(const std::string& name) {
  std::string searched;
  for (const std::string& dir : metrics_data_dirs()) {
    const fs::path candidate = fs::path(dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    searched += (searched.empty() ? "" : ", ") + dir;
  }
  return Error(ErrorCode::NotFound, "not found in: " + searched + " (set RSD_DATA_DIR)", name);
}

}  // namespace rsd::metrics
