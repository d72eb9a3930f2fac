// Whole-file reads and crash-safe writes.
//
// write_file_atomically() (and AtomicFileWriter, its streaming form) never leaves a partial file under the final name and never harms an
// existing file unless asked to replace it: the bytes go to a temporary file in the destination
// folder (same file system, so the final step is an atomic rename), are flushed and fsync'ed, and
// only then take the final name; the folder is fsync'ed so the new name survives a power cut. On
// any failure the temporary file is removed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
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

// A file written piece by piece (an encoder streaming rows) that takes its final name only when
// complete: the same temporary-file, fsync and link/rename steps as write_file_atomically(), split
// so the bytes can arrive over time. Until commit() succeeds the data lives under a temporary name
// in the destination folder, removed by the destructor (an error, a cancelled job). Writes are
// buffered (1 MiB). Not thread-safe. Errors of write/commit name the temporary file's folder or
// the final path; callers add the photo's name.
class AtomicFileWriter {
 public:
  // Creates the temporary file in `dir`. faults (tests only): fail_after_bytes counts all bytes
  // given to write() and write_at(); fail_before_rename fails commit().
  static Result<std::unique_ptr<AtomicFileWriter>> create(const std::filesystem::path& dir,
                                                          const WriteFaults& faults = {});
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  // Appends at the end of the file.
  Status write(const uint8_t* data, size_t size);
  // Writes at `offset` (patching a header, or anywhere a seeking encoder asks for).
  Status write_at(uint64_t offset, const uint8_t* data, size_t size);
  // Reads back up to `size` bytes at `offset`; returns how many were read.
  Result<size_t> read_at(uint64_t offset, uint8_t* data, size_t size);
  uint64_t size() const { return size_; }

  // Flushes, fsyncs and gives the file the name `path` (in the folder given to create()), as
  // write_file_atomically() does: a no-clobber link unless replace_existing. When the name is
  // taken (is_already_exists) the data stays under its temporary name and commit() may be called
  // again with another name. After success the writer holds nothing.
  Status commit(const std::filesystem::path& path, bool replace_existing);

 private:
  AtomicFileWriter(int fd, std::filesystem::path dir, std::filesystem::path temp, WriteFaults faults);
  Status flush();
  Status count_bytes(size_t size);

  int fd_ = -1;
  std::filesystem::path dir_, temp_;
  WriteFaults faults_;
  std::vector<uint8_t> buffer_;  // appended bytes not yet written
  uint64_t size_ = 0;            // logical size, buffer included
  uint64_t counted_ = 0;         // bytes handed in, for fail_after_bytes
  bool synced_ = false;
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
