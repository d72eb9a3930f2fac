// Turning what the user dropped or typed (files and folders) into the list of photos to process.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rsd::pipeline {

struct InputFile {
  std::filesystem::path path;
  // For files found in a folder: the sub-folder they sit in relative to that folder ("" at its
  // top level), so a batch can mirror the tree in the output folder. Empty for files given directly.
  std::filesystem::path relative_dir;
};

struct SkippedInput {
  std::filesystem::path path;
  std::string reason;
};

struct CollectedInputs {
  std::vector<InputFile> files;
  std::vector<SkippedInput> skipped;  // named by the user but not processable (missing, not an image)
};

// Files are kept when their extension or their first bytes say JPEG, PNG, TIFF, WebP, BMP,
// HEIF/HEIC, AVIF or camera RAW.
// Folders contribute their image files (by extension; hidden names and our own temporary files
// are ignored), sorted by name, sub-folders after files and only when `recursive`. Symbolic links
// to folders are followed once: a folder reached twice (by two links) is listed once, and a link
// back to a folder being listed (a loop) is reported in `skipped` and not followed.
// The same file named twice appears once. The order is deterministic: arguments in the order
// given, each folder depth-first in byte order of names.
CollectedInputs collect_inputs(const std::vector<std::filesystem::path>& paths, bool recursive);

}  // namespace rsd::pipeline
