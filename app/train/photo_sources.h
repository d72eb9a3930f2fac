// Finding training photos and their provenance: which files, which Debian package each one was
// unpacked from, and the licence the package's DEP-5 copyright file gives for it.
//
// Photos are expected under a package tree unpacked with `dpkg -x PKG.deb ROOT/`: the package is
// the one whose ROOT/usr/share/doc/<package>/copyright exists above the file.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::app::train {

struct PhotoSource {
  std::string path;          // absolute, canonical
  std::string name;          // path inside its package tree ("usr/share/..."), else the file name
  std::string package;       // Debian package, or empty when none was found
  std::string license;       // short licence name from the copyright file (DEP-5 "License:")
  std::string copyright;     // first line of the matching "Copyright:" field
};

// Expands files and folders (recursively) into JPEG/PNG files, sorted and without duplicates
// (same canonical path). Fails naming a path that does not exist.
Result<std::vector<std::string>> find_photos(const std::vector<std::string>& inputs);

// Provenance of one photo (never fails: unknown fields stay empty).
PhotoSource describe_photo(const std::string& path);

// True when `entry` names this photo: equal to its file name, its stem, or a folder of its path
// (so "BytheWater" selects usr/share/wallpapers/BytheWater/contents/images/2560x1600.jpg).
bool photo_matches(const PhotoSource& photo, const std::string& entry);

}  // namespace rsd::app::train
