#include "engine/nn/swin_transformer.h"

#include "engine/nn/basic_ops.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

namespace rsd::engine {
namespace {

int64_t masked_pairs(const torch::Tensor& window_mask) { return (window_mask == -100.0f).sum().item<int64_t>(); }

TEST(SwinMask, SixteenByMasksOnlyTheBottomWindowRowByColumnHalves) {
  auto m = calculate_swin_mask(16, 16, 8, 4);
  ASSERT_EQ(m.sizes(), (std::vector<int64_t>{4, 64, 64}));
  EXPECT_EQ(masked_pairs(m[0]), 0);
  EXPECT_EQ(masked_pairs(m[1]), 0);
  EXPECT_EQ(masked_pairs(m[2]), 2048);
  EXPECT_EQ(masked_pairs(m[3]), 2048);  // textbook Swin would mask 3072 pairs here
  EXPECT_EQ(masked_pairs(m), 4096);
  // Values are exactly 0 or -100.
  EXPECT_EQ(((m == 0.0f) | (m == -100.0f)).all().item<bool>(), true);
  // In a masked window, token (r, c) sees (r', c') iff both columns are on the same side of 4.
  const auto m3 = m[3].contiguous();
  auto w = m3.accessor<float, 2>();
  for (int i = 0; i < 64; ++i) {
    for (int j = 0; j < 64; ++j) {
      const bool same_side = ((i % 8) < 4) == ((j % 8) < 4);
      ASSERT_EQ(w[i][j], same_side ? 0.0f : -100.0f) << i << "," << j;
    }
  }
}

TEST(SwinMask, WideMapMasksExactlyTheBottomWindowRow) {
  auto m = calculate_swin_mask(128, 192, 8, 4);  // 16 x 24 windows
  ASSERT_EQ(m.size(0), 384);
  auto per_window = (m == -100.0f).sum({1, 2});
  int masked = 0;
  for (int64_t k = 0; k < 384; ++k) {
    const bool last_row = k >= 15 * 24;
    const int64_t n = per_window[k].item<int64_t>();
    EXPECT_EQ(n, last_row ? 2048 : 0) << "window " << k;
    masked += n > 0;
  }
  EXPECT_EQ(masked, 24);
}

TEST(SwinMask, ShiftZeroIsUnmasked) {
  EXPECT_EQ(masked_pairs(calculate_swin_mask(32, 16, 8, 0)), 0);
}

TEST(SwinMask, RelativePositionIndexIsStandard) {
  auto idx = relative_position_index(8);
  ASSERT_EQ(idx.sizes(), (std::vector<int64_t>{64, 64}));
  ASSERT_EQ(idx.scalar_type(), at::kLong);
  auto a = idx.accessor<int64_t, 2>();
  for (int i = 0; i < 64; i += 7) {
    for (int j = 0; j < 64; j += 5) {
      const int dr = i / 8 - j / 8 + 7, dc = i % 8 - j % 8 + 7;
      ASSERT_EQ(a[i][j], dr * 15 + dc);
    }
  }
  EXPECT_EQ(idx.max().item<int64_t>(), 224);
}

TEST(Conv1x1, MatchesConv2dWithAndWithoutBias) {
  torch::manual_seed(12);
  auto x = torch::randn({2, 24, 5, 7});
  auto w = torch::randn({40, 24, 1, 1});
  auto b = torch::randn({40});
  {
    torch::NoGradGuard no_grad;  // oneDNN path
    EXPECT_TRUE(at::allclose(conv1x1(x, w, b), at::conv2d(x, w, b), 1e-4, 1e-5));
    EXPECT_TRUE(at::allclose(conv1x1(x.transpose(2, 3), w), at::conv2d(x.transpose(2, 3), w), 1e-4, 1e-5));
  }
  auto wg = w.clone().requires_grad_(true);  // autograd path
  auto y = conv1x1(x, wg, b);
  y.sum().backward();
  EXPECT_TRUE(wg.grad().defined());
}

TEST(SwinBlock, SmallResolutionDropsTheShiftAndTheMask) {
  SwinOptions o;
  o.dim = 32;
  o.heads = 2;
  o.window = 8;
  o.shift = 4;
  o.resolution = 8;
  SwinTransformerBlock at_window(o);
  EXPECT_EQ(at_window.shift(), 0);
  EXPECT_EQ(at_window.named_buffers().size(), 1u);  // relative_position_index only
  o.resolution = 16;
  SwinTransformerBlock shifted(o);
  EXPECT_EQ(shifted.shift(), 4);
  auto buffers = shifted.named_buffers();
  ASSERT_TRUE(buffers.contains("attn_mask"));
  EXPECT_EQ(buffers["attn_mask"].sizes(), (std::vector<int64_t>{4, 64, 64}));
}

// Straight transcription of the reference forward (token-major Linear layers, window_partition,
// q*scale, + bias, + mask, softmax, window_reverse, roll back, residuals).
torch::Tensor reference_block(SwinTransformerBlock& blk, const torch::Tensor& x, int64_t heads) {
  auto p = blk.named_parameters();
  const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
  const int64_t ws = blk.window(), s = blk.shift(), n = ws * ws, hd = c / heads;
  auto gn = [&](const char* name, const torch::Tensor& t) {
    return at::group_norm(t, 32, p[std::string(name) + ".weight"], p[std::string(name) + ".bias"], 1e-5);
  };
  auto y = gn("norm1", x);
  if (s > 0) y = at::roll(y, {-s, -s}, {2, 3});
  auto win = y.view({b, c, h / ws, ws, w / ws, ws}).permute({0, 2, 4, 3, 5, 1}).reshape({-1, n, c});
  auto qkv = at::linear(win, p["attn.qkv.weight"], p["attn.qkv.bias"])
                 .reshape({-1, n, 3, heads, hd})
                 .permute({2, 0, 3, 1, 4});
  auto attn = at::matmul(qkv[0] * std::pow(static_cast<double>(hd), -0.5), qkv[1].transpose(-2, -1));
  auto index = blk.named_buffers()["attn.relative_position_index"];
  auto bias = p["attn.relative_position_bias_table"].index_select(0, index.view(-1)).view({n, n, -1}).permute({2, 0, 1});
  attn = attn + bias.unsqueeze(0);
  if (s > 0) {
    auto mask = calculate_swin_mask(h, w, ws, s);
    const int64_t nw = mask.size(0);
    attn = (attn.view({b, nw, heads, n, n}) + mask.unsqueeze(1).unsqueeze(0)).view({-1, heads, n, n});
  }
  auto out = at::matmul(attn.softmax(-1), qkv[2]).transpose(1, 2).reshape({-1, n, c});
  out = at::linear(out, p["attn.proj.weight"], p["attn.proj.bias"]);
  out = out.view({b, h / ws, w / ws, ws, ws, c}).permute({0, 5, 1, 3, 2, 4}).reshape({b, c, h, w});
  if (s > 0) out = at::roll(out, {s, s}, {2, 3});
  auto x1 = x + out;
  auto m = at::conv2d(at::gelu(at::conv2d(gn("norm2", x1), p["mlp.fc1.weight"], p["mlp.fc1.bias"])),
                      p["mlp.fc2.weight"], p["mlp.fc2.bias"]);
  return x1 + m;
}

TEST(SwinBlock, MatchesTheReferenceForwardAtAndAwayFromTheConstructionSize) {
  torch::manual_seed(7);
  torch::NoGradGuard no_grad;
  SwinOptions o;
  o.dim = 64;
  o.heads = 2;
  o.window = 4;
  o.shift = 2;
  o.resolution = 8;
  o.mlp_ratio = 2.0;
  SwinTransformerBlock blk(o);
  for (auto& kv : blk.named_parameters()) kv.value().normal_(0.0, 0.2);  // break symmetric init
  for (auto shape : {std::vector<int64_t>{1, 64, 8, 8}, std::vector<int64_t>{2, 64, 8, 16},
                     std::vector<int64_t>{1, 64, 12, 8}}) {
    auto x = torch::randn(shape);
    auto got = blk.forward(x);
    auto want = reference_block(blk, x, 2);
    EXPECT_TRUE(at::allclose(got, want, 1e-4, 1e-4)) << shape[2] << "x" << shape[3] << " max diff "
                                                     << (got - want).abs().max().item<float>();
  }
}

TEST(BasicLayer, HasNoOuterResidualAndReportsDerivedBuffers) {
  torch::NoGradGuard no_grad;
  BasicLayerOptions o;
  o.in_chans = 32;
  o.embed_dim = 32;
  o.heads = 2;
  o.window = 4;
  o.img_size = 8;
  BasicLayer layer(o);
  auto p = layer.named_parameters();
  p["patch_unembed.proj.weight"].zero_();
  p["patch_unembed.proj.bias"].fill_(0.5);
  auto y = layer.forward(torch::randn({1, 32, 8, 8}));
  EXPECT_TRUE(at::allclose(y, at::full_like(y, 0.5)));  // nothing of x leaks past the unembed
  std::map<std::string, torch::Tensor> derived;
  layer.derived_buffers("x.", derived);
  ASSERT_EQ(derived.size(), 3u);
  auto buffers = layer.named_buffers();
  for (const auto& [key, value] : derived) {
    ASSERT_TRUE(buffers.contains(key.substr(2))) << key;
    EXPECT_TRUE(at::equal(buffers[key.substr(2)], value)) << key;
  }
}

}  // namespace
}  // namespace rsd::engine
