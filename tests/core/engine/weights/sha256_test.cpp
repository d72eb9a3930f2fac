#include "engine/weights/sha256.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace rsd::engine {
namespace {

// Test vectors from FIPS 180-4 examples / NIST CAVP.
TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalEqualsOneShotAcrossBlockBoundaries) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i * 7 + 3));
  for (std::size_t split : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 127u, 999u}) {
    Sha256 h;
    h.update(data.data(), split);
    h.update(data.data() + split, data.size() - split);
    EXPECT_EQ(h.hex_digest(), sha256_hex(data)) << "split " << split;
  }
}

TEST(Sha256, FileMatchesBufferAndMissingFileIsNotFound) {
  const auto path = std::filesystem::temp_directory_path() / ("rsd_sha256_test-" + std::to_string(::getpid()) + ".bin");
  std::string data(3 * 1024 * 1024 + 17, 'x');
  data[12345] = 'y';
  std::ofstream(path, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
  auto digest = sha256_file(path.string());
  ASSERT_TRUE(digest.ok()) << digest.error().what();
  EXPECT_EQ(*digest, sha256_hex(data));
  std::filesystem::remove(path);

  auto missing = sha256_file(path.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  EXPECT_NE(missing.error().what().find(path.filename().string()), std::string::npos);
}

}  // namespace
}  // namespace rsd::engine
