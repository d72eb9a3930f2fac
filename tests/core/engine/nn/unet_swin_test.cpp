#include "engine/nn/unet_swin.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "engine/nn/basic_ops.h"
#include "engine/nn/factory.h"
#include "official_configs.h"
#include "param_count.h"

namespace rsd::engine {
namespace {

using Shape = std::vector<int64_t>;

using testing::count_params;

// One full-size construction shared by the counting tests (construction only, no forward).
class OfficialUNet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = make_unet(testing::resshift_unet_params(), 0);
    ASSERT_TRUE(r.ok()) << r.error().what();
    unet_ = r.value();
  }
  static void TearDownTestSuite() { unet_.reset(); }
  static std::shared_ptr<UNetModelSwin> unet_;
};
std::shared_ptr<UNetModelSwin> OfficialUNet::unet_;

TEST_F(OfficialUNet, ParameterAndStateDictCountsMatchTheCheckpoint) {
  EXPECT_EQ(count_params(*unet_), 118593583);
  EXPECT_EQ(unet_->named_parameters().size(), 540u);
  auto buffers = unet_->named_buffers();
  int rpi = 0, masks = 0;
  for (const auto& kv : buffers) {
    rpi += kv.key().find("relative_position_index") != std::string::npos;
    masks += kv.key().find("attn_mask") != std::string::npos;
  }
  EXPECT_EQ(rpi, 18);
  EXPECT_EQ(masks, 6);
  EXPECT_EQ(unet_->named_parameters().size() + buffers.size(), 564u);
  EXPECT_EQ(count_params(*unet_, "time_embed."), 513280);
  EXPECT_EQ(count_params(*unet_, "input_blocks."), 30909520);
  EXPECT_EQ(count_params(*unet_, "middle_block."), 17533260);
  EXPECT_EQ(count_params(*unet_, "output_blocks."), 69632880);
  EXPECT_EQ(count_params(*unet_, "out."), 4643);
}

TEST_F(OfficialUNet, KeysAndShapesMatchTheCheckpoint) {
  auto p = unet_->named_parameters();
  auto b = unet_->named_buffers();
  const std::map<std::string, Shape> params = {
      {"time_embed.0.weight", {640, 160}},
      {"time_embed.2.weight", {640, 640}},
      {"input_blocks.0.0.weight", {160, 6, 3, 3}},
      {"input_blocks.1.0.in_layers.0.weight", {160}},
      {"input_blocks.1.0.in_layers.2.weight", {160, 160, 3, 3}},
      {"input_blocks.1.0.emb_layers.1.weight", {320, 640}},
      {"input_blocks.1.0.out_layers.0.bias", {160}},
      {"input_blocks.1.0.out_layers.3.weight", {160, 160, 3, 3}},
      {"input_blocks.1.1.patch_embed.proj.weight", {192, 160, 1, 1}},
      {"input_blocks.1.1.patch_unembed.proj.weight", {160, 192, 1, 1}},
      {"input_blocks.1.1.blocks.0.norm1.weight", {192}},
      {"input_blocks.1.1.blocks.0.attn.qkv.weight", {576, 192}},
      {"input_blocks.1.1.blocks.0.attn.proj.weight", {192, 192}},
      {"input_blocks.1.1.blocks.1.attn.relative_position_bias_table", {225, 6}},
      {"input_blocks.1.1.blocks.1.mlp.fc1.weight", {768, 192, 1, 1}},
      {"input_blocks.1.1.blocks.1.mlp.fc2.weight", {192, 768, 1, 1}},
      {"input_blocks.1.1.blocks.1.norm2.bias", {192}},
      {"input_blocks.3.0.op.weight", {160, 160, 3, 3}},
      {"input_blocks.4.0.skip_connection.weight", {320, 160, 1, 1}},
      {"input_blocks.10.0.skip_connection.weight", {640, 320, 1, 1}},
      {"input_blocks.10.1.patch_embed.proj.weight", {192, 640, 1, 1}},
      {"middle_block.0.emb_layers.1.weight", {1280, 640}},
      {"middle_block.1.blocks.0.attn.qkv.bias", {576}},
      {"middle_block.2.out_layers.3.weight", {640, 640, 3, 3}},
      {"output_blocks.0.0.in_layers.0.weight", {1280}},
      {"output_blocks.0.0.skip_connection.weight", {640, 1280, 1, 1}},
      {"output_blocks.2.0.in_layers.2.weight", {640, 960, 3, 3}},
      {"output_blocks.2.1.conv.weight", {640, 640, 3, 3}},
      {"output_blocks.5.1.conv.weight", {320, 320, 3, 3}},
      {"output_blocks.8.1.conv.weight", {320, 320, 3, 3}},
      {"output_blocks.9.0.skip_connection.weight", {160, 480, 1, 1}},
      {"output_blocks.11.0.skip_connection.weight", {160, 320, 1, 1}},
      {"out.0.weight", {160}},
      {"out.2.weight", {3, 160, 3, 3}},
  };
  for (const auto& [key, shape] : params) {
    ASSERT_TRUE(p.contains(key)) << key;
    EXPECT_EQ(p[key].sizes(), shape) << key;
  }
  for (const char* absent : {"input_blocks.1.0.skip_connection.weight", "feature_extractor.0.weight",
                             "input_blocks.1.1.patch_embed.norm.weight", "output_blocks.1.1.conv.weight"})
    EXPECT_FALSE(p.contains(absent)) << absent;

  const std::map<std::string, Shape> masks = {
      {"input_blocks.1.1.blocks.1.attn_mask", {64, 64, 64}},
      {"input_blocks.4.1.blocks.1.attn_mask", {16, 64, 64}},
      {"input_blocks.7.1.blocks.1.attn_mask", {4, 64, 64}},
      {"output_blocks.3.1.blocks.1.attn_mask", {4, 64, 64}},
      {"output_blocks.6.1.blocks.1.attn_mask", {16, 64, 64}},
      {"output_blocks.9.1.blocks.1.attn_mask", {64, 64, 64}},
  };
  for (const auto& kv : b) {
    if (kv.key().find("attn_mask") == std::string::npos) continue;
    ASSERT_TRUE(masks.count(kv.key())) << "unexpected " << kv.key();
    EXPECT_EQ(kv.value().sizes(), masks.at(kv.key()));
  }
  ASSERT_TRUE(b.contains("middle_block.1.blocks.1.attn.relative_position_index"));
  EXPECT_EQ(b["middle_block.1.blocks.1.attn.relative_position_index"].sizes(), (Shape{64, 64}));
  EXPECT_EQ(b["middle_block.1.blocks.1.attn.relative_position_index"].scalar_type(), at::kLong);
}

