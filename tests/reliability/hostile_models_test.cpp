// Hostile model files through load_weights(), the one entry point the app and tools use: every
// malformed .safetensors or .pth gives a clear error naming the file and the problem, nothing
// crashes, and no code named in a file is ever run. Cases the weights tests already cover (header
// lengths, non-JSON headers, out-of-range and overlapping offsets, unknown dtypes, overflowing or
// mismatched shapes, legacy pickles) are not repeated here.
#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <random>

#include "engine/weights/state_dict_loader.h"
#include "hostile_pickles.h"
#include "../core/engine/weights/test_files.h"

namespace rsd::engine {
namespace {

namespace fs = std::filesystem;
using engine::testing::TempDir;
using test::Pickle;

// A safetensors file: u64 header length, the header text, `data` bytes of 1.
std::vector<char> safetensors_file(const std::string& header, size_t data) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += char((uint64_t(header.size()) >> (8 * i)) & 0xFF);
  out += header;
  out.append(data, '\1');
  return {out.begin(), out.end()};
}

// Loads `bytes` saved as `name`; expects failure with `code`, the path, and `says` in the message.
Error expect_refused(const TempDir& dir, const std::string& name, const std::vector<char>& bytes, ErrorCode code,
                     const std::string& says) {
  const std::string path = dir.file(name);
  engine::testing::write_bytes(path, bytes);
  auto r = load_weights(path);
  EXPECT_FALSE(r.ok()) << name << " was accepted";
  if (r.ok()) return {};
  EXPECT_EQ(r.error().code, code) << r.error().what();
  EXPECT_NE(r.error().what().find(path), std::string::npos) << r.error().what();
  EXPECT_NE(r.error().what().find(says), std::string::npos) << name << ": " << r.error().what();
  return r.error();
}

TEST(HostileSafetensors, EveryDataByteBelongsToOneTensor) {
  TempDir dir;
  const std::string a = R"("a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]})";
  // A gap between tensors, bytes before the first one and bytes after the last one.
  expect_refused(dir, "gap.safetensors",
                 safetensors_file("{" + a + R"(,"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", 12),
                 ErrorCode::Format, "bytes [4, 8) of the data section belong to no tensor");
  expect_refused(dir, "lead.safetensors",
                 safetensors_file(R"({"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}})", 4), ErrorCode::Format,
                 "bytes [0, 2) of the data section belong to no tensor");
  expect_refused(dir, "tail.safetensors", safetensors_file("{" + a + "}", 4 + 1000), ErrorCode::Format,
                 "bytes [4, 1004) of the data section belong to no tensor");
}

TEST(HostileSafetensors, DuplicateKeysAreRefusedNotSilentlyMerged) {
  TempDir dir;
  expect_refused(dir, "twice.safetensors",
                 safetensors_file(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                                  R"("w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8),
                 ErrorCode::Format, "duplicate key 'w'");
  expect_refused(dir, "field.safetensors",
                 safetensors_file(R"({"w":{"dtype":"F32","dtype":"U8","shape":[4],"data_offsets":[0,4]}})", 4),
                 ErrorCode::Format, "duplicate key 'dtype'");
}

TEST(HostileSafetensors, AbsurdNumbersAndHostileJson) {
  TempDir dir;
  // 2^40 elements claiming 4 TB of a 4-byte data section.
  expect_refused(dir, "huge.safetensors",
                 safetensors_file(
                     R"({"h":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4398046511104]}})", 4),
                 ErrorCode::Format, "outside the data section");
  expect_refused(dir, "float.safetensors",
                 safetensors_file(R"({"f":{"dtype":"F32","shape":[1],"data_offsets":[0,4.0]}})", 4), ErrorCode::Format,
                 "non-negative integer");
  expect_refused(dir, "exp.safetensors",
                 safetensors_file(R"({"e":{"dtype":"F32","shape":[1e300],"data_offsets":[0,4]}})", 4),
                 ErrorCode::Format, "non-negative integer");
  // 100,000 nested arrays: a recursive parser would overflow its stack.
  const std::string deep = R"({"d":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  expect_refused(dir, "deep.safetensors", safetensors_file(deep, 0), ErrorCode::Format, "not an object");
  expect_refused(dir, "utf8.safetensors", safetensors_file("{\"\xff\xfe\":{}}", 0), ErrorCode::Format,
                 "not valid JSON");
}

TEST(HostilePth, RandomBytesAndTruncatedZips) {
  TempDir dir;
  std::mt19937 rng(8);
  std::vector<char> noise(4096);
  for (char& c : noise) c = char(rng());
  noise[0] = 'n';
  expect_refused(dir, "noise.pth", noise, ErrorCode::Format, "");
  noise[0] = 'P', noise[1] = 'K', noise[2] = 3, noise[3] = 4;  // a zip signature, then noise
  expect_refused(dir, "noise-zip.pth", noise, ErrorCode::Format, "cannot decode checkpoint");

  auto dict = c10::impl::GenericDict(c10::StringType::get(), c10::AnyType::get());
  dict.insert("w", at::ones({64, 64}));
  const std::vector<char> whole = torch::jit::pickle_save(dict);
  for (size_t size : {size_t(100), whole.size() / 2, whole.size() - 30, whole.size() - 1})
    expect_refused(dir, "cut-" + std::to_string(size) + ".pth",
                   std::vector<char>(whole.begin(), whole.begin() + long(size)), ErrorCode::Format,
                   "cannot decode checkpoint");
}

