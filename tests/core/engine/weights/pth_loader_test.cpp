#include "base/build_paths.h"
#include "engine/weights/pth_loader.h"

#include <ATen/ATen.h>
#include <ATen/core/Dict.h>
#include <ATen/core/ivalue.h>
#include <gtest/gtest.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include "engine/weights/pickle_rewriter.h"
#include "test_files.h"

namespace rsd::engine {
namespace {

using testing::TempDir;

c10::impl::GenericDict make_dict() {
  return c10::impl::GenericDict(c10::StringType::get(), c10::AnyType::get());
}

c10::impl::GenericDict weights_dict(const std::string& prefix = {}) {
  auto d = make_dict();
  d.insert(prefix + "conv.weight", at::ones({2, 3}));
  d.insert(prefix + "conv.bias", at::zeros({2}));
  return d;
}

void expect_plain_keys(const Result<StateDict>& r) {
  ASSERT_TRUE(r.ok()) << r.error().what();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at("conv.weight").sizes(), at::IntArrayRef({2, 3}));
  EXPECT_TRUE(r->count("conv.bias"));
}

std::string save_pth(const TempDir& dir, const std::string& name, const c10::IValue& value) {
  const std::string path = dir.file(name);
  testing::write_bytes(path, torch::jit::pickle_save(value));
  return path;
}

TEST(PthLoader, UnwrapsEveryLayout) {
  expect_plain_keys(state_dict_from_ivalue(weights_dict()));
  expect_plain_keys(state_dict_from_ivalue(weights_dict("module.")));
  expect_plain_keys(state_dict_from_ivalue(weights_dict("_orig_mod.")));
  expect_plain_keys(state_dict_from_ivalue(weights_dict("_orig_mod.module.")));

  auto wrapped = make_dict();
  wrapped.insert("state_dict", weights_dict("module."));
  wrapped.insert("iters_start", 100);
  expect_plain_keys(state_dict_from_ivalue(wrapped));

  // RSD training checkpoint: state_dict{student, fake}, optimizer{...}; the student is taken.
  auto both = make_dict();
  both.insert("student", weights_dict("module."));
  auto fake = make_dict();
  fake.insert("other.weight", at::ones({5}));
  both.insert("fake", fake);
  auto rsd = make_dict();
  rsd.insert("state_dict", both);
  rsd.insert("optimizer", make_dict());
  rsd.insert("log_step", 3);
  expect_plain_keys(state_dict_from_ivalue(rsd));
}

TEST(PthLoader, IgnoresNonTensorValuesNextToTensors) {
  auto d = weights_dict();
  d.insert("_version", 2);
  d.insert("note", "made by hand");
  expect_plain_keys(state_dict_from_ivalue(d));
}

TEST(PthLoader, DictWithoutTensorsNamesItsKeys) {
  auto d = make_dict();
  d.insert("optimizer", make_dict());
  d.insert("epoch", 4);
  auto r = state_dict_from_ivalue(d);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'optimizer'"), std::string::npos);
  EXPECT_NE(r.error().message.find("'epoch'"), std::string::npos);

  auto list = state_dict_from_ivalue(c10::IValue(c10::List<int64_t>({1, 2})));
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.error().message.find("expected a dict"), std::string::npos);
}

TEST(PthLoader, PrefixCollisionIsAnError) {
  auto d = make_dict();
  d.insert("module.a", at::ones({1}));
  d.insert("a", at::ones({1}));
  auto r = state_dict_from_ivalue(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context, "a");
}

TEST(PthLoader, LoadsZipFilesWrittenByPickleSave) {
  TempDir dir;
  auto wrapped = make_dict();
  wrapped.insert("state_dict", weights_dict("module."));
  auto r = load_pth(save_pth(dir, "w.pth", wrapped));
  expect_plain_keys(r);
  EXPECT_TRUE(at::equal(r->at("conv.weight"), at::ones({2, 3})));
}

TEST(PthLoader, LoadsTheCheckpointWrittenByPythonTorchSave) {
  // Python torch.save of an OrderedDict (with its _metadata attribute) under 'state_dict'.
  auto r = load_pth(std::string(RSD_TEST_DATA_DIR) + "/parity/unet_small.pth");
  ASSERT_TRUE(r.ok()) << r.error().what();
  EXPECT_EQ(r->size(), 254u);
  ASSERT_TRUE(r->count("input_blocks.0.0.weight"));
  EXPECT_EQ(r->at("input_blocks.0.0.weight").sizes(), at::IntArrayRef({32, 6, 3, 3}));
  EXPECT_EQ(r->at("input_blocks.0.0.weight").scalar_type(), at::kHalf);
  EXPECT_TRUE(r->count("input_blocks.1.1.blocks.1.attn_mask"));
}

TEST(PthLoader, LoadsAPlainModuleStateDictWithMetadata) {
  // torch.save(nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3)).state_dict()): an OrderedDict
  // with `_metadata` (BUILD, one-entry dicts via SETITEM) and an int64 buffer.
  auto r = load_pth(std::string(RSD_TEST_DATA_DIR) + "/parity/sequential_state_dict.pth");
  ASSERT_TRUE(r.ok()) << r.error().what();
  EXPECT_EQ(r->size(), 7u);
  EXPECT_EQ(r->at("0.weight").sizes(), at::IntArrayRef({3, 2}));
  EXPECT_TRUE(at::equal(r->at("1.running_var"), at::ones({3})));
  EXPECT_EQ(r->at("1.num_batches_tracked").scalar_type(), at::kLong);
}