TEST_F(OfficialUNet, DerivedBuffersEqualTheRegisteredOnes) {
  auto derived = unet_->derived_buffers();
  auto buffers = unet_->named_buffers();
  ASSERT_EQ(derived.size(), buffers.size());
  for (const auto& kv : buffers) {
    ASSERT_TRUE(derived.count(kv.key())) << kv.key();
    EXPECT_TRUE(at::equal(derived[kv.key()], kv.value())) << kv.key();
  }
}

TEST(UNetModelSwin, RsdStudentHasOneMoreInputChannel) {
  auto r = make_unet(testing::resshift_unet_params(), 1);
  ASSERT_TRUE(r.ok()) << r.error().what();
  auto p = r.value()->named_parameters();
  EXPECT_EQ(p["input_blocks.0.0.weight"].sizes(), (Shape{160, 7, 3, 3}));
  EXPECT_EQ(count_params(*r.value()), 118595023);
  EXPECT_EQ(r.value()->noise_channels(), 1);
  EXPECT_EQ(r.value()->latent_channels(), 3);
}

TEST(UNetModelSwin, TimestepEmbeddingIsCosThenSin) {
  auto emb = timestep_embedding(torch::tensor({0, 5, 14}, at::kLong), 160);
  ASSERT_EQ(emb.sizes(), (Shape{3, 160}));
  EXPECT_TRUE(at::equal(emb[0].narrow(0, 0, 80), torch::ones({80})));
  EXPECT_TRUE(at::equal(emb[0].narrow(0, 80, 80), torch::zeros({80})));
  for (int k : {0, 1, 17, 79}) {
    const double f = std::exp(-std::log(10000.0) * k / 80.0);
    EXPECT_NEAR(emb[1][k].item<float>(), std::cos(5.0 * f), 1e-5) << k;
    EXPECT_NEAR(emb[1][80 + k].item<float>(), std::sin(5.0 * f), 1e-5) << k;
    EXPECT_NEAR(emb[2][k].item<float>(), std::cos(14.0 * f), 1e-5) << k;
  }
  auto odd = timestep_embedding(torch::tensor({3}, at::kLong), 7);
  EXPECT_EQ(odd.size(1), 7);
  EXPECT_EQ(odd[0][6].item<float>(), 0.0f);
}

