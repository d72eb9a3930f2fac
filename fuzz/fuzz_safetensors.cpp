// libFuzzer target: the .safetensors reader (core/engine/weights/safetensors.*) on a file image in
// memory, with and without the float32 conversion the model loader asks for.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/weights/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<char> bytes(data, data + size);
  for (const bool to_float32 : {false, true}) {
    rsd::engine::SafetensorsReadOptions options;
    options.floats_to_float32 = to_float32;
    auto contents = rsd::engine::parse_safetensors(bytes, options);
    if (!contents) continue;
    // Every tensor the reader returns must be exactly as large as its shape says.
    for (const auto& [name, tensor] : contents->tensors) {
      if (name.empty() || tensor.nbytes() != static_cast<std::size_t>(tensor.numel()) * tensor.element_size())
        __builtin_trap();
    }
  }
  return 0;
}
