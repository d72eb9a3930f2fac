#include "imaging/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <random>
#include <set>
#include <string>

namespace rsd::imaging {
namespace fs = std::filesystem;
namespace {

constexpr const char* kExistsMessage = "the file already exists";

Error errno_error(const char* what, int err) {
  const ErrorCode code = err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io;
  return Error(code, std::string(what) + ": " + std::strerror(err));
}

// ".rsd-tmp-<host>-": the start of every temporary name this host writes; the pid and a random
// suffix follow. The host name keeps processes of other machines writing to the same network
// folder out of the stale-file sweep.
std::string host_temp_prefix() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') std::strcpy(host, "localhost");
  for (char* c = host; *c; ++c)
    if (*c == '/' || *c == '\\') *c = '_';
  return std::string(kTempFilePrefix) + host + "-";
}

// Sweeps each destination folder once per process: later temporary files there are our own.
void sweep_once(const fs::path& dir) {
  static std::mutex mutex;
  static std::set<fs::path> swept;
  std::error_code ec;
  fs::path key = fs::weakly_canonical(dir, ec);
  if (ec) key = dir;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!swept.insert(key).second) return;
  }
  remove_stale_temp_files(dir);
}

Result<int> create_temp(const fs::path& dir, fs::path& temp_path) {
  std::random_device rd;
  std::mt19937_64 rng((uint64_t(rd()) << 32) ^ rd());
  const std::string prefix = host_temp_prefix() + std::to_string(long(::getpid())) + "-";
  for (int attempt = 0; attempt < 32; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(rng()));
    temp_path = dir / (prefix + suffix);
    // 0666 minus the umask: the result gets the permissions a plain new file would get.
    const int fd = ::open(temp_path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    if (errno != EEXIST) return errno_error("cannot create a file in the destination folder", errno);
  }
  return Error(ErrorCode::Io, "cannot create a unique temporary file");
}

Status write_all(int fd, const uint8_t* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, std::min<size_t>(size - done, size_t(1) << 24));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_error("write failed", errno);
    }
    done += size_t(n);
  }
  return {};
}

Status pwrite_all(int fd, uint64_t offset, const uint8_t* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pwrite(fd, data + done, std::min<size_t>(size - done, size_t(1) << 24),
                               off_t(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_error("write failed", errno);
    }
    done += size_t(n);
  }
  return {};
}

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: some file systems do not allow opening folders
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Result<std::vector<uint8_t>> read_file(const fs::path& path, uint64_t max_bytes) {
  const std::string ctx = path.string();
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Error(ErrorCode::NotFound, "file not found", ctx);
  if (fs::is_directory(status)) return Error(ErrorCode::InvalidArgument, "is a folder, not a file", ctx);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::Io, std::string("cannot open for reading: ") + std::strerror(errno), ctx);
  in.seekg(0, std::ios::end);
  const std::streamoff end = in.tellg();
  if (end < 0) return Error(ErrorCode::Io, "cannot determine the file size", ctx);
  if (max_bytes != 0 && uint64_t(end) > max_bytes)
    return Error(ErrorCode::TooLarge, "file is larger than " + std::to_string(max_bytes) + " bytes", ctx);
  in.seekg(0, std::ios::beg);
  std::vector<uint8_t> bytes(static_cast<size_t>(end));
  if (!bytes.empty() && !in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size())))
    return Error(ErrorCode::Io, "read error", ctx);
  return bytes;
}

constexpr size_t kBufferBytes = size_t(1) << 20;

AtomicFileWriter::AtomicFileWriter(int fd, fs::path dir, fs::path temp, WriteFaults faults)
    : fd_(fd), dir_(std::move(dir)), temp_(std::move(temp)), faults_(faults) {
  buffer_.reserve(kBufferBytes);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

Result<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::create(const fs::path& dir_in,
                                                                   const WriteFaults& faults) {
  const fs::path dir = dir_in.empty() ? fs::path(".") : dir_in;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Error(ErrorCode::NotFound, "destination folder does not exist", dir.string());
  sweep_once(dir);
  fs::path temp_path;
  auto fd = create_temp(dir, temp_path);
  if (!fd) return fd.error().within(dir.string());
  return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(fd.value(), dir, temp_path, faults));
}

// The injected "disk full" of WriteFaults: the bytes up to the limit are taken, then the write fails.
Status AtomicFileWriter::count_bytes(size_t size) {
  counted_ += size;
  if (faults_.fail_after_bytes >= 0 && counted_ > uint64_t(faults_.fail_after_bytes))
    return errno_error("write failed (injected fault)", ENOSPC);
  return {};
}

Status AtomicFileWriter::flush() {
  if (buffer_.empty()) return {};
  auto st = write_all(fd_, buffer_.data(), buffer_.size());
  buffer_.clear();
  return st;
}

