#include "engine/weights/safetensors.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstring>

#include "test_files.h"

namespace rsd::engine {
namespace {

using testing::TempDir;

// A safetensors image with the given header text and `data_bytes` bytes of data (value 1).
std::vector<char> raw_file(const std::string& header, std::size_t data_bytes,
                           std::uint64_t claimed_length = ~0ull) {
  const std::uint64_t length = claimed_length == ~0ull ? header.size() : claimed_length;
  std::vector<char> out(8);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((length >> (8 * i)) & 0xff);
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data_bytes, 1);
  return out;
}

Error parse_error(const std::vector<char>& bytes) {
  auto result = parse_safetensors(bytes);
  EXPECT_FALSE(result.ok());
  return result.ok() ? Error() : result.error();
}

StateDict sample_tensors() {
  StateDict t;
  t["b.float"] = at::arange(12, at::kFloat).reshape({3, 4}) / 7.0;
  t["a.long"] = at::tensor(std::vector<int64_t>{-5, 0, 1ll << 40});
  t["c.byte"] = at::tensor({0, 7, 255}, at::kInt).to(at::kByte);
  t["d.int"] = at::tensor({-3, 9}, at::kInt);
  t["e.bool"] = at::tensor({1, 0, 1}, at::kInt).to(at::kBool);
  t["f.half"] = at::tensor({0.5f, -2.25f}).to(at::kHalf);
  t["g.bf16"] = at::tensor({1.5f, -3.0f, 1024.0f}).to(at::kBFloat16);
  t["h.scalar"] = at::tensor(2.5f);
  t["i.empty"] = at::zeros({0, 3});
  return t;
}

TEST(Safetensors, RoundTripKeepsDtypesShapesValuesAndMetadata) {
  TempDir dir;
  const std::string path = dir.file("round.safetensors");
  const StateDict tensors = sample_tensors();
  ASSERT_TRUE(write_safetensors(path, tensors, {{"format", "pt"}, {"note", "x"}}).ok());
  auto read = read_safetensors(path);
  ASSERT_TRUE(read.ok()) << read.error().what();
  EXPECT_EQ(read->metadata, (WeightsMetadata{{"format", "pt"}, {"note", "x"}}));
  ASSERT_EQ(read->tensors.size(), tensors.size());
  for (const auto& [name, tensor] : tensors) {
    const at::Tensor& back = read->tensors.at(name);
    EXPECT_EQ(back.scalar_type(), tensor.scalar_type()) << name;
    EXPECT_EQ(back.sizes(), tensor.sizes()) << name;
    EXPECT_TRUE(at::equal(back, tensor)) << name;
  }
  // No temporary file left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(Safetensors, HeaderIsSpacePaddedTo8BytesAndSorted) {
  auto bytes = serialize_safetensors(sample_tensors(), {{"k", "v"}});
  ASSERT_TRUE(bytes.ok());
  std::uint64_t n = 0;
  std::memcpy(&n, bytes->data(), 8);
  EXPECT_EQ(n % 8, 0u);
  const std::string header(bytes->data() + 8, n);
  EXPECT_EQ(header.front(), '{');
  const std::size_t close = header.rfind('}');
  EXPECT_EQ(header.find_first_not_of(' ', close + 1), std::string::npos);
  EXPECT_LT(header.find("\"a.long\""), header.find("\"b.float\""));
  EXPECT_LT(header.find("\"b.float\""), header.find("\"i.empty\""));
}

TEST(Safetensors, HalfPrecisionStorageAndFloat32OnRead) {
  StateDict t;
  t["w"] = at::tensor({1.0f, 0.333333f, -65504.0f, 1e-3f});
  t["idx"] = at::tensor({1, 2}, at::kLong);
  for (c10::ScalarType stored : {at::kHalf, at::kBFloat16}) {
    SafetensorsWriteOptions wo;
    wo.float_dtype = stored;
    auto bytes = serialize_safetensors(t, {}, wo);
    ASSERT_TRUE(bytes.ok());
    auto plain = parse_safetensors(*bytes);
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->tensors.at("w").scalar_type(), stored);
    EXPECT_EQ(plain->tensors.at("idx").scalar_type(), at::kLong);  // integers untouched
    SafetensorsReadOptions ro;
    ro.floats_to_float32 = true;
    auto widened = parse_safetensors(*bytes, ro);
    ASSERT_TRUE(widened.ok());
    const at::Tensor w = widened->tensors.at("w");
    EXPECT_EQ(w.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::equal(w, t["w"].to(stored).to(at::kFloat)));
    EXPECT_TRUE(at::allclose(w, t["w"], /*rtol=*/stored == at::kHalf ? 1e-3 : 1e-2, 0));
  }
}

TEST(Safetensors, ReadsHandWrittenFileWithReorderedOffsets) {
  // Offsets need not follow name order (bytes that belong to no tensor are refused: see
  // tests/reliability/hostile_models_test.cpp).
  const std::string header =
      R"({"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
      R"("a":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}})";
  auto result = parse_safetensors(raw_file(header, 6));
  ASSERT_TRUE(result.ok()) << result.error().what();
  EXPECT_EQ(result->tensors.at("a").sizes(), at::IntArrayRef({2}));
  EXPECT_EQ(result->tensors.at("a")[1].item<int>(), 1);
}

