#include "engine/weights/state_dict_loader.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/nn/module.h>

#include "test_files.h"
#include "engine/weights/safetensors.h"

namespace rsd::engine {
namespace {

using testing::TempDir;

// Parameters, an ordinary buffer and two derived buffers, nested like a Swin block.
struct Attn : torch::nn::Module {
  Attn() {
    qkv = register_parameter("qkv", at::zeros({6, 2}));
    relative_position_index = register_buffer("relative_position_index", at::arange(4, at::kLong));
    attn_mask = register_buffer("attn_mask", at::full({2, 2}, -100.0f).triu(1));
  }
  at::Tensor qkv, relative_position_index, attn_mask;
};

struct Net : torch::nn::Module {
  Net() {
    weight = register_parameter("weight", at::zeros({3, 2}));
    bias = register_parameter("bias", at::zeros({3}));
    stats = register_buffer("stats", at::zeros({4}));
    attn = register_module("attn", std::make_shared<Attn>());
  }
  at::Tensor weight, bias, stats;
  std::shared_ptr<Attn> attn;
};

StateDict full_weights() {
  StateDict w;
  w["weight"] = at::arange(6, at::kFloat).reshape({3, 2});
  w["bias"] = at::ones({3});
  w["stats"] = at::full({4}, 2.0f);
  w["attn.qkv"] = at::full({6, 2}, 0.5f);
  w["attn.relative_position_index"] = at::arange(4, at::kLong);
  w["attn.attn_mask"] = at::full({2, 2}, -100.0f).triu(1);
  return w;
}

TEST(StateDictLoader, LoadsMatchingWeightsConvertingDtypes) {
  Net net;
  StateDict w = full_weights();
  w["weight"] = w["weight"].to(at::kHalf);
  w["attn.attn_mask"] = w["attn.attn_mask"].to(at::kHalf);
  w["attn.relative_position_index"] = w["attn.relative_position_index"].to(at::kInt);
  const Status s = load_into(net, w);
  ASSERT_TRUE(s.ok()) << s.error().what();
  EXPECT_EQ(net.weight.scalar_type(), at::kFloat);
  EXPECT_TRUE(at::equal(net.weight, full_weights()["weight"]));
  EXPECT_TRUE(at::equal(net.stats, full_weights()["stats"]));
  EXPECT_TRUE(at::equal(net.attn->qkv, full_weights()["attn.qkv"]));
  EXPECT_EQ(net.attn->relative_position_index.scalar_type(), at::kLong);
}

TEST(StateDictLoader, NamesEveryMissingUnexpectedAndMisshapedTensorAndChangesNothing) {
  Net net;
  StateDict w = full_weights();
  w.erase("bias");
  w.erase("stats");
  w["extra.one"] = at::ones({1});
  w["extra.two"] = at::ones({1});
  w["weight"] = at::ones({2, 3});
  const Status s = load_into(net, w);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::Model);
  const std::string m = s.error().message;
  for (const char* name : {"bias", "stats", "extra.one", "extra.two", "weight (file [2, 3], network [3, 2])"}) {
    EXPECT_NE(m.find(name), std::string::npos) << name << " in: " << m;
  }
  EXPECT_NE(m.find("2 missing"), std::string::npos) << m;
  EXPECT_NE(m.find("2 unexpected"), std::string::npos) << m;
  EXPECT_NE(m.find("1 misshaped"), std::string::npos) << m;
  // All-or-nothing: the valid tensor was not copied either.
  EXPECT_TRUE(at::equal(net.attn->qkv, at::zeros({6, 2})));
}

TEST(StateDictLoader, LongListsAreTruncated) {
  Net net;
  StateDict w = full_weights();
  for (int i = 0; i < 40; ++i) w["junk." + std::to_string(100 + i)] = at::ones({1});
  LoadOptions o;
  o.max_listed = 5;
  const Status s = load_into(net, w, o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("40 unexpected"), std::string::npos);
  EXPECT_NE(s.error().message.find("... and 35 more"), std::string::npos);
  EXPECT_EQ(s.error().message.find("junk.139"), std::string::npos);
}

TEST(StateDictLoader, AllowOptionsRelaxStrictness) {
  Net net;
  StateDict w = full_weights();
  w.erase("bias");
  w["extra"] = at::ones({1});
  LoadOptions o;
  o.allow_missing = true;
  o.allow_unexpected = true;
  ASSERT_TRUE(load_into(net, w, o).ok());
  EXPECT_TRUE(at::equal(net.bias, at::zeros({3})));
  EXPECT_TRUE(at::equal(net.weight, full_weights()["weight"]));
}

TEST(StateDictLoader, DerivedBuffersAreComparedNeverOverwritten) {
  Net net;
  StateDict w = full_weights();
  w["attn.attn_mask"] = at::full({2, 2}, -100.0f).tril(-1);  // another mask rule
  w["attn.relative_position_index"] = at::tensor({0, 1, 3, 2}, at::kLong);
  const Status s = load_into(net, w);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("attn.attn_mask"), std::string::npos);
  EXPECT_NE(s.error().message.find("attn.relative_position_index"), std::string::npos);
  EXPECT_NE(s.error().message.find("2 derived buffers differ"), std::string::npos);

