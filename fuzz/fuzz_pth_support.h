// Shared by the .pth fuzz targets.
#pragma once

#include <ATen/ATen.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace rsd::fuzz {

// The loader's interface is a path, as in the app, so each input goes through one scratch file
// per process: in $RSD_FUZZ_SCRATCH_DIR (run-fuzzers.sh removes it afterwards, crash or not), else
// in /dev/shm when there is one, to keep this cheap; removed at a normal exit.
inline const std::string& scratch_file() {
  static const std::string path = [] {
    const char* chosen = std::getenv("RSD_FUZZ_SCRATCH_DIR");
    const std::filesystem::path dir =
        chosen != nullptr && *chosen != '\0'       ? std::filesystem::path(chosen)
        : std::filesystem::is_directory("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                    : std::filesystem::temp_directory_path();
    return (dir / ("rsd_fuzz_" + std::to_string(::getpid()) + ".pth")).string();
  }();
  static const bool cleanup = [] { return std::atexit([] { std::remove(scratch_file().c_str()); }) == 0; }();
  (void)cleanup;
  return path;
}

// Reads every byte each loaded tensor claims to own, from instrumented code. LibTorch
// (uninstrumented) would only copy these bytes later, when the weights go into a model; reading
// them here lets ASan see a storage that is larger than the buffer behind it.
inline std::uint64_t touch_tensors(const engine::StateDict& tensors) {
  std::uint64_t sum = 0;
  for (const auto& [name, tensor] : tensors) {
    sum += name.size();
    if (!tensor.defined() || !tensor.has_storage()) continue;
    const c10::Storage& storage = tensor.storage();
    const auto* bytes = static_cast<const volatile std::uint8_t*>(storage.data());
    if (bytes == nullptr) continue;
    for (std::size_t i = 0; i < storage.nbytes(); ++i) sum += bytes[i];
  }
  return sum;
}

// With RSD_FUZZ_VERBOSE set (when reproducing one input), says what the loader made of it.
inline void report(const Result<engine::StateDict>& loaded) {
  static const bool verbose = std::getenv("RSD_FUZZ_VERBOSE") != nullptr;
  if (!verbose) return;
  if (loaded)
    std::fprintf(stderr, "loaded %zu tensors\n", loaded->size());
  else
    std::fprintf(stderr, "refused: %s\n", loaded.error().what().c_str());
}

}  // namespace rsd::fuzz
