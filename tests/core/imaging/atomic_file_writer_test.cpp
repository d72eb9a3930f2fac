// AtomicFileWriter: the streaming form of write_file_atomically().
#include <gtest/gtest.h>

#include <string>

#include "imaging/file_io.h"
#include "test_support.h"

namespace rsd::imaging {
namespace {

std::vector<uint8_t> bytes_of(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

TEST(AtomicFileWriter, AppendsPatchesAndReadsBack) {
  test::TempDir dir;
  auto file = AtomicFileWriter::create(dir.path());
  ASSERT_TRUE(file) << file.error().what();
  AtomicFileWriter& f = **file;
  const std::vector<uint8_t> big(3 << 20, 0x11);  // larger than the buffer
  ASSERT_TRUE(f.write(bytes_of("head").data(), 4));
  ASSERT_TRUE(f.write(big.data(), big.size()));
  ASSERT_TRUE(f.write(bytes_of("tail").data(), 4));
  ASSERT_TRUE(f.write_at(0, bytes_of("HE").data(), 2));  // patch in place
  ASSERT_TRUE(f.write(bytes_of("!").data(), 1));         // appends still go to the end
  EXPECT_EQ(f.size(), 4 + big.size() + 5);
  uint8_t back[6] = {};
  auto got = f.read_at(big.size() + 2, back, 6);  // spans the unflushed end
  ASSERT_TRUE(got);
  EXPECT_EQ(got.value(), 6u);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(back), 6), std::string("\x11\x11tail", 6));
  // Nothing under a real name until commit: only the temporary file exists.
  ASSERT_EQ(dir.list().size(), 1u);
  EXPECT_EQ(dir.list()[0].rfind(kTempFilePrefix, 0), 0u);
  ASSERT_TRUE(f.commit(dir / "out.bin", false));
  const auto data = test::read_bytes(dir / "out.bin");
  ASSERT_EQ(data.size(), 4 + big.size() + 5);
  EXPECT_EQ(std::string(data.begin(), data.begin() + 4), "HEad");
  EXPECT_EQ(std::string(data.end() - 5, data.end()), "tail!");
  EXPECT_EQ(dir.list(), std::vector<std::string>{"out.bin"});
}

TEST(AtomicFileWriter, ATakenNameCanBeRetriedAndDroppingRemovesEverything) {
  test::TempDir dir;
  test::write_bytes(dir / "taken.bin", {1, 2, 3});
  {
    auto file = AtomicFileWriter::create(dir.path());
    ASSERT_TRUE(file);
    ASSERT_TRUE((*file)->write(bytes_of("new").data(), 3));
    auto st = (*file)->commit(dir / "taken.bin", false);
    ASSERT_FALSE(st);
    EXPECT_TRUE(is_already_exists(st.error()));
    EXPECT_EQ(test::read_bytes(dir / "taken.bin"), (std::vector<uint8_t>{1, 2, 3}));
    ASSERT_TRUE((*file)->commit(dir / "free.bin", false));
  }
  EXPECT_EQ(test::read_bytes(dir / "free.bin"), bytes_of("new"));
  {
    auto dropped = AtomicFileWriter::create(dir.path());  // e.g. a cancelled job
    ASSERT_TRUE(dropped);
    ASSERT_TRUE((*dropped)->write(bytes_of("partial").data(), 7));
  }
  EXPECT_EQ(dir.list(), (std::vector<std::string>{"free.bin", "taken.bin"}));
  EXPECT_FALSE(AtomicFileWriter::create(dir / "missing"));
}

TEST(AtomicFileWriter, InjectedFaultsCountEveryByte) {
  test::TempDir dir;
  WriteFaults faults;
  faults.fail_after_bytes = 10;
  auto file = AtomicFileWriter::create(dir.path(), faults);
  ASSERT_TRUE(file);
  ASSERT_TRUE((*file)->write(bytes_of("12345678").data(), 8));
  auto st = (*file)->write(bytes_of("9abc").data(), 4);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::Io);
  file = Result<std::unique_ptr<AtomicFileWriter>>(Error(ErrorCode::Internal, "dropped"));
  EXPECT_TRUE(dir.list().empty());
}

}  // namespace
}  // namespace rsd::imaging