TEST(PthLoader, RefusesLegacyPicklesGarbageAndMissingFiles) {
  TempDir dir;
  const std::string legacy = dir.file("legacy.pth");
  testing::write_bytes(legacy, {'\x80', '\x02', '\x8a', '\x0a', 'l', '\xfc', 'h', '\x9c'});
  auto r = load_pth(legacy);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("torch>=1.6"), std::string::npos);
  EXPECT_EQ(r.error().context, legacy);

  const std::string broken = dir.file("broken.pth");
  testing::write_bytes(broken, {'P', 'K', '\x03', '\x04', 'n', 'o', 't', ' ', 'z', 'i', 'p'});
  r = load_pth(broken);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Format);
  EXPECT_EQ(r.error().context, broken);

  // A truncated real checkpoint fails cleanly too.
  auto bytes = torch::jit::pickle_save(weights_dict());
  bytes.resize(bytes.size() / 2);
  const std::string cut = dir.file("cut.pth");
  testing::write_bytes(cut, bytes);
  EXPECT_FALSE(load_pth(cut).ok());

  r = load_pth(dir.file("missing.pth"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::NotFound);
}

TEST(PickleRewriter, TurnsOrderedDictsIntoDictsAndKeepsBuildStateAsEntry) {
  using namespace std::string_literals;
  // Protocol 2, as Python writes OrderedDict([('a', 1)]) with a `_metadata` attribute:
  // GLOBAL, BINPUT 0, EMPTY_TUPLE, REDUCE, BINPUT 1, MARK, 'a', 1, SETITEMS,
  // then a second OrderedDict through BINGET 0 as the attribute state, BUILD, STOP.
  const std::string in = "\x80\x02"s + "ccollections\nOrderedDict\nq\x00)Rq\x01(X\x01\x00\x00\x00"s +
                         "aK\x01u}X\x09\x00\x00\x00"s + "_metadatah\x00)Rq\x02sb."s;
  auto out = rewrite_ordered_dicts(in);
  ASSERT_TRUE(out.ok()) << out.error().what();
  const std::string expected = "\x80\x02"s + "}q\x00q\x01(X\x01\x00\x00\x00"s +
                               "aK\x01u(X\x0f\x00\x00\x00__build_state__"s +
                               "}(X\x09\x00\x00\x00"s + "_metadata}q\x02uu."s;
  EXPECT_EQ(*out, expected);
  const c10::IValue value = torch::jit::unpickle(out->data(), out->size());
  ASSERT_TRUE(value.isGenericDict());
  EXPECT_EQ(value.toGenericDict().at("a").toInt(), 1);
  EXPECT_TRUE(value.toGenericDict().at("__build_state__").isGenericDict());
}

TEST(PickleRewriter, RejectsTruncatedStreamsAndUnknownOpcodes) {
  using namespace std::string_literals;
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02X\xff\x00\x00\x00"s + "ab"s).ok());
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02}"s).ok());
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02\xfe."s).ok());
  EXPECT_FALSE(rewrite_ordered_dicts("ccollections\nOrd"s).ok());
}

TEST(PickleRewriter, RefusesWhatWouldTakeLibTorchsUnpicklerOutOfBounds) {
  // Found by fuzz/rsd_fuzz_pickle (reproducers in fuzz/corpus/pickle/crash-*.pkl).
  using namespace std::string_literals;
  // LONG_BINPUT 0x656b6361: LibTorch would fill a memo table of 27 GB.
  auto r = rewrite_ordered_dicts("\x80\x02}racke."s);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("memo index"), std::string::npos);
  EXPECT_TRUE(rewrite_ordered_dicts("\x80\x02}q\x05."s).ok());
  // REDUCE right after a MARK: LibTorch keeps marks apart from its stack and would swap the item
  // below the bottom of its stack vector.
  r = rewrite_ordered_dicts("\x80\x02}(R."s);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("operands"), std::string::npos);
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02K\x01(K\x02\x86."s).ok());  // TUPLE2 across a MARK
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02(\x85."s).ok());              // TUPLE1 of a MARK
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02}(X\x01\x00\x00\x00"s + "ab."s).ok());  // BUILD of a MARK
  // SETITEMS / DICT with an odd number of items: LibTorch would read one past its stack.
  r = rewrite_ordered_dicts("\x80\x02}(K\x01u."s);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("odd number"), std::string::npos);
  EXPECT_FALSE(rewrite_ordered_dicts("\x80\x02(K\x01K\x02K\x03"s + "d."s).ok());
  // The same shapes, well formed, still pass and unpickle.
  auto ok = rewrite_ordered_dicts("\x80\x02}(K\x01K\x02u."s);
  ASSERT_TRUE(ok.ok()) << ok.error().what();
  EXPECT_EQ(torch::jit::unpickle(ok->data(), ok->size()).toGenericDict().at(1).toInt(), 2);
  ok = rewrite_ordered_dicts("\x80\x02K\x01K\x02\x86."s);
  ASSERT_TRUE(ok.ok()) << ok.error().what();
  EXPECT_EQ(torch::jit::unpickle(ok->data(), ok->size()).toTupleRef().elements().size(), 2u);
}

}  // namespace
}  // namespace rsd::engine