Status AtomicFileWriter::write(const uint8_t* data, size_t size) {
  if (fd_ < 0) return Error(ErrorCode::Internal, "write after commit");
  if (auto st = count_bytes(size); !st) return st;
  size_ += size;
  if (buffer_.size() + size > kBufferBytes) {
    if (auto st = flush(); !st) return st;
    if (size >= kBufferBytes) return write_all(fd_, data, size);
  }
  buffer_.insert(buffer_.end(), data, data + size);
  return {};
}

Status AtomicFileWriter::write_at(uint64_t offset, const uint8_t* data, size_t size) {
  if (fd_ < 0) return Error(ErrorCode::Internal, "write after commit");
  if (auto st = count_bytes(size); !st) return st;
  if (auto st = flush(); !st) return st;
  if (auto st = pwrite_all(fd_, offset, data, size); !st) return st;
  size_ = std::max<uint64_t>(size_, offset + size);
  // Later appends go to the end, wherever this write left the file offset.
  if (::lseek(fd_, off_t(size_), SEEK_SET) < 0) return errno_error("seek failed", errno);
  return {};
}

Result<size_t> AtomicFileWriter::read_at(uint64_t offset, uint8_t* data, size_t size) {
  if (fd_ < 0) return Error(ErrorCode::Internal, "read after commit");
  if (auto st = flush(); !st) return st.error();
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, data + done, size - done, off_t(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("read failed", errno);
    if (n == 0) break;
    done += size_t(n);
  }
  return done;
}

Status AtomicFileWriter::commit(const fs::path& path, bool replace_existing) {
  const std::string ctx = path.string();
  if (temp_.empty()) return Error(ErrorCode::Internal, "the file was already committed", ctx);
  if (!synced_) {
    if (auto st = flush(); !st) return st.error().within(ctx);
    if (::fsync(fd_) != 0) return errno_error("fsync failed", errno).within(ctx);
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) return errno_error("close failed", errno).within(ctx);
    synced_ = true;
  }
  if (faults_.fail_before_rename) return Error(ErrorCode::Io, "rename failed: injected fault", ctx);

  if (replace_existing) {
    if (::rename(temp_.c_str(), path.c_str()) != 0)
      return errno_error("cannot move the file into place", errno).within(ctx);
    temp_.clear();
  } else if (::link(temp_.c_str(), path.c_str()) == 0) {
    ::unlink(temp_.c_str());  // the data stays under the final name
    temp_.clear();
  } else if (errno == EEXIST) {
    return Error(ErrorCode::Io, kExistsMessage, ctx);
  } else if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == EXDEV) {
    // No hard links here (FAT, some network shares): check, then rename (a small race remains).
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_type::not_found)
      return Error(ErrorCode::Io, kExistsMessage, ctx);
    if (::rename(temp_.c_str(), path.c_str()) != 0)
      return errno_error("cannot move the file into place", errno).within(ctx);
    temp_.clear();
  } else {
    return errno_error("cannot move the file into place", errno).within(ctx);
  }
  sync_directory(dir_);
  return {};
}

Status write_file_atomically(const fs::path& path, const uint8_t* data, size_t size,
                             const AtomicWriteOptions& options) {
  const std::string ctx = path.string();
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Error(ErrorCode::NotFound, "destination folder does not exist", ctx);
  if (!options.replace_existing && fs::symlink_status(path, ec).type() != fs::file_type::not_found)
    return Error(ErrorCode::Io, kExistsMessage, ctx);

  auto file = AtomicFileWriter::create(dir, options.faults);
  if (!file) return Error(file.error().code, file.error().message, ctx);
  if (auto st = (*file)->write(data, size); !st) return st.error().within(ctx);
  return (*file)->commit(path, options.replace_existing);
}

int remove_stale_temp_files(const fs::path& dir) {
  const std::string host_prefix = host_temp_prefix();
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, host_prefix.size(), host_prefix) != 0) continue;
    // The rest must be "<pid>-<16 hex digits>" exactly.
    const std::string rest = name.substr(host_prefix.size());
    const size_t dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || dash > 9 || rest.size() != dash + 17) continue;
    if (rest.find_first_not_of("0123456789") != dash) continue;
    if (rest.find_first_not_of("0123456789abcdef", dash + 1) != std::string::npos) continue;
    const long pid = std::stol(rest.substr(0, dash));
    if (pid <= 0 || pid == long(::getpid())) continue;
    if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code type_ec;
    if (!fs::is_regular_file(fs::symlink_status(it->path(), type_ec))) continue;
    if (::unlink(it->path().c_str()) == 0) ++removed;
  }
  return removed;
}

bool is_already_exists(const Error& error) {
  return error.code == ErrorCode::Io && error.message == kExistsMessage;
}

}  // namespace rsd::imaging
