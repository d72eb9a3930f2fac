// Whole-file reads and crash-safe writes.
//
// write_file_atomically() never leaves a partial file under the final name and never harms an
// existing file unless asked to replace it: the bytes go to a temporary file in the destination
// folder (same file system, so the final step is an atomic rename), are flushed and fsync'ed, and
// only then take the final name; the folder is fsync'ed so the new name survives a power cut. On
// any failure the temporary file is removed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "base/error.h"

namespace rsd::imaging {

// The whole file. Errors name the path: NotFound, Io (permission, read error), TooLarge (over
// max_bytes, when non-zero).
Result<std::vector<uint8_t>> read_file(const std::filesystem::path& path, uint64_t max_bytes = 0);

// Test hooks to prove the no-partial-file guarantee. Production code leaves them at defaults.
struct WriteFaults {
  int64_t fail_after_bytes = -1;  // >= 0: the write fails (as if the disk filled) after this many bytes
  bool fail_before_rename = false;  // everything written and synced, then the final step fails
};

struct AtomicWriteOptions {
  bool replace_existing = false;  // false: fail with ErrorCode::Io (EEXIST) if `path` exists
  WriteFaults faults;
};

// Writes `size` bytes as `path`. Errors name the path. When replace_existing is false the final
// step is a hard link (no-clobber even against a file created meanwhile), falling back to a
// checked rename on file systems without hard links.
Status write_file_atomically(const std::filesystem::path& path, const uint8_t* data, size_t size,
                             const AtomicWriteOptions& options = {});

// True if the error from write_file_atomically means "the destination already exists".
bool is_already_exists(const Error& error);

// The prefix every temporary file starts with (folder scans skip such names). The full name is
// ".rsd-tmp-<host>-<pid>-<16 hex digits>", so a later run can tell a live writer's file from one
// left behind by a process that was killed.
constexpr const char* kTempFilePrefix = ".rsd-tmp-";

// Removes temporary files in `dir` that were left by killed processes of this host (the pid in
// the name no longer exists). Files of live processes, of other hosts (network shares) and any
// other file are left alone. Returns how many were removed; best effort, never fails.
// write_file_atomically() calls this once per folder and process before its first write there.
int remove_stale_temp_files(const std::filesystem::path& dir);

}  // namespace rsd::imaging
