#include "train/photo_sources.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace rsd::app::train {
namespace {

namespace fs = std::filesystem;

bool is_photo(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png";
}

struct CopyrightParagraph {
  std::vector<std::string> files;
  std::string copyright;
  std::string license;
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The "Files:" paragraphs of a machine-readable (DEP-5) copyright file.
std::vector<CopyrightParagraph> parse_copyright(const fs::path& file) {
  std::ifstream in(file);
  std::vector<CopyrightParagraph> out;
  CopyrightParagraph cur;
  std::string field, line;
  const auto flush = [&] {
    if (!cur.files.empty()) out.push_back(cur);
    cur = {};
    field.clear();
  };
  while (std::getline(in, line)) {
    if (trim(line).empty()) {
      flush();
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {  // continuation of the current field
      if (field == "Files") {
        std::istringstream words(line);
        for (std::string w; words >> w;) cur.files.push_back(w);
      }
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    field = line.substr(0, colon);
    const std::string value = trim(line.substr(colon + 1));
    if (field == "Files") {
      std::istringstream words(value);
      for (std::string w; words >> w;) cur.files.push_back(w);
    } else if (field == "Copyright") {
      cur.copyright = value;
    } else if (field == "License") {
      cur.license = value;
    }
  }
  flush();
  return out;
}

// DEP-5 patterns are relative to the upstream source tree, not the install path, so a pattern
// matches when it matches any trailing part of the installed path.
bool pattern_matches(const std::string& pattern, const std::string& rel) {
  if (pattern == "*") return true;
  std::string tail = rel;
  while (true) {
    if (::fnmatch(pattern.c_str(), tail.c_str(), 0) == 0) return true;
    const auto slash = tail.find('/');
    if (slash == std::string::npos) return false;
    tail = tail.substr(slash + 1);
  }
}

}  // namespace

Result<std::vector<std::string>> find_photos(const std::vector<std::string>& inputs) {
  std::set<std::string> found;
  try {
    for (const std::string& input : inputs) {
      const fs::path p(input);
      if (!fs::exists(p)) return Error(ErrorCode::NotFound, "no such file or folder", input);
      if (fs::is_directory(p)) {
        for (const auto& entry : fs::recursive_directory_iterator(p)) {
          if (entry.is_regular_file() && is_photo(entry.path())) found.insert(fs::canonical(entry.path()).string());
        }
      } else if (is_photo(p)) {
        found.insert(fs::canonical(p).string());
      } else {
        return Error(ErrorCode::Unsupported, "not a JPEG or PNG file", input);
      }
    }
  } catch (const fs::filesystem_error& e) {
    return Error(ErrorCode::Io, e.what());
  }
  return std::vector<std::string>(found.begin(), found.end());
}

PhotoSource describe_photo(const std::string& path) {
  PhotoSource photo;
  photo.path = path;
  photo.name = fs::path(path).filename().string();
  std::error_code ec;
  for (fs::path root = fs::path(path).parent_path(); !root.empty() && root != root.root_path();
       root = root.parent_path()) {
    const fs::path doc = root / "usr" / "share" / "doc";
    if (!fs::is_directory(doc, ec)) continue;
    const std::string rel = fs::relative(path, root, ec).string();
    for (const auto& pkg : fs::directory_iterator(doc, ec)) {
      const fs::path copyright = pkg.path() / "copyright";
      if (!fs::is_regular_file(copyright, ec)) continue;
      photo.package = pkg.path().filename().string();
      photo.name = rel;
      // Upstream folders are often not installed ("16.04/x.jpg" lands in usr/share/backgrounds/),
      // so rank matches: a trailing-path match, then a file-name match, then a catch-all "*".
      const std::string file = fs::path(rel).filename().string();
      int best = 0;
      for (const CopyrightParagraph& para : parse_copyright(copyright)) {
        int rank = 0;
        for (const std::string& pat : para.files) {
          const std::string pat_file = fs::path(pat).filename().string();
          if (pat == "*") rank = std::max(rank, 1);
          else if (pattern_matches(pat, rel)) rank = std::max(rank, 3);
          else if (pat_file == file) rank = std::max(rank, 2);  // literal names only: not "debian/*"
        }
        if (rank > 0 && rank >= best) {  // among equal ranks the last paragraph wins (DEP-5)
          best = rank;
          photo.license = para.license;
          photo.copyright = para.copyright;
        }
      }
      if (!photo.license.empty()) return photo;
    }
    if (!photo.package.empty()) return photo;
  }
  return photo;
}

bool photo_matches(const PhotoSource& photo, const std::string& entry) {
  const fs::path p(photo.name);
  if (p.filename() == entry || p.stem() == entry) return true;
  for (const auto& part : p.parent_path()) {
    if (part == entry) return true;
  }
  return false;
}

}  // namespace rsd::app::train
