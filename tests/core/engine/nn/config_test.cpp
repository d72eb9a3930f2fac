#include "engine/nn/config.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "official_configs.h"

namespace rsd::engine {
namespace {

using testing::resshift_unet_params;
using testing::vq_f4_params;

TEST(UNetConfig, ParsesTheOfficialParams) {
  auto c = parse_unet_config(resshift_unet_params());
  ASSERT_TRUE(c.ok()) << c.error().what();
  EXPECT_EQ(c->model_channels, 160);
  EXPECT_EQ(c->channel_mult, (std::vector<int>{1, 2, 2, 4}));
  EXPECT_EQ(c->attention_resolutions, (std::vector<int>{64, 32, 16, 8}));
  EXPECT_EQ(c->swin_heads(), 6);
  EXPECT_DOUBLE_EQ(c->mlp_ratio, 4.0);
  EXPECT_TRUE(c->use_scale_shift_norm);
  EXPECT_EQ(c->lq_channels(), 3);
  EXPECT_EQ(c->first_conv_in_channels(0), 6);
  EXPECT_EQ(c->first_conv_in_channels(1), 7);
}

TEST(UNetConfig, SinSRStyleInChannelsAlreadyCountLq) {
  auto p = resshift_unet_params();
  p["in_channels"] = 6;
  auto c = parse_unet_config(p);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->first_conv_in_channels(0), 6);
  EXPECT_EQ(c->first_conv_in_channels(1), 7);
}

TEST(UNetConfig, MissingOptionalKeysTakeReferenceDefaults) {
  auto p = nlohmann::json::parse(R"({"image_size": 64, "in_channels": 3, "model_channels": 64,
      "out_channels": 3, "num_res_blocks": 2, "attention_resolutions": [], "lq_size": 64,
      "some_future_key": {"x": 1}})");
  auto c = parse_unet_config(p);
  ASSERT_TRUE(c.ok()) << c.error().what();
  EXPECT_EQ(c->channel_mult, (std::vector<int>{1, 2, 4, 8}));
  EXPECT_EQ(c->num_res_blocks, (std::vector<int>{2, 2, 2, 2}));  // scalar expanded per level
  EXPECT_EQ(c->swin_embed_dim, 96);
  EXPECT_DOUBLE_EQ(c->mlp_ratio, 2.0);
  EXPECT_EQ(c->num_heads, 1);
  EXPECT_EQ(c->num_head_channels, -1);
  EXPECT_EQ(c->swin_heads(), 1);
  EXPECT_FALSE(c->use_scale_shift_norm);
  EXPECT_TRUE(c->conv_resample);
  EXPECT_TRUE(c->cond_lq);
  EXPECT_FALSE(c->patch_norm);
}

TEST(UNetConfig, LargerLqGetsAFeatureExtractorWidth) {
  auto p = resshift_unet_params();
  p["lq_size"] = 256;  // two stride-2 stages: 16 -> 32 -> 64 channels
  auto c = parse_unet_config(p);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->lq_downsamples(), 2);
  EXPECT_EQ(c->first_conv_in_channels(0), 3 + 64);
}

TEST(UNetConfig, RejectsBadValuesNamingTheKey) {
  struct Case {
    const char* key;
    nlohmann::json value;
  };
  const Case cases[] = {
      {"image_size", "64"},         {"channel_mult", nlohmann::json::array({1, "2"})},
      {"use_scale_shift_norm", 1},  {"mlp_ratio", "4"},
      {"num_res_blocks", {2, 2}},   {"model_channels", 100},
      {"num_head_channels", 50},    {"dims", 3},
      {"lq_size", 96},              {"attention_resolutions", 64},
  };
  for (const auto& c : cases) {
    auto p = resshift_unet_params();
    p[c.key] = c.value;
    auto r = parse_unet_config(p);
    ASSERT_FALSE(r.ok()) << c.key;
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(r.error().context.find(c.key), std::string::npos) << r.error().what();
  }
  auto p = resshift_unet_params();
  p.erase("model_channels");
  auto r = parse_unet_config(p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context, "model.params.model_channels");
  EXPECT_FALSE(parse_unet_config(nlohmann::json::array()).ok());
}

TEST(VQConfig, ParsesTheOfficialParams) {
  auto c = parse_vq_config(vq_f4_params());
  ASSERT_TRUE(c.ok()) << c.error().what();
  EXPECT_EQ(c->embed_dim, 3);
  EXPECT_EQ(c->n_embed, 8192);
  EXPECT_EQ(c->ddconfig.ch, 128);
  EXPECT_EQ(c->ddconfig.num_res_blocks, (std::vector<int>{2, 2, 2}));
  EXPECT_TRUE(c->ddconfig.attn_resolutions.empty());
  EXPECT_FALSE(c->ddconfig.double_z);
  EXPECT_EQ(c->downsample_factor(), 4);
}

TEST(VQConfig, RejectsBadValues) {
  auto p = vq_f4_params();
  p["ddconfig"]["double_z"] = true;
  EXPECT_FALSE(parse_vq_config(p).ok());
  p = vq_f4_params();
  p["ddconfig"]["ch"] = "128";
  auto r = parse_vq_config(p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context, "autoencoder.params.ddconfig.ch");
  p = vq_f4_params();
  p.erase("ddconfig");
  EXPECT_FALSE(parse_vq_config(p).ok());
  p = vq_f4_params();
  p["n_embed"] = 0;
  EXPECT_FALSE(parse_vq_config(p).ok());
}

}  // namespace
}  // namespace rsd::engine