  // Skipping the check loads the rest and still keeps the computed buffers.
  LoadOptions o;
  o.check_derived_buffers = false;
  ASSERT_TRUE(load_into(net, w, o).ok());
  EXPECT_TRUE(at::equal(net.attn->attn_mask, at::full({2, 2}, -100.0f).triu(1)));
  EXPECT_TRUE(at::equal(net.attn->relative_position_index, at::arange(4, at::kLong)));
}

TEST(StateDictLoader, DerivedBuffersMayBeAbsent) {
  Net net;
  StateDict w = full_weights();
  w.erase("attn.attn_mask");
  w.erase("attn.relative_position_index");
  EXPECT_TRUE(load_into(net, w).ok());
}

TEST(StateDictLoader, LoadWeightsDispatchesOnContent) {
  TempDir dir;
  StateDict w = full_weights();
  StateDict prefixed;
  for (const auto& [k, v] : w) prefixed["module." + k] = v;
  // Content decides, not the extension.
  const std::string st = dir.file("weights.bin");
  ASSERT_TRUE(write_safetensors(st, prefixed).ok());
  auto fmt = detect_weights_format(st);
  ASSERT_TRUE(fmt.ok());
  EXPECT_EQ(*fmt, WeightsFormat::Safetensors);
  auto from_st = load_weights(st);
  ASSERT_TRUE(from_st.ok()) << from_st.error().what();
  EXPECT_EQ(from_st->size(), w.size());
  EXPECT_TRUE(from_st->count("attn.qkv"));

  c10::impl::GenericDict dict(c10::StringType::get(), c10::AnyType::get());
  for (const auto& [k, v] : prefixed) dict.insert(k, v);
  c10::impl::GenericDict outer(c10::StringType::get(), c10::AnyType::get());
  outer.insert("state_dict", dict);
  const std::string pth = dir.file("weights.safetensors");
  testing::write_bytes(pth, torch::jit::pickle_save(outer));
  auto from_pth = load_weights(pth);
  ASSERT_TRUE(from_pth.ok()) << from_pth.error().what();
  Net net;
  EXPECT_TRUE(load_into(net, *from_pth).ok());
  EXPECT_EQ(count_elements(*from_pth), 6u + 3 + 4 + 12 + 4 + 4);

  const std::string junk = dir.file("junk.bin");
  testing::write_bytes(junk, {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'});
  auto bad = load_weights(junk);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().context, junk);
  EXPECT_FALSE(load_weights(dir.file("absent.pth")).ok());
}

}  // namespace
}  // namespace rsd::engine

namespace rsd::engine {
namespace {

// A safetensors header of 128 bytes makes the file start with 0x80, the pickle PROTO opcode; it
// must still be read as safetensors, not refused as a legacy pickle.
TEST(StateDictLoader, SafetensorsWhoseFirstByteIsPickleProtoIsDetected) {
  testing::TempDir dir;
  std::string header = R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
  header.resize(128, ' ');
  std::vector<char> bytes(8, 0);
  bytes[0] = char(0x80);
  bytes.insert(bytes.end(), header.begin(), header.end());
  const float value = 2.5f;
  const char* p = reinterpret_cast<const char*>(&value);
  bytes.insert(bytes.end(), p, p + 4);
  const std::string path = dir.file("proto_byte.safetensors");
  testing::write_bytes(path, bytes);

  auto fmt = detect_weights_format(path);
  ASSERT_TRUE(fmt.ok()) << fmt.error().what();
  EXPECT_EQ(*fmt, WeightsFormat::Safetensors);
  auto weights = load_weights(path);
  ASSERT_TRUE(weights.ok()) << weights.error().what();
  EXPECT_FLOAT_EQ(weights->at("x").item<float>(), 2.5f);
}

}  // namespace
}  // namespace rsd::engine
