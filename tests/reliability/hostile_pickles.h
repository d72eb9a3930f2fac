// Hand-written pickles and torch.save zips for the hostile model tests: what a malicious or
// damaged checkpoint can hold that pickle_save() would never write (calls to arbitrary globals,
// storages that do not match their tensors, missing records).
#pragma once

#include <caffe2/serialize/inline_container.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace rsd::test {

// Protocol-2 opcodes appended one by one (names as in Python's pickletools).
class Pickle {
 public:
  Pickle() { bytes_ = "\x80\x02"; }
  Pickle& op(char c) { bytes_ += c; return *this; }
  Pickle& mark() { return op('('); }
  Pickle& global(const std::string& module, const std::string& name) {
    bytes_ += "c" + module + "\n" + name + "\n";
    return *this;
  }
  Pickle& stack_global(const std::string& module, const std::string& name) {
    return str(module).str(name).op('\x93');
  }
  Pickle& str(const std::string& s) {
    bytes_ += 'X';
    le(s.size(), 4);
    bytes_ += s;
    return *this;
  }
  // LONG1 with 8 bytes: any int64, however absurd.
  Pickle& integer(int64_t v) {
    bytes_ += "\x8a\x08";
    le(uint64_t(v), 8);
    return *this;
  }
  Pickle& tuple_of(const std::vector<int64_t>& values) {
    mark();
    for (int64_t v : values) integer(v);
    return op('t');
  }
  // A tensor as torch.save writes it: _rebuild_tensor_v2(storage, offset, size, stride, False,
  // OrderedDict()), the storage a persistent id ('storage', FloatStorage, key, 'cpu', numel).
  Pickle& float_tensor(const std::string& key, int64_t numel, int64_t offset, const std::vector<int64_t>& size,
                       const std::vector<int64_t>& stride) {
    global("torch._utils", "_rebuild_tensor_v2").mark();
    mark().str("storage").global("torch", "FloatStorage").str(key).str("cpu").integer(numel).op('t').op('Q');
    integer(offset).tuple_of(size).tuple_of(stride).op('\x89');
    global("collections", "OrderedDict").op(')').op('R');
    return op('t').op('R');
  }
  std::string done() const { return bytes_ + "."; }

 private:
  void le(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes_ += char((v >> (8 * i)) & 0xFF);
  }
  std::string bytes_;
};

// A torch.save-style zip ("archive/<name>" records, then "archive/version").
inline std::vector<char> torch_zip(const std::vector<std::pair<std::string, std::string>>& records) {
  std::vector<char> out;
  {
    caffe2::serialize::PyTorchStreamWriter writer([&out](const void* data, size_t n) {
      out.insert(out.end(), static_cast<const char*>(data), static_cast<const char*>(data) + n);
      return n;
    });
    for (const auto& [name, data] : records) writer.writeRecord(name, data.data(), data.size());
    writer.writeEndOfFile();
  }
  return out;
}

// `n` float32 values 0, 1, 2, ... as storage bytes.
inline std::string float_storage(int n) {
  std::string bytes(size_t(n) * 4, '\0');
  for (int i = 0; i < n; ++i) {
    const float v = float(i);
    std::memcpy(&bytes[size_t(i) * 4], &v, 4);
  }
  return bytes;
}

}  // namespace rsd::test
