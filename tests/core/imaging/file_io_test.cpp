#include "imaging/file_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

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
