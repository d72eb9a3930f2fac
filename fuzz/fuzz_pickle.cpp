// libFuzzer target: the pickle inside a .pth (its data.pkl). Each input is packed, valid CRCs and
// all, into a torch.save-style zip next to kRecords tensor records "data/0".."data/7" of
// kRecordBytes bytes each, and loaded with load_pth(): so the OrderedDict rewriter
// (core/engine/weights/pickle_rewriter.*), LibTorch's restricted unpickler and the loader's
// unwrapping and tensor checks all run on the fuzzed pickle exactly as they would in the app.
#include <caffe2/serialize/inline_container.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/weights/pth_loader.h"
#include "fuzz_pth_support.h"

namespace {

constexpr int kRecords = 8;
constexpr std::size_t kRecordBytes = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    caffe2::serialize::PyTorchStreamWriter writer(rsd::fuzz::scratch_file());
    writer.writeRecord("data.pkl", data, size);
    const std::vector<std::uint8_t> record(kRecordBytes, 0x3c);
    for (int i = 0; i < kRecords; ++i) writer.writeRecord("data/" + std::to_string(i), record.data(), record.size());
    writer.writeEndOfFile();
  }
  auto tensors = rsd::engine::load_pth(rsd::fuzz::scratch_file());
  rsd::fuzz::report(tensors);
  if (tensors) rsd::fuzz::touch_tensors(*tensors);
  return 0;
}