TEST(HostilePth, ZipWithoutPickleOrOfTheWrongShape) {
  TempDir dir;
  expect_refused(dir, "no-pickle.pth", test::torch_zip({{"data/0", test::float_storage(4)}}), ErrorCode::Format,
                 "without data.pkl");
  // A list of tensors where a dict of named tensors belongs.
  const std::string list = Pickle().op(']').mark().float_tensor("0", 4, 0, {4}, {1}).op('e').done();
  expect_refused(dir, "list.pth", test::torch_zip({{"data.pkl", list}, {"data/0", test::float_storage(4)}}),
                 ErrorCode::Format, "expected a dict");
}

// The payload of each call tries to create `marker`; the file must never appear.
struct Call {
  std::string module, name;
  std::string args;  // opcodes pushing the call's arguments one by one (between MARK and TUPLE)
};

// The opcodes of `p` without PROTO and STOP.
std::string body(const Pickle& p) {
  const std::string all = p.done();
  return all.substr(2, all.size() - 3);
}

std::vector<Call> calls_creating(const std::string& marker) {
  const std::string touch = "touch " + marker;
  return {{"os", "system", body(Pickle().str(touch))},
          {"posix", "system", body(Pickle().str(touch))},
          {"builtins", "eval", body(Pickle().str("open('" + marker + "', 'w')"))},
          {"builtins", "exec", body(Pickle().str("import os; os.system('" + touch + "')"))},
          {"subprocess", "Popen", body(Pickle().op(']').mark().str("touch").str(marker).op('e'))}};
}

TEST(HostilePth, PicklesCallingArbitraryGlobalsNeverRunThem) {
  TempDir dir;
  const std::string marker = dir.file("pwned");
  const std::string storage = test::float_storage(4);
  for (const Call& call : calls_creating(marker)) {
    const std::string what = call.module + "." + call.name;
    SCOPED_TRACE(what);
    // The call as the whole pickle (GLOBAL + REDUCE), and as a value next to a real tensor
    // (STACK_GLOBAL + REDUCE, and INST, which names and calls in one opcode).
    const std::string as_root = body(Pickle().global(call.module, call.name).mark()) + call.args + "tR";
    const std::string next_to_tensor =
        body(Pickle().op('}').mark().str("w").float_tensor("0", 4, 0, {4}, {1}).str("evil"));
    const std::string stacked =
        next_to_tensor + body(Pickle().stack_global(call.module, call.name).mark()) + call.args + "tRu";
    const std::string inst = next_to_tensor + "(" + call.args + "i" + call.module + "\n" + call.name + "\nu";
    for (const auto& [tag, pickle] : {std::pair<std::string, std::string>{"global", as_root}, {"stack-global", stacked},
                                      {"inst", inst}}) {
      expect_refused(dir, call.name + "-" + tag + ".pth",
                     test::torch_zip({{"data.pkl", "\x80\x02" + pickle + "."}, {"data/0", storage}}), ErrorCode::Format,
                     what);
      EXPECT_FALSE(fs::exists(marker)) << "the checkpoint ran " << what;
    }
  }
}

TEST(HostilePth, StoragesThatDoNotHoldTheirTensors) {
  TempDir dir;
  auto with_tensor = [](const std::string& key, int64_t numel, int64_t offset, std::vector<int64_t> size,
                        std::vector<int64_t> stride) {
    return Pickle().op('}').mark().str("w").float_tensor(key, numel, offset, size, stride).op('u').done();
  };
  const std::string four = test::float_storage(4);  // a 16-byte record
  struct Bad {
    std::string name, pickle, says;
  };
  const std::vector<Bad> bad = {
      {"missing-record", with_tensor("7", 4, 0, {4}, {1}), "data/7"},
      // The storage claims more elements than its record holds (LibTorch trusts the claim).
      {"numel-over-record", with_tensor("0", 1 << 20, 0, {1 << 20}, {1}), "storage"},
      {"size-over-storage", with_tensor("0", 4, 0, {16}, {1}), "storage"},
      {"offset-over-storage", with_tensor("0", 4, 3, {4}, {1}), "storage"},
      {"stride-over-storage", with_tensor("0", 4, 0, {2, 2}, {1000, 1}), "storage"},
      {"negative-size", with_tensor("0", 4, 0, {-4}, {1}), "w"},
      {"negative-stride", with_tensor("0", 4, 3, {4}, {-1}), "w"},
      {"overflowing-extent", with_tensor("0", 4, 0, {2, 1ll << 62}, {1ll << 62, 1}), "w"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.name);
    expect_refused(dir, b.name + ".pth", test::torch_zip({{"data.pkl", b.pickle}, {"data/0", four}}), ErrorCode::Format,
                   b.says);
  }
  // The same file with a consistent tensor loads: the cases above fail for their flaw alone.
  const std::string good = dir.file("good.pth");
  engine::testing::write_bytes(good,
                               test::torch_zip({{"data.pkl", with_tensor("0", 4, 1, {3}, {1})}, {"data/0", four}}));
  auto loaded = load_weights(good);
  ASSERT_TRUE(loaded.ok()) << loaded.error().what();
  EXPECT_TRUE(at::equal(loaded->at("w"), at::tensor({1.f, 2.f, 3.f})));
}

}  // namespace
}  // namespace rsd::engine
