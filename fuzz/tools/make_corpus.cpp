// Usage: rsd_fuzz_make_corpus SOURCE_DIR OUT_DIR (normally fuzz/make_corpus.sh). Rewrites the
// seed files it owns under OUT_DIR/<target>/; seeds added by hand (crash reproducers) stay.
#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "corpus.h"

namespace rsd::fuzz {

void write_seed(const fs::path& dir, const std::string& name, const Bytes& bytes) {
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + (dir / name).string());
}

Bytes read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace rsd::fuzz

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR\n", argv[0]);
    return 2;
  }
  try {
    rsd::fuzz::make_weight_seeds(argv[2], argv[1]);
    rsd::fuzz::make_image_seeds(argv[2]);
    rsd::fuzz::make_camera_seeds(argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_corpus: %s\n", e.what());
    return 1;
  }
  return 0;
}
