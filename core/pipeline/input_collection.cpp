#include "pipeline/input_collection.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <set>
#include <utility>

#include "imaging/file_io.h"
#include "imaging/image_format.h"

namespace rsd::pipeline {
namespace fs = std::filesystem;
namespace {

using FileId = std::pair<dev_t, ino_t>;

bool file_id(const fs::path& p, FileId& id) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return false;  // follows symlinks: the target's identity
  id = {st.st_dev, st.st_ino};
  return true;
}

bool has_image_extension(const fs::path& p) {
  return imaging::format_from_extension(p.extension().u8string()) != imaging::ImageFormat::Unknown;
}

bool has_image_signature(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  uint8_t head[64] = {};  // HEIF's brands follow its ftyp box's first 16 bytes
  in.read(reinterpret_cast<char*>(head), sizeof head);
  return imaging::sniff_format(head, size_t(in.gcount())) != imaging::ImageFormat::Unknown;
}

class Collector {
 public:
  explicit Collector(bool recursive) : recursive_(recursive) {}

  void add_argument(const fs::path& p) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      out_.skipped.push_back({p, ec.message()});  // e.g. a symbolic link loop, no permission
    } else if (!fs::exists(st)) {
      out_.skipped.push_back({p, "not found"});
    } else if (fs::is_directory(st)) {
      add_folder(p, p);
    } else if (!fs::is_regular_file(st)) {
      out_.skipped.push_back({p, "not a regular file"});
    } else if (!has_image_extension(p) && !has_image_signature(p)) {
      out_.skipped.push_back({p, "not a JPEG, PNG, TIFF, WebP or BMP image"});
    } else {
      add_file(p, {});
    }
  }

  CollectedInputs take() { return std::move(out_); }

 private:
  void add_file(const fs::path& p, const fs::path& relative_dir) {
    FileId id{};
    if (file_id(p, id) && !files_seen_.insert(id).second) return;
    out_.files.push_back({p, relative_dir});
  }

  void add_folder(const fs::path& root, const fs::path& dir) {
    FileId id{};
    if (!file_id(dir, id)) return;
    for (const auto& [ancestor_id, ancestor] : walk_)
      if (ancestor_id == id) {
        out_.skipped.push_back({dir, "symbolic link loop back to " + ancestor.u8string() + "; not followed"});
        return;
      }
    if (!dirs_seen_.insert(id).second) return;  // reached by a second link: listed once
    std::vector<fs::path> files, subdirs;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = p.filename().u8string();
      if (name.empty() || name[0] == '.') continue;  // hidden files, ._ resource forks, our temp files
      std::error_code sec;
      if (it->is_directory(sec)) {
        if (recursive_) subdirs.push_back(p);
      } else if (it->is_regular_file(sec) && has_image_extension(p)) {
        files.push_back(p);
      } else if (sec.value() == ELOOP && has_image_extension(p)) {
        out_.skipped.push_back({p, sec.message()});  // a link that leads back to itself
      }
    }
    if (ec) {
      out_.skipped.push_back({dir, "cannot list the folder: " + ec.message()});
      return;
    }
    auto by_name = [](const fs::path& a, const fs::path& b) { return a.filename().native() < b.filename().native(); };
    std::sort(files.begin(), files.end(), by_name);
    std::sort(subdirs.begin(), subdirs.end(), by_name);
    const fs::path rel = dir == root ? fs::path() : dir.lexically_relative(root);
    for (const auto& f : files) add_file(f, rel);
    walk_.push_back({id, dir});
    for (const auto& d : subdirs) add_folder(root, d);
    walk_.pop_back();
  }

  bool recursive_;
  CollectedInputs out_;
  std::set<FileId> files_seen_;
  std::set<FileId> dirs_seen_;
  std::vector<std::pair<FileId, fs::path>> walk_;  // the folders being listed, outermost first
};

}  // namespace

CollectedInputs collect_inputs(const std::vector<fs::path>& paths, bool recursive) {
  Collector c(recursive);
  for (const auto& p : paths) c.add_argument(p);
  return c.take();
}

}  // namespace rsd::pipeline