TEST(UNetModelSwin, SmallForwardShapesAtAndAwayFromTheBuildSize) {
  torch::manual_seed(1);
  torch::NoGradGuard no_grad;
  auto r = make_unet(testing::small_unet_params(), 0);
  ASSERT_TRUE(r.ok()) << r.error().what();
  auto& unet = *r.value();
  unet.eval();
  for (auto hw : {std::pair<int64_t, int64_t>{64, 64}, {128, 64}}) {
    auto x = torch::randn({1, 3, hw.first, hw.second});
    auto lq = torch::rand({1, 3, hw.first, hw.second}) * 2 - 1;
    auto y = unet.denoise(x, torch::tensor({14}, at::kLong), lq, std::nullopt);
    EXPECT_EQ(y.sizes(), (Shape{1, 3, hw.first, hw.second}));
    EXPECT_TRUE(y.isfinite().all().item<bool>());
  }
  // Batch of two equals two single runs (windows and masks do not leak across samples).
  auto x = torch::randn({2, 3, 32, 32});
  auto lq = torch::randn({2, 3, 32, 32});
  auto t = torch::tensor({3, 9}, at::kLong);
  auto both = unet.forward(x, t, lq);
  auto first = unet.forward(x.narrow(0, 0, 1), t.narrow(0, 0, 1), lq.narrow(0, 0, 1));
  EXPECT_TRUE(at::allclose(both.narrow(0, 0, 1), first, 1e-4, 1e-4));
  EXPECT_THROW(unet.forward(x, t, torch::Tensor()), c10::Error);  // lq is required
}

TEST(UNetModelSwin, NoiseChannelIsAppendedLast) {
  torch::manual_seed(2);
  torch::NoGradGuard no_grad;
  auto r = make_unet(testing::small_unet_params(), 1);
  ASSERT_TRUE(r.ok());
  auto& unet = *r.value();
  auto w = unet.named_parameters()["input_blocks.0.0.weight"];
  ASSERT_EQ(w.size(1), 7);
  auto x = torch::randn({1, 3, 32, 32});
  auto lq = torch::randn({1, 3, 32, 32});
  auto t = torch::tensor({14}, at::kLong);
  auto y1 = unet.denoise(x, t, lq, torch::randn({1, 1, 32, 32}));
  EXPECT_EQ(y1.sizes(), (Shape{1, 3, 32, 32}));
  // With the noise slice zeroed (how RSD widens the teacher) the noise has no effect.
  w.narrow(1, 6, 1).zero_();
  auto a = unet.denoise(x, t, lq, torch::randn({1, 1, 32, 32}));
  auto b = unet.denoise(x, t, lq, torch::randn({1, 1, 32, 32}));
  EXPECT_TRUE(at::equal(a, b));
  EXPECT_THROW(unet.denoise(x, t, lq, std::nullopt), c10::Error);
}

TEST(UNetModelSwin, LqResidualStartsFromTheBicubicUpscale) {
  torch::manual_seed(3);
  torch::NoGradGuard no_grad;
  auto p = testing::small_unet_params();
  p["out_channels"] = 48;
  p["in_channels"] = 48;
  p["lq_residual_factor"] = 4;
  auto r = make_unet(p, 0);
  ASSERT_TRUE(r.ok()) << r.error().what();
  auto& unet = *r.value();
  auto lq = torch::rand({1, 3, 32, 32}) * 2 - 1;
  auto x = torch::randn({1, 48, 32, 32});
  auto t = torch::tensor({2}, at::kLong);
  auto bicubic = at::pixel_unshuffle(
      at::upsample_bicubic2d(lq, {128, 128}, /*align_corners=*/false, 4.0, 4.0), 4);
  auto with_random_head = unet.forward(x, t, lq);
  EXPECT_GT((with_random_head - bicubic).abs().max().item<double>(), 1e-3);
  // With a zero output conv (how training starts) x0 is exactly the bicubic upscale, in latent layout.
  for (auto& kv : unet.named_parameters())
    if (kv.key().rfind("out.", 0) == 0) kv.value().zero_();
  EXPECT_TRUE(at::allclose(unet.forward(x, t, lq), bicubic, 1e-6, 1e-6));

  p["out_channels"] = 12;  // 3 f^2 must equal the latent channels
  EXPECT_FALSE(make_unet(p, 0).ok());
  p["out_channels"] = 48;
  p["cond_lq"] = false;
  EXPECT_FALSE(make_unet(p, 0).ok());
}

TEST(UNetModelSwin, BadConfigIsAnError) {
  auto p = testing::small_unet_params();
  p["swin_embed_dim"] = 48;
  auto r = make_unet(p, 0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_FALSE(make_unet(testing::small_unet_params(), -1).ok());
}

}  // namespace
}  // namespace rsd::engine