TEST(Safetensors, RejectsBadHeaderLengths) {
  EXPECT_NE(parse_error({'\1', '\0'}).message.find("too short"), std::string::npos);
  const std::string header = R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}})";
  EXPECT_NE(parse_error(raw_file(header, 1, 0)).message.find("header length"), std::string::npos);
  EXPECT_NE(parse_error(raw_file(header, 1, header.size() + 2)).message.find("header length"),
            std::string::npos);
  EXPECT_NE(parse_error(raw_file(header, 1, 1ull << 62)).message.find("header length"),
            std::string::npos);
  EXPECT_NE(parse_error(raw_file("{\"a\": [1, 2", 0)).message.find("JSON"), std::string::npos);
  EXPECT_NE(parse_error(raw_file("[1, 2]  ", 0)).message.find("object"), std::string::npos);
}

TEST(Safetensors, RejectsOffsetsOutsideDataOrInverted) {
  Error e = parse_error(raw_file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4));
  EXPECT_EQ(e.code, ErrorCode::Format);
  EXPECT_EQ(e.context, "w");
  EXPECT_NE(e.message.find("outside the data section"), std::string::npos);

  e = parse_error(raw_file(R"({"w":{"dtype":"F32","shape":[0],"data_offsets":[8,4]}})", 8));
  EXPECT_NE(e.message.find("begin > end"), std::string::npos);

  e = parse_error(raw_file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[-1,7]}})", 8));
  EXPECT_NE(e.message.find("non-negative"), std::string::npos);

  e = parse_error(raw_file(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", 8));
  EXPECT_NE(e.message.find("[begin, end]"), std::string::npos);
}

TEST(Safetensors, RejectsOverlapAndSizeMismatch) {
  Error e = parse_error(raw_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                 R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                 12));
  EXPECT_NE(e.message.find("overlaps"), std::string::npos);
  EXPECT_NE(e.what().find("'a'"), std::string::npos);
  EXPECT_NE(e.what().find("b"), std::string::npos);

  e = parse_error(raw_file(R"({"a":{"dtype":"F16","shape":[3],"data_offsets":[0,8]}})", 8));
  EXPECT_NE(e.message.find("does not match"), std::string::npos);
}

TEST(Safetensors, RejectsUnknownDtypeAndAbsurdShapes) {
  Error e = parse_error(raw_file(R"({"q":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}})", 1));
  EXPECT_EQ(e.code, ErrorCode::Unsupported);
  EXPECT_NE(e.message.find("unknown dtype 'F8_E4M3'"), std::string::npos);
  EXPECT_EQ(e.context, "q");

  // 2^32 * 2^32 elements overflows 64 bits.
  e = parse_error(raw_file(
      R"({"big":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}})", 0));
  EXPECT_NE(e.message.find("absurd shape"), std::string::npos);
  // Does not overflow but cannot fit the file.
  e = parse_error(raw_file(R"({"big":{"dtype":"F32","shape":[1000000,1000000],"data_offsets":[0,4]}})",
                           4));
  EXPECT_NE(e.message.find("does not match"), std::string::npos);
  e = parse_error(raw_file(R"({"neg":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4));
  EXPECT_NE(e.message.find("non-negative"), std::string::npos);
  e = parse_error(raw_file(R"({"x":{"dtype":"F32","shape":"3","data_offsets":[0,4]}})", 4));
  EXPECT_NE(e.message.find("shape"), std::string::npos);
}

TEST(Safetensors, RejectsBadMetadataAndBoolBytes) {
  Error e = parse_error(raw_file(R"({"__metadata__":{"n":3}})", 0));
  EXPECT_NE(e.message.find("__metadata__"), std::string::npos);
  e = parse_error(raw_file(R"({"m":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}})", 0));
  EXPECT_FALSE(e.message.empty());
  std::vector<char> bad_bool =
      raw_file(R"({"m":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}})", 1);
  bad_bool.back() = 5;
  e = parse_error(bad_bool);
  EXPECT_NE(e.message.find("BOOL"), std::string::npos);
}

TEST(Safetensors, FileErrorsNameThePath) {
  TempDir dir;
  auto missing = read_safetensors(dir.file("nope.safetensors"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().what().find("nope.safetensors"), std::string::npos);

  const std::string bad = dir.file("bad.safetensors");
  testing::write_bytes(bad, raw_file(R"({"q":{"dtype":"C64","shape":[1],"data_offsets":[0,8]}})", 8));
  auto result = read_safetensors(bad);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().what().find("bad.safetensors"), std::string::npos);
  EXPECT_NE(result.error().what().find("C64"), std::string::npos);

  auto unwritable = write_safetensors(dir.file("no/such/dir/x.safetensors"), sample_tensors());
  ASSERT_FALSE(unwritable.ok());
  EXPECT_EQ(unwritable.error().code, ErrorCode::Io);
}

TEST(Safetensors, WriterRejectsUnsupportedDtypeAndReservedName) {
  StateDict t;
  t["d"] = at::ones({2}, at::kDouble);
  auto r = serialize_safetensors(t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
  EXPECT_EQ(r.error().context, "d");
  StateDict reserved;
  reserved["__metadata__"] = at::ones({1});
  EXPECT_FALSE(serialize_safetensors(reserved).ok());
  // Non-contiguous input is written in logical order.
  StateDict strided;
  strided["t"] = at::arange(6, at::kFloat).reshape({2, 3}).t();
  auto bytes = serialize_safetensors(strided);
  ASSERT_TRUE(bytes.ok());
  auto back = parse_safetensors(*bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(at::equal(back->tensors.at("t"), strided["t"]));
}

}  // namespace
}  // namespace rsd::engine
