// Swin layers of the ResShift UNet (zsyOAOA/ResShift models/swin_transformer.py).
#include "engine/nn/swin_transformer.h"

#include <ATen/ATen.h>

#include <cmath>

#include "engine/nn/basic_ops.h"

namespace rsd::engine {
namespace {

// Python slice [start:stop] with negative indices on a length-n axis, clamped like Python does.
std::pair<int64_t, int64_t> py_slice(int64_t start, int64_t stop, bool open_end, int64_t n) {
  auto norm = [n](int64_t i) { return i < 0 ? std::max<int64_t>(i + n, 0) : std::min(i, n); };
  const int64_t s = norm(start), e = open_end ? n : norm(stop);
  return {s, std::max(s, e)};
}

}  // namespace

torch::Tensor calculate_swin_mask(int64_t height, int64_t width, int64_t window, int64_t shift) {
  TORCH_CHECK(height % window == 0 && width % window == 0, "map ", height, "x", width,
              " is not a multiple of the window size ", window);
  // The reference fills img_mask[:, h, w, :] of a (1, 1, H, W) tensor: the h slices hit the
  // size-1 axis (only slice(-shift, None) is non-empty there, and only when shift > 0 ... or the
  // whole axis when shift == 0), the w slices hit the rows. Net effect: a label per row.
  auto rows = at::zeros({height}, at::kFloat);
  const std::pair<int64_t, int64_t> h_slices[3] = {
      py_slice(0, -window, false, 1), py_slice(-window, -shift, false, 1),
      py_slice(-shift, 0, /*open_end=*/true, 1)};
  const std::pair<int64_t, int64_t> w_slices[3] = {
      py_slice(0, -window, false, height), py_slice(-window, -shift, false, height),
      py_slice(-shift, 0, /*open_end=*/true, height)};
  float label = 0.0f;
  for (const auto& hs : h_slices) {
    for (const auto& ws : w_slices) {
      if (hs.second > hs.first && ws.second > ws.first)
        rows.narrow(0, ws.first, ws.second - ws.first).fill_(label);
      label += 1.0f;
    }
  }
  const int64_t nh = height / window, nw = width / window, n = window * window;
  // window_partition -> [nW, r, c]; the reference then permutes to (c, r) before flattening.
  auto img = rows.view({height, 1}).expand({height, width});
  auto win = img.reshape({nh, window, nw, window}).permute({0, 2, 3, 1}).reshape({nh * nw, n});
  auto diff = win.unsqueeze(1) - win.unsqueeze(2);  // [nW, N, N]
  return at::where(diff != 0, at::full({}, -100.0f), at::zeros({}, at::kFloat));
}

torch::Tensor relative_position_index(int64_t window) {
  auto coords = at::arange(window, at::kLong);
  auto r = coords.view({window, 1}).expand({window, window}).reshape({-1});  // row of token
  auto c = coords.view({1, window}).expand({window, window}).reshape({-1});  // col of token
  auto dr = r.unsqueeze(1) - r.unsqueeze(0) + (window - 1);
  auto dc = c.unsqueeze(1) - c.unsqueeze(0) + (window - 1);
  return (dr * (2 * window - 1) + dc).contiguous();
}

WindowAttention::WindowAttention(int64_t dim, int64_t window, int64_t heads)
    : dim_(dim), window_(window), heads_(heads) {
  TORCH_CHECK(dim % heads == 0, "Swin dim ", dim, " is not divisible by ", heads, " heads");
  table_ = register_parameter("relative_position_bias_table",
                              at::zeros({(2 * window - 1) * (2 * window - 1), heads}));
  {
    torch::NoGradGuard no_grad;
    table_.normal_(0.0, 0.02).clamp_(-2.0, 2.0);  // trunc_normal_(std=.02)
  }
  index_ = register_buffer("relative_position_index", relative_position_index(window));
  qkv_ = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
  proj_ = register_module("proj", torch::nn::Linear(dim, dim));
}

torch::Tensor WindowAttention::forward(const torch::Tensor& x, const torch::Tensor& mask) {
  const int64_t b = x.size(0), h = x.size(2), w = x.size(3), ws = window_;
  const int64_t nh = h / ws, nw = w / ws, n = ws * ws, hd = dim_ / heads_;
  // The Linear layers act per token, so they run as 1x1 convs on the whole map (oneDNN) and
  // commute with the window partition.
  auto qkv = conv1x1(x, qkv_->weight.view({3 * dim_, dim_, 1, 1}), qkv_->bias);
  // [B, 3, heads, hd, nh, ws, nw, ws] -> [3, B*nW, heads, N, hd]: partition and split in one copy.
  qkv = qkv.view({b, 3, heads_, hd, nh, ws, nw, ws})
            .permute({1, 0, 4, 6, 2, 5, 7, 3})
            .reshape({3, b * nh * nw, heads_, n, hd});
  const int64_t g = b * nh * nw * heads_;
  auto q = (qkv[0] * (1.0 / std::sqrt(static_cast<double>(hd)))).view({g, n, hd});
  auto kt = qkv[1].reshape({g, n, hd}).transpose(1, 2);       // [G, hd, N]
  // at::matmul runs on the system BLAS (OpenBLAS, install-deps.sh). A hand-written batched kernel
  // for these 64 x 32 x 64 products was measured against it in the shipped student at 1 MP on
  // 2026-12-04 (2-core AMD EPYC): 0.56 vs 0.58 output MP/s, so LibTorch's stays.
  auto attn = at::matmul(q, kt).view({b * nh * nw, heads_, n, n});
  auto bias = table_.index_select(0, index_.view({-1})).view({n, n, heads_}).permute({2, 0, 1});
  attn.add_(bias.to(attn.scalar_type()));
  if (mask.defined()) {
    attn.view({b, nh * nw, heads_, n, n}).add_(mask.unsqueeze(1).to(attn.scalar_type()));
  }
  // In float32 for half inputs, as under the official autocast: exp over 64 logits in bf16 loses
  // too much.
  attn = attn.scalar_type() == at::kFloat ? attn.softmax(-1)
                                          : attn.softmax(-1, at::kFloat).to(attn.scalar_type());
  auto out = at::matmul(attn.view({g, n, n}), qkv[2].reshape({g, n, hd}));  // [G, N, hd]
  // window_reverse: [B, nh, nw, heads, r, c, hd] -> [B, heads*hd, nh*ws, nw*ws]
  out = out.view({b, nh, nw, heads_, ws, ws, hd}).permute({0, 3, 6, 1, 4, 2, 5}).reshape({b, dim_, h, w});
  return conv1x1(out, proj_->weight.view({dim_, dim_, 1, 1}), proj_->bias);
}

SwinTransformerBlock::SwinTransformerBlock(SwinOptions o) : o_(o) {
  if (o_.resolution <= o_.window) {  // the map is one window: no partition, no shift
    o_.shift = 0;
    o_.window = o_.resolution;
  }
  TORCH_CHECK(o_.shift >= 0 && o_.shift < o_.window, "shift must be in [0, window)");
  norm1_ = register_module("norm1", make_group_norm32(o_.dim));
  attn_ = register_module("attn", std::make_shared<WindowAttention>(o_.dim, o_.window, o_.heads));
  norm2_ = register_module("norm2", make_group_norm32(o_.dim));
  auto mlp = register_module("mlp", std::make_shared<torch::nn::Module>());
  const auto hidden = static_cast<int64_t>(static_cast<double>(o_.dim) * o_.mlp_ratio);
  fc1_ = mlp->register_module("fc1", torch::nn::Conv2d(torch::nn::Conv2dOptions(o_.dim, hidden, 1)));
  fc2_ = mlp->register_module("fc2", torch::nn::Conv2d(torch::nn::Conv2dOptions(hidden, o_.dim, 1)));
  if (o_.shift > 0) attn_mask_ = register_buffer("attn_mask", construction_mask());
}

torch::Tensor SwinTransformerBlock::construction_mask() const {
  if (o_.shift == 0) return {};
  return calculate_swin_mask(o_.resolution, o_.resolution, o_.window, o_.shift);
}

torch::Tensor SwinTransformerBlock::mask_for(int64_t h, int64_t w, const torch::Tensor& like) {
  if (o_.shift == 0) return {};  // the reference mask is all zeros then
  if (h == o_.resolution && w == o_.resolution && attn_mask_.device() == like.device())
    return attn_mask_;
  if (!cached_mask_.defined() || cached_h_ != h || cached_w_ != w ||
      cached_mask_.device() != like.device()) {
    cached_mask_ = calculate_swin_mask(h, w, o_.window, o_.shift).to(like.device());
    cached_h_ = h;
    cached_w_ = w;
  }
  return cached_mask_;
}

torch::Tensor SwinTransformerBlock::forward(const torch::Tensor& x) {
  const int64_t h = x.size(2), w = x.size(3), s = o_.shift;
  TORCH_CHECK(h % o_.window == 0 && w % o_.window == 0, "Swin input ", h, "x", w,
              " is not a multiple of the window size ", o_.window);
  auto y = group_norm32(norm1_, x);
  if (s > 0) y = at::roll(y, {-s, -s}, {2, 3});
  y = attn_->forward(y, mask_for(h, w, x));
  if (s > 0) y = at::roll(y, {s, s}, {2, 3});
  auto x1 = y.add_(x);  // shortcut
  auto m = conv1x1(at::gelu(conv1x1(group_norm32(norm2_, x1), fc1_->weight, fc1_->bias)),
                   fc2_->weight, fc2_->bias);
  return m.add_(x1);
}

BasicLayer::BasicLayer(const BasicLayerOptions& o) {
  using torch::nn::Conv2dOptions;
  auto embed = register_module("patch_embed", std::make_shared<torch::nn::Module>());
  embed_ = embed->register_module("proj", torch::nn::Conv2d(Conv2dOptions(o.in_chans, o.embed_dim, 1)));
  if (o.patch_norm) embed_norm_ = embed->register_module("norm", make_group_norm32(o.embed_dim));
  auto unembed = register_module("patch_unembed", std::make_shared<torch::nn::Module>());
  unembed_ = unembed->register_module("proj", torch::nn::Conv2d(Conv2dOptions(o.embed_dim, o.in_chans, 1)));
  if (o.patch_norm) unembed_norm_ = unembed->register_module("norm", make_group_norm32(o.in_chans));

  torch::nn::ModuleList blocks;
  for (int64_t i = 0; i < o.depth; ++i) {
    SwinOptions so;
    so.dim = o.embed_dim;
    so.heads = o.heads;
    so.window = o.window;
    so.shift = (i % 2 == 0) ? 0 : o.window / 2;
    so.resolution = o.img_size;
    so.mlp_ratio = o.mlp_ratio;
    so.drop = o.drop;
    blocks_.push_back(std::make_shared<SwinTransformerBlock>(so));
    blocks->push_back(blocks_.back());
  }
  register_module("blocks", blocks);
}

torch::Tensor BasicLayer::forward(const torch::Tensor& x) {
  auto h = conv1x1(x, embed_->weight, embed_->bias);  // [B, embed, H, W]
  if (embed_norm_) h = group_norm32(embed_norm_, h);
  for (const auto& blk : blocks_) h = blk->forward(h);
  h = conv1x1(h, unembed_->weight, unembed_->bias);  // [B, in, H, W]; no residual around the layer
  if (unembed_norm_) h = group_norm32(unembed_norm_, h);
  return h;
}

void BasicLayer::derived_buffers(const std::string& prefix,
                                 std::map<std::string, torch::Tensor>& out) const {
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const std::string p = prefix + "blocks." + std::to_string(i) + ".";
    out[p + "attn.relative_position_index"] = relative_position_index(blocks_[i]->window());
    if (blocks_[i]->shift() > 0) out[p + "attn_mask"] = blocks_[i]->construction_mask();
  }
}

}  // namespace rsd::engine
