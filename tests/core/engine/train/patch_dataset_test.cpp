#include "engine/train/patch_dataset.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace rsd::engine::train {
namespace {

namespace fs = std::filesystem;

class PatchDatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("rsd_patch_dataset_" + std::to_string(::getpid()) + "_" + info->name());
    fs::create_directories(dir_);
    path_ = (dir_ / "set.rsdp").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // 5 patches of 8×6×3: 3 from "a.jpg" (train), 2 from "b.png" (validation).
  std::vector<at::Tensor> write_sample() {
    auto writer = PatchDatasetWriter::create(path_, {8, 6, 3});
    EXPECT_TRUE(writer.ok());
    const std::uint32_t a = (*writer)->add_source({"a.jpg", Split::Train});
    const std::uint32_t b = (*writer)->add_source({"b.png", Split::Validation});
    std::vector<at::Tensor> patches;
    at::manual_seed(7);
    for (int i = 0; i < 5; ++i) {
      patches.push_back(at::randint(0, 256, {8, 6, 3}, at::kByte));
      EXPECT_TRUE((*writer)->add_patch(patches.back(), i < 3 ? a : b).ok());
    }
    EXPECT_TRUE((*writer)->finish().ok());
    return patches;
  }

  void corrupt(std::streamoff offset, const std::string& bytes) {
    std::fstream f(path_, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(offset);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(PatchDatasetTest, RoundTripIsExact) {
  const auto patches = write_sample();
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_TRUE(reader.ok()) << reader.error().what();
  const auto& r = **reader;
  EXPECT_EQ(r.size(), 5);
  EXPECT_EQ(r.geometry().height, 8);
  EXPECT_EQ(r.geometry().width, 6);
  EXPECT_EQ(r.geometry().channels, 3);
  ASSERT_EQ(r.sources().size(), 2u);
  EXPECT_EQ(r.sources()[0].name, "a.jpg");
  EXPECT_EQ(r.sources()[1].split, Split::Validation);
  for (int i = 0; i < 5; ++i) {
    auto p = r.read(i);
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(at::equal(*p, patches[i])) << "patch " << i;
  }
  // Random access out of order.
  EXPECT_TRUE(at::equal(*r.read(4), patches[4]));
  EXPECT_TRUE(at::equal(*r.read(1), patches[1]));
  EXPECT_EQ(r.indices(Split::Train), (std::vector<std::int64_t>{0, 1, 2}));
  EXPECT_EQ(r.indices(Split::Validation), (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(r.source_of(3), 1u);
}

TEST_F(PatchDatasetTest, BatchIsFloatNchwInUnitRange) {
  const auto patches = write_sample();
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_TRUE(reader.ok());
  auto batch = (*reader)->read_batch({2, 0});
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(batch->sizes(), (std::vector<std::int64_t>{2, 3, 8, 6}));
  const at::Tensor expected = patches[2].permute({2, 0, 1}).to(at::kFloat) / 255.0;
  EXPECT_TRUE(at::allclose((*batch)[0], expected));
}

TEST_F(PatchDatasetTest, IndexOutOfRangeIsAnError) {
  write_sample();
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->read(5).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ((*reader)->read(-1).error().code, ErrorCode::InvalidArgument);
}

TEST_F(PatchDatasetTest, WriterRejectsWrongPatches) {
  auto writer = PatchDatasetWriter::create(path_, {8, 6, 3});
  ASSERT_TRUE(writer.ok());
  const auto s = (*writer)->add_source({"a.jpg", Split::Train});
  EXPECT_FALSE((*writer)->add_patch(at::zeros({6, 8, 3}, at::kByte), s).ok());
  EXPECT_FALSE((*writer)->add_patch(at::zeros({8, 6, 3}, at::kFloat), s).ok());
  EXPECT_FALSE((*writer)->add_patch(at::zeros({8, 6, 3}, at::kByte), s + 1).ok());
  EXPECT_FALSE(PatchDatasetWriter::create(path_, {0, 6, 3}).ok());
}

TEST_F(PatchDatasetTest, BadMagicIsAFormatError) {
  write_sample();
  corrupt(0, "XXXX");
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::Format);
}

TEST_F(PatchDatasetTest, UnknownVersionIsUnsupported) {
  write_sample();
  corrupt(8, std::string("\x02\x00\x00\x00", 4));
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::Unsupported);
}

TEST_F(PatchDatasetTest, CountBeyondTheFileIsAFormatError) {
  write_sample();
  corrupt(24, std::string("\x00\x00\x00\x01\x00\x00\x00\x00", 8));  // count = 2^24
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::Format);
}

TEST_F(PatchDatasetTest, TruncatedFileIsAFormatError) {
  write_sample();
  fs::resize_file(path_, fs::file_size(path_) - 3);
  auto reader = PatchDatasetReader::open(path_);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::Format);
  fs::resize_file(path_, 20);
  EXPECT_EQ(PatchDatasetReader::open(path_).error().code, ErrorCode::Format);
}

TEST_F(PatchDatasetTest, MissingFileIsNotFound) {
  EXPECT_EQ(PatchDatasetReader::open((dir_ / "none.rsdp").string()).error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace rsd::engine::train
