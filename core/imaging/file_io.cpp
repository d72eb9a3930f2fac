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

// Closes a descriptor and removes the temporary file unless released.
class TempFile {
 public:
  TempFile(int fd, fs::path path) : fd_(fd), path_(std::move(path)) {}
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  int fd() const { return fd_; }
  const fs::path& path() const { return path_; }
  int close_fd() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }
  void keep() { path_.clear(); }  // the file was renamed or linked away

 private:
  int fd_;
  fs::path path_;
};

// "<host>-<pid>-": the part of a temporary name that identifies its writer. The host name keeps
// processes of other machines writing to the same network folder out of the stale-file sweep.
std::string owner_tag(long pid) {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') std::strcpy(host, "localhost");
  for (char* c = host; *c; ++c)
    if (*c == '/' || *c == '\\') *c = '_';
  return std::string(host) + "-" + std::to_string(pid) + "-";
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
  const std::string prefix = std::string(kTempFilePrefix) + owner_tag(long(::getpid()));
  for (int attempt = 0; attempt < 32; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(rng()));
    temp_path = dir / (prefix + suffix);
    // 0666 minus the umask: the result gets the permissions a plain new file would get.
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    if (errno != EEXIST) return errno_error("cannot create a file in the destination folder", errno);
  }
  return Error(ErrorCode::Io, "cannot create a unique temporary file");
}

Status write_all(int fd, const uint8_t* data, size_t size, int64_t fail_after) {
  const bool inject = fail_after >= 0 && uint64_t(fail_after) < size;
  const size_t limit = inject ? size_t(fail_after) : size;
  size_t done = 0;
  while (done < limit) {
    const ssize_t n = ::write(fd, data + done, std::min<size_t>(limit - done, size_t(1) << 24));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_error("write failed", errno);
    }
    done += size_t(n);
  }
  if (inject) return errno_error("write failed (injected fault)", ENOSPC);
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

  sweep_once(dir);
  fs::path temp_path;
  auto fd = create_temp(dir, temp_path);
  if (!fd) return fd.error().within(ctx);
  TempFile temp(fd.value(), temp_path);

  if (auto st = write_all(temp.fd(), data, size, options.faults.fail_after_bytes); !st)
    return st.error().within(ctx);
  if (::fsync(temp.fd()) != 0) return errno_error("fsync failed", errno).within(ctx);
  if (temp.close_fd() != 0) return errno_error("close failed", errno).within(ctx);
  if (options.faults.fail_before_rename)
    return Error(ErrorCode::Io, "rename failed: injected fault", ctx);

  if (options.replace_existing) {
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
      return errno_error("cannot move the file into place", errno).within(ctx);
    temp.keep();
  } else if (::link(temp.path().c_str(), path.c_str()) == 0) {
    // The temporary name is removed by ~TempFile; the data stays under the final name.
  } else if (errno == EEXIST) {
    return Error(ErrorCode::Io, kExistsMessage, ctx);
  } else if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == EXDEV) {
    // No hard links here (FAT, some network shares): check, then rename (a small race remains).
    if (fs::symlink_status(path, ec).type() != fs::file_type::not_found)
      return Error(ErrorCode::Io, kExistsMessage, ctx);
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
      return errno_error("cannot move the file into place", errno).within(ctx);
    temp.keep();
  } else {
    return errno_error("cannot move the file into place", errno).within(ctx);
  }
  sync_directory(dir);
  return {};
}

int remove_stale_temp_files(const fs::path& dir) {
  const std::string prefix = std::string(kTempFilePrefix) + owner_tag(0);
  // owner_tag(0) = "<host>-0-": the host part is everything before the trailing "0-".
  const std::string host_prefix = prefix.substr(0, prefix.size() - 2);
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
