// SHA-256 of byte buffers and files, used to identify weight files in model cards. The digest
// itself is OpenSSL's (EVP interface, libcrypto); this header keeps OpenSSL out of its users.
// Sha256 is movable, not copyable, and not thread-safe per instance.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/error.h"

namespace rsd::engine {

// Incremental hasher: update() any number of times, then digest() or hex_digest() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(const void* data, std::size_t size);
  // Finishes the hash; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> digest();
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

// Lower-case hex SHA-256 of a buffer.
std::string sha256_hex(const void* data, std::size_t size);
std::string sha256_hex(const std::string& bytes);

// Lower-case hex SHA-256 of a whole file; Io/NotFound errors name the path.
Result<std::string> sha256_file(const std::string& path);

}  // namespace rsd::engine
