#include "engine/weights/sha256.h"

#include <openssl/evp.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace rsd::engine {

// OpenSSL fails only when out of memory or when the library is unusable; both end the hash, so
// they throw rather than producing a wrong digest.
struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
  bool finished = false;

  Context() : md(EVP_MD_CTX_new()) {
    if (!md || EVP_DigestInit_ex(md, EVP_sha256(), nullptr) != 1) {
      EVP_MD_CTX_free(md);
      throw std::runtime_error("OpenSSL: cannot start a SHA-256 digest");
    }
  }
  ~Context() { EVP_MD_CTX_free(md); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

Sha256::Sha256() : ctx_(std::make_unique<Context>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(const void* data, std::size_t size) {
  if (ctx_->finished) throw std::logic_error("Sha256::update after digest");
  if (size > 0 && EVP_DigestUpdate(ctx_->md, data, size) != 1)
    throw std::runtime_error("OpenSSL: SHA-256 update failed");
}

std::array<std::uint8_t, 32> Sha256::digest() {
  if (ctx_->finished) throw std::logic_error("Sha256::digest called twice");
  std::array<std::uint8_t, 32> out{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx_->md, out.data(), &length) != 1 || length != out.size())
    throw std::runtime_error("OpenSSL: SHA-256 final failed");
  ctx_->finished = true;
  return out;
}

std::string Sha256::hex_digest() {
  static const char* kHex = "0123456789abcdef";
  std::string text;
  for (std::uint8_t byte : digest()) {
    text.push_back(kHex[byte >> 4]);
    text.push_back(kHex[byte & 15]);
  }
  return text;
}

std::string sha256_hex(const void* data, std::size_t size) {
  Sha256 hasher;
  hasher.update(data, size);
  return hasher.hex_digest();
}

std::string sha256_hex(const std::string& bytes) { return sha256_hex(bytes.data(), bytes.size()); }

Result<std::string> sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::NotFound, "cannot open file", path);
  Sha256 hasher;
  std::vector<char> chunk(1 << 20);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) hasher.update(chunk.data(), static_cast<std::size_t>(got));
  }
  if (in.bad()) return Error(ErrorCode::Io, "read failed", path);
  return hasher.hex_digest();
}

}  // namespace rsd::engine
