// SHA-256 (FIPS 180-4) of byte buffers and files, used to identify weight files in model cards.
// Self-contained and torch-free; Sha256 is a plain value type (not thread-safe per instance).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.h"

namespace rsd::engine {

// Incremental hasher: update() any number of times, then hex_digest() once.
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  // Finishes the hash; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> digest();
  std::string hex_digest();

 private:
  void process_block(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
  bool finished_ = false;
};

// Lower-case hex SHA-256 of a buffer.
std::string sha256_hex(const void* data, std::size_t size);
std::string sha256_hex(const std::string& bytes);

// Lower-case hex SHA-256 of a whole file; Io/NotFound errors name the path.
Result<std::string> sha256_file(const std::string& path);

}  // namespace rsd::engine
