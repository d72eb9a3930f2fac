// libFuzzer target: the whole .pth path (core/engine/weights/pth_loader.*) on whole files: magic
// check, LibTorch's zip reader, pickle rewrite, restricted unpickler, state_dict unwrapping and
// the tensor checks. Mutations of the pickle inside mostly fail the zip's CRC, so the pickle
// itself is fuzzed by rsd_fuzz_pickle.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "engine/weights/pth_loader.h"
#include "fuzz_pth_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* file = std::fopen(rsd::fuzz::scratch_file().c_str(), "wb");
  if (file == nullptr) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
  std::fclose(file);
  auto tensors = rsd::engine::load_pth(rsd::fuzz::scratch_file());
  rsd::fuzz::report(tensors);
  if (tensors) rsd::fuzz::touch_tensors(*tensors);
  return 0;
}
