#include "imaging/file_io.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "test_support.h"

namespace rsd::imaging {
namespace {

const std::vector<uint8_t> kData(100000, 0x5A);

Status write(const test::fs::path& p, const AtomicWriteOptions& o = {}) {
  return write_file_atomically(p, kData.data(), kData.size(), o);
}

TEST(FileIo, WritesAndReadsBackUnderUnicodeNames) {
  test::TempDir dir;
  const auto path = dir / "Ünïcode photo 写真.bin";
  ASSERT_TRUE(write(path));
  auto back = read_file(path);
  ASSERT_TRUE(back) << back.error().what();
  EXPECT_EQ(back.value(), kData);
  EXPECT_EQ(dir.list().size(), 1u);  // no temporary file left
}

TEST(FileIo, KeepsExistingFilesUnlessToldToReplace) {
  test::TempDir dir;
  const auto path = dir / "out.bin";
  test::write_bytes(path, {1, 2, 3});
  const std::string before = test::file_digest(path);
  auto st = write(path);
  ASSERT_FALSE(st);
  EXPECT_TRUE(is_already_exists(st.error()));
  EXPECT_EQ(test::file_digest(path), before);
  AtomicWriteOptions replace;
  replace.replace_existing = true;
  ASSERT_TRUE(write(path, replace));
  EXPECT_EQ(test::read_bytes(path), kData);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"out.bin"});
}

TEST(FileIo, InjectedFailuresLeaveNothingBehindAndHarmNothing) {
  test::TempDir dir;
  const auto existing = dir / "existing.bin";
  test::write_bytes(existing, {9, 8, 7});
  const std::string before = test::file_digest(existing);
  for (int64_t after : {int64_t(0), int64_t(1), int64_t(4096), int64_t(99999)}) {
    for (bool replace : {false, true}) {
      AtomicWriteOptions o;
      o.replace_existing = replace;
      o.faults.fail_after_bytes = after;
      const auto target = replace ? existing : dir / "new.bin";
      auto st = write(target, o);
      ASSERT_FALSE(st);
      EXPECT_EQ(st.error().code, ErrorCode::Io);
      EXPECT_NE(st.error().what().find(target.filename().string()), std::string::npos);
    }
  }
  AtomicWriteOptions at_rename;
  at_rename.replace_existing = true;
  at_rename.faults.fail_before_rename = true;
  EXPECT_FALSE(write(existing, at_rename));
  EXPECT_EQ(test::file_digest(existing), before);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"existing.bin"});
}

std::string host_name() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return host[0] ? host : "localhost";
}

// A pid that certainly belongs to no process: a child that has exited and been reaped.
long dead_pid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return long(child);
}

TEST(FileIo, TemporaryFilesOfKilledProcessesAreSweptAway) {
  test::TempDir dir;
  const std::string mine = ".rsd-tmp-" + host_name() + "-";
  const std::string stale = mine + std::to_string(dead_pid()) + "-0123456789abcdef";
  const std::string live = mine + std::to_string(long(getppid())) + "-0123456789abcdef";
  const std::string other_host = ".rsd-tmp-some-other-host-1-0123456789abcdef";
  const std::string odd = mine + "12-not-hex";
  for (const auto& n : {stale, live, other_host, odd, std::string("photo.jpg")})
    test::write_bytes(dir / n, {1, 2, 3});
  // The first write into the folder sweeps it: only the dead process's file goes.
  ASSERT_TRUE(write(dir / "out.bin"));
  auto names = dir.list();
  std::sort(names.begin(), names.end());
  std::vector<std::string> expected{live, other_host, odd, "out.bin", "photo.jpg"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(names, expected);
  EXPECT_EQ(remove_stale_temp_files(dir.path()), 0);
  test::write_bytes(dir / stale, {1});
  EXPECT_EQ(remove_stale_temp_files(dir.path()), 1);
  EXPECT_EQ(remove_stale_temp_files(dir / "missing folder"), 0);
}

TEST(FileIo, ErrorsNameTheFile) {
  test::TempDir dir;
  auto missing = read_file(dir / "nope.jpg");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  EXPECT_NE(missing.error().what().find("nope.jpg"), std::string::npos);

  auto no_dir = write(dir / "no-such-folder" / "x.png");
  ASSERT_FALSE(no_dir);
  EXPECT_NE(no_dir.error().what().find("x.png"), std::string::npos);

  if (::geteuid() != 0) {  // root ignores permissions
    test::fs::permissions(dir.path(), test::fs::perms::owner_read | test::fs::perms::owner_exec);
    auto denied = write(dir / "denied.png");
    test::fs::permissions(dir.path(), test::fs::perms::owner_all);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::Io);
    EXPECT_NE(denied.error().what().find("denied.png"), std::string::npos);
  }
  auto too_big = read_file(dir / "nope.jpg", 10);
  EXPECT_FALSE(too_big);
}

}  // namespace
}  // namespace rsd::imaging
