// "Inputs are never modified", checked: the bytes, modification time and permissions of every
// file under a folder, taken before a run and compared after it (also: no file added or removed).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../core/imaging/test_support.h"

namespace rsd::test {

// Sorted names of the entries of `folder` (not recursive).
inline std::vector<std::string> list_names(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class InputSnapshot {
 public:
  explicit InputSnapshot(const fs::path& folder) : folder_(folder), files_(take(folder)) {}

  void expect_unchanged() const {
    const auto now = take(folder_);
    std::vector<std::string> before_names, now_names;
    for (const auto& [p, s] : files_) before_names.push_back(p);
    for (const auto& [p, s] : now) now_names.push_back(p);
    EXPECT_EQ(now_names, before_names) << "files appeared or vanished under " << folder_;
    for (const auto& [p, s] : files_) {
      auto it = now.find(p);
      if (it == now.end()) continue;
      EXPECT_TRUE(it->second.bytes == s.bytes) << p << " changed";
      EXPECT_TRUE(it->second.mtime == s.mtime) << p << " was touched";
      EXPECT_TRUE(it->second.perms == s.perms) << p << " changed permissions";
    }
  }

 private:
  struct State {
    std::vector<uint8_t> bytes;
    fs::file_time_type mtime;
    fs::perms perms;
  };

  static std::map<std::string, State> take(const fs::path& folder) {
    std::map<std::string, State> files;
    for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_symlink() || !it->is_regular_file()) continue;
      const fs::path& p = it->path();
      files[p.lexically_relative(folder).string()] = {read_bytes(p), fs::last_write_time(p),
                                                       fs::status(p).permissions()};
    }
    return files;
  }

  fs::path folder_;
  std::map<std::string, State> files_;
};

}  // namespace rsd::test
