// Seeds for the weights targets: .safetensors files from the project's writer, .pth files from
// LibTorch's torch.save-compatible pickle_save, and the data.pkl pickles inside them.
#include <ATen/ATen.h>
#include <ATen/core/Dict.h>
#include <ATen/core/ivalue.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <sstream>
#include <stdexcept>

#include "corpus.h"
#include "engine/weights/safetensors.h"

namespace rsd::fuzz {
namespace {

Bytes to_bytes(const std::vector<char>& v) { return Bytes(v.begin(), v.end()); }

c10::impl::GenericDict make_dict() {
  return c10::impl::GenericDict(c10::StringType::get(), c10::AnyType::get());
}

// Small tensors with distinct, reproducible values.
at::Tensor ramp(std::vector<std::int64_t> shape, at::ScalarType type) {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return at::arange(n, at::kFloat).remainder(7).reshape(shape).to(type);
}

void make_safetensors(const fs::path& dir) {
  using engine::StateDict;
  const auto save = [&](const std::string& name, const StateDict& tensors,
                        const engine::WeightsMetadata& metadata) {
    auto bytes = engine::serialize_safetensors(tensors, metadata);
    if (!bytes) throw std::runtime_error(bytes.error().what());
    write_seed(dir, name, to_bytes(*bytes));
  };
  save("conv.safetensors",
       {{"conv.weight", ramp({4, 3, 2, 2}, at::kFloat)}, {"conv.bias", ramp({4}, at::kFloat)}},
       {{"format", "pt"}, {"model", "rsd-lite"}});
  save("dtypes.safetensors",
       {{"f16", ramp({3, 2}, at::kHalf)}, {"bf16", ramp({2, 2}, at::kBFloat16)},
        {"i64", ramp({3}, at::kLong)}, {"i32", ramp({2}, at::kInt)}, {"u8", ramp({5}, at::kByte)},
        {"flag", at::tensor({1, 0, 1}, at::kInt).to(at::kBool)}},
       {});
  save("edge_shapes.safetensors",
       {{"scalar", at::tensor(2.5f)}, {"empty", at::zeros({0, 4})}, {"row", ramp({1, 6}, at::kFloat)}},
       {{"note", ""}});
  save("metadata_only.safetensors", {}, {{"format", "pt"}});
}

Bytes record(caffe2::serialize::PyTorchStreamReader& reader, const std::string& name) {
  const auto [data, size] = reader.getRecord(name);
  const auto* p = static_cast<const std::uint8_t*>(data.get());
  return Bytes(p, p + size);
}

void save_pth(const fs::path& pth_dir, const fs::path& pickle_dir, const std::string& stem,
              const c10::IValue& value) {
  const std::vector<char> zip = torch::jit::pickle_save(value);
  write_seed(pth_dir, stem + ".pth", to_bytes(zip));
  std::istringstream in(std::string(zip.begin(), zip.end()));
  caffe2::serialize::PyTorchStreamReader reader(&in);
  write_seed(pickle_dir, stem + ".pkl", record(reader, "data.pkl"));
}

c10::impl::GenericDict weights(const std::string& prefix) {
  auto d = make_dict();
  d.insert(prefix + "conv.weight", ramp({2, 3}, at::kHalf));
  d.insert(prefix + "conv.bias", ramp({2}, at::kFloat));
  return d;
}

}  // namespace

void make_weight_seeds(const fs::path& corpus, const fs::path& source_dir) {
  make_safetensors(corpus / "safetensors");

  const fs::path pth = corpus / "pth";
  const fs::path pickle = corpus / "pickle";
  save_pth(pth, pickle, "plain", weights(""));
  auto wrapped = make_dict();  // ResShift training checkpoint layout
  wrapped.insert("state_dict", weights("module."));
  wrapped.insert("iters_start", 7);
  save_pth(pth, pickle, "state_dict", wrapped);
  auto both = make_dict();  // RSD layout: the student next to the fake score network
  both.insert("student", weights("_orig_mod."));
  both.insert("fake", weights(""));
  auto rsd = make_dict();
  rsd.insert("state_dict", both);
  rsd.insert("log_step", 3);
  save_pth(pth, pickle, "rsd_student", rsd);
  // Views: a non-zero storage offset and strides into a shared storage.
  auto views = make_dict();
  const at::Tensor base = ramp({4, 4}, at::kFloat);
  views.insert("row", base[1]);
  views.insert("column", base.select(1, 2));
  views.insert("all", base);
  save_pth(pth, pickle, "views", views);

  // The Python-written state_dict (OrderedDict with _metadata): see corpus.h.
  const Bytes python = read_file(source_dir / "tests/data/parity/sequential_state_dict.pth");
  write_seed(pth, "python_sequential.pth", python);
  std::istringstream in(std::string(python.begin(), python.end()));
  caffe2::serialize::PyTorchStreamReader reader(&in);
  write_seed(pickle, "python_sequential.pkl", record(reader, "data.pkl"));

  // Python's protocol-2 OrderedDict([('a', 1)]) with a `_metadata` attribute, assembled by hand:
  // GLOBAL, BINPUT, EMPTY_TUPLE, REDUCE, SETITEMS, then BINGET of the class, SETITEM and BUILD.
  using namespace std::string_literals;
  const std::string ordered = "\x80\x02"s + "ccollections\nOrderedDict\nq\x00)Rq\x01(X\x01\x00\x00\x00"s +
                              "aK\x01u}X\x09\x00\x00\x00"s + "_metadatah\x00)Rq\x02sb."s;
  write_seed(pickle, "ordered_dict.pkl", Bytes(ordered.begin(), ordered.end()));
}

}  // namespace rsd::fuzz
