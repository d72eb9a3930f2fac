#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "engine/nn/factory.h"
#include "engine/nn/ldm_blocks.h"
#include "engine/nn/pixel_unshuffle_codec.h"
#include "engine/nn/vector_quantizer.h"
#include "engine/nn/vq_autoencoder.h"
#include "official_configs.h"
#include "param_count.h"

namespace rsd::engine {
namespace {

using Shape = std::vector<int64_t>;

using testing::count_params;

nlohmann::json small_vq_params(bool with_level_attention) {
  auto p = testing::vq_f4_params();
  p["n_embed"] = 64;
  p["ddconfig"]["ch"] = 32;
  p["ddconfig"]["ch_mult"] = {1, 2};
  p["ddconfig"]["num_res_blocks"] = 1;
  p["ddconfig"]["resolution"] = 32;
  if (with_level_attention) p["ddconfig"]["attn_resolutions"] = {32, 16};
  return p;
}

TEST(VQModelTorch, OfficialF4CountsKeysAndShapes) {
  auto r = make_codec("vq", testing::vq_f4_params(), 4);
  ASSERT_TRUE(r.ok()) << r.error().what();
  auto* m = r.value()->module();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(count_params(*m), 55322782);
  EXPECT_EQ(count_params(*m, "encoder."), 22337411);
  EXPECT_EQ(count_params(*m, "decoder."), 32960771);
  auto p = m->named_parameters();
  EXPECT_EQ(p.size() + m->named_buffers().size(), 205u);
  const std::map<std::string, Shape> shapes = {
      {"encoder.conv_in.weight", {128, 3, 3, 3}},
      {"encoder.down.0.block.0.norm1.weight", {128}},
      {"encoder.down.0.downsample.conv.weight", {128, 128, 3, 3}},
      {"encoder.down.1.block.0.nin_shortcut.weight", {256, 128, 1, 1}},
      {"encoder.down.2.block.1.conv2.weight", {512, 512, 3, 3}},
      {"encoder.mid.attn_1.q.weight", {512, 512, 1, 1}},
      {"encoder.mid.attn_1.proj_out.bias", {512}},
      {"encoder.norm_out.weight", {512}},
      {"encoder.conv_out.weight", {3, 512, 3, 3}},
      {"quant_conv.weight", {3, 3, 1, 1}},
      {"quantize.embedding.weight", {8192, 3}},
      {"post_quant_conv.weight", {3, 3, 1, 1}},
      {"decoder.conv_in.weight", {512, 3, 3, 3}},
      {"decoder.mid.block_2.norm2.weight", {512}},
      {"decoder.up.2.block.2.conv1.weight", {512, 512, 3, 3}},
      {"decoder.up.2.upsample.conv.weight", {512, 512, 3, 3}},
      {"decoder.up.1.block.0.nin_shortcut.weight", {256, 512, 1, 1}},
      {"decoder.up.0.block.0.nin_shortcut.weight", {128, 256, 1, 1}},
      {"decoder.up.0.block.2.conv2.weight", {128, 128, 3, 3}},
      {"decoder.norm_out.weight", {128}},
      {"decoder.conv_out.weight", {3, 128, 3, 3}},
  };
  for (const auto& [key, shape] : shapes) {
    ASSERT_TRUE(p.contains(key)) << key;
    EXPECT_EQ(p[key].sizes(), shape) << key;
  }
  for (const char* absent : {"encoder.down.2.downsample.conv.weight", "decoder.up.0.upsample.conv.weight",
                             "encoder.down.0.block.0.nin_shortcut.weight", "encoder.down.0.attn.0.q.weight"})
    EXPECT_FALSE(p.contains(absent)) << absent;
  EXPECT_EQ(r.value()->latent_channels(), 3);
  EXPECT_EQ(r.value()->downsample_factor(), 4);
}

TEST(VQModelTorch, SmallRoundTripShapesAndQuantizedDecode) {
  torch::manual_seed(3);
  torch::NoGradGuard no_grad;
  for (bool level_attention : {false, true}) {
    auto r = make_codec("vq", small_vq_params(level_attention), 0);
    ASSERT_TRUE(r.ok()) << r.error().what();
    auto& vq = dynamic_cast<VQModelTorch&>(*r.value());
    auto img = torch::rand({1, 3, 16, 24}) * 2 - 1;
    auto z = vq.encode(img);
    EXPECT_EQ(z.sizes(), (Shape{1, 3, 8, 12}));
    auto out = vq.decode(z);
    EXPECT_EQ(out.sizes(), (Shape{1, 3, 16, 24}));
    // decode == decode_unquantized(codebook rows picked by the nearest-neighbour search)
    auto idx = vq.quantizer().nearest_indices(z);
    auto zq = vq.quantizer().codebook().index_select(0, idx).view({1, 8, 12, 3}).permute({0, 3, 1, 2});
    EXPECT_TRUE(at::allclose(out, vq.decode_unquantized(zq), 1e-5, 1e-5));
  }
  EXPECT_THROW(make_codec("vq", small_vq_params(false), 0).value()->encode(torch::rand({1, 3, 31, 32})),
               c10::Error);
}

TEST(VectorQuantizer, PicksTheNearestCodebookEntryInChunks) {
  torch::manual_seed(4);
  torch::NoGradGuard no_grad;
  VectorQuantizer q(300, 3);
  auto z = torch::randn({1, 3, 40, 50}) * 0.01;
  auto idx = q.nearest_indices(z);
  auto flat = z.permute({0, 2, 3, 1}).reshape({-1, 3});
  auto want = at::cdist(flat, q.codebook()).argmin(1);
  // Ties aside, the brute-force distance picks the same entries.
  auto d_got = (flat - q.codebook().index_select(0, idx)).pow(2).sum(1);
  auto d_want = (flat - q.codebook().index_select(0, want)).pow(2).sum(1);
  EXPECT_TRUE(at::allclose(d_got, d_want, 1e-6, 1e-9));
  auto zq = q.forward(z);
  EXPECT_EQ(zq.sizes(), z.sizes());
}

TEST(AttnBlock, ChunkedQueriesEqualFullAttention) {
  torch::manual_seed(5);
  torch::NoGradGuard no_grad;
  ldm::AttnBlock attn(64);
  for (auto& kv : attn.named_parameters()) kv.value().normal_(0.0, 0.3);
  auto x = torch::randn({2, 64, 12, 10});
  attn.set_chunk_bytes(1 << 30);
  auto full = attn.forward(x);
  attn.set_chunk_bytes(7 * 120 * 4);  // 7 queries per chunk, the last chunk is partial
  auto chunked = attn.forward(x);
  EXPECT_TRUE(at::allclose(full, chunked, 1e-5, 1e-5));
  // Reference formula: x + proj(v softmax(q^T k / sqrt(C))^T).
  auto p = attn.named_parameters();
  auto h = at::group_norm(x, 32, p["norm.weight"], p["norm.bias"], 1e-6);
  auto q = at::conv2d(h, p["q.weight"], p["q.bias"]).view({2, 64, 120});
  auto k = at::conv2d(h, p["k.weight"], p["k.bias"]).view({2, 64, 120});
  auto v = at::conv2d(h, p["v.weight"], p["v.bias"]).view({2, 64, 120});
  auto w = (at::bmm(q.transpose(1, 2), k) * (1.0 / 8.0)).softmax(2);
  auto o = at::bmm(v, w.transpose(1, 2)).view({2, 64, 12, 10});
  auto want = x + at::conv2d(o, p["proj_out.weight"], p["proj_out.bias"]);
  EXPECT_TRUE(at::allclose(chunked, want, 1e-4, 1e-4));
}

TEST(PixelUnshuffleCodec, RoundTripIsExactAndChannelOrderIsPyTorchs) {
  auto r = make_codec("pixel_unshuffle", nlohmann::json::object(), 4);
  ASSERT_TRUE(r.ok());
  auto& codec = *r.value();
  EXPECT_EQ(codec.latent_channels(), 48);
  EXPECT_EQ(codec.downsample_factor(), 4);
  EXPECT_EQ(codec.module(), nullptr);
  auto img = torch::rand({2, 3, 16, 24});
  auto z = codec.encode(img);
  ASSERT_EQ(z.sizes(), (Shape{2, 48, 4, 6}));
  EXPECT_TRUE(at::equal(codec.decode(z), img));
  // latent channel c*16 + dy*4 + dx at (y, x) is pixel (4y + dy, 4x + dx) of colour c.
  EXPECT_EQ(z[1][2 * 16 + 3 * 4 + 1][2][5].item<float>(), img[1][2][4 * 2 + 3][4 * 5 + 1].item<float>());
  auto two = make_codec("pixel_unshuffle", nullptr, 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two.value()->latent_channels(), 12);
  EXPECT_EQ(make_codec("pixel_unshuffle", nullptr, 0).value()->downsample_factor(), 4);
}

TEST(CodecFactory, RejectsBadRequests) {
  auto unknown = make_codec("kl", testing::vq_f4_params(), 4);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::InvalidArgument);
  EXPECT_FALSE(make_codec("vq", testing::vq_f4_params(), 8).ok());  // factor mismatch
  auto bad = testing::vq_f4_params();
  bad["ddconfig"]["ch_mult"] = "1,2,4";
  EXPECT_FALSE(make_codec("vq", bad, 4).ok());
  EXPECT_FALSE(make_codec("pixel_unshuffle", nullptr, -2).ok());
}

}  // namespace
}  // namespace rsd::engine
