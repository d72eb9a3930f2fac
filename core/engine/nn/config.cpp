// Parsing of the official YAML params (zsyOAOA/ResShift configs/*.yaml) given as JSON.
#include "engine/nn/config.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace rsd::engine {
namespace {

// Reads typed fields from one JSON object; the first problem is kept and reported with its key.
class FieldReader {
 public:
  FieldReader(const nlohmann::json& obj, std::string prefix) : obj_(obj), prefix_(std::move(prefix)) {}

  void read(const char* key, int& out, bool required) {
    const auto* v = find(key, required);
    if (!v) return;
    if (!v->is_number_integer()) return fail(key, "expected an integer");
    out = v->get<int>();
  }
  void read(const char* key, double& out, bool required) {
    const auto* v = find(key, required);
    if (!v) return;
    if (!v->is_number()) return fail(key, "expected a number");
    out = v->get<double>();
  }
  void read(const char* key, bool& out, bool required) {
    const auto* v = find(key, required);
    if (!v) return;
    if (!v->is_boolean()) return fail(key, "expected true or false");
    out = v->get<bool>();
  }
  // A list of integers; with scalar_ok a single integer is accepted as a one-element list
  // (num_res_blocks may be either in the YAML).
  void read(const char* key, std::vector<int>& out, bool required, bool scalar_ok = false) {
    const auto* v = find(key, required);
    if (!v) return;
    if (scalar_ok && v->is_number_integer()) {
      out = {v->get<int>()};
      return;
    }
    if (!v->is_array()) return fail(key, "expected a list of integers");
    std::vector<int> values;
    for (const auto& e : *v) {
      if (!e.is_number_integer()) return fail(key, "expected a list of integers");
      values.push_back(e.get<int>());
    }
    out = std::move(values);
  }
  const nlohmann::json* object(const char* key) {
    const auto* v = find(key, true);
    if (v && !v->is_object()) {
      fail(key, "expected an object");
      return nullptr;
    }
    return v;
  }
  void check(bool condition, const char* key, const std::string& message) {
    if (!condition) fail(key, message);
  }
  bool ok() const { return !error_; }
  Error error() const { return *error_; }

 private:
  const nlohmann::json* find(const char* key, bool required) {
    if (error_) return nullptr;
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) {
      if (required) fail(key, "required key is missing");
      return nullptr;
    }
    return &*it;
  }
  void fail(const char* key, const std::string& message) {
    if (!error_) error_ = Error(ErrorCode::InvalidArgument, message, prefix_ + key);
  }

  const nlohmann::json& obj_;
  std::string prefix_;
  std::optional<Error> error_;
};

bool all_positive(const std::vector<int>& v) {
  for (int x : v)
    if (x <= 0) return false;
  return !v.empty();
}

// Expands a scalar num_res_blocks to one entry per level.
void expand_per_level(std::vector<int>& blocks, size_t levels) {
  if (blocks.size() == 1 && levels > 1) blocks.assign(levels, blocks[0]);
}

}  // namespace

int UNetConfig::swin_heads() const {
  return num_head_channels == -1 ? num_heads : swin_embed_dim / num_head_channels;
}

int UNetConfig::lq_downsamples() const {
  int n = 0;
  for (int r = image_size; r < lq_size; r *= 2) ++n;
  return n;
}

int UNetConfig::lq_channels() const {
  if (!cond_lq) return 0;
  const int base = cond_mask ? 4 : 3;
  return lq_downsamples() == 0 ? base : 16 << lq_downsamples();
}

int UNetConfig::first_conv_in_channels(int noise_channels) const {
  const int lq = lq_channels();
  // SinSR / RSD write the already-widened count: latent (= out_channels) + lq.
  const bool lq_counted = lq > 0 && lq_downsamples() == 0 && in_channels == out_channels + lq;
  return (lq_counted ? in_channels : in_channels + lq) + noise_channels;
}

Result<UNetConfig> parse_unet_config(const nlohmann::json& params) {
  if (!params.is_object())
    return Error(ErrorCode::InvalidArgument, "expected an object", "model.params");
  UNetConfig c;
  FieldReader r(params, "model.params.");
  r.read("image_size", c.image_size, true);
  r.read("in_channels", c.in_channels, true);
  r.read("model_channels", c.model_channels, true);
  r.read("out_channels", c.out_channels, true);
  r.read("num_res_blocks", c.num_res_blocks, true, /*scalar_ok=*/true);
  r.read("attention_resolutions", c.attention_resolutions, true);
  r.read("dropout", c.dropout, false);
  r.read("channel_mult", c.channel_mult, false);
  r.read("conv_resample", c.conv_resample, false);
  r.read("dims", c.dims, false);
  r.read("use_fp16", c.use_fp16, false);
  r.read("num_heads", c.num_heads, false);
  r.read("num_head_channels", c.num_head_channels, false);
  r.read("use_scale_shift_norm", c.use_scale_shift_norm, false);
  r.read("resblock_updown", c.resblock_updown, false);
  r.read("swin_depth", c.swin_depth, false);
  r.read("swin_embed_dim", c.swin_embed_dim, false);
  r.read("window_size", c.window_size, false);
  r.read("mlp_ratio", c.mlp_ratio, false);
  r.read("patch_norm", c.patch_norm, false);
  r.read("cond_lq", c.cond_lq, false);
  r.read("cond_mask", c.cond_mask, false);
  r.read("lq_size", c.lq_size, false);
  r.read("lq_residual_factor", c.lq_residual_factor, false);
  if (!r.ok()) return r.error();

  expand_per_level(c.num_res_blocks, c.channel_mult.size());
  const int levels = static_cast<int>(c.channel_mult.size());
  r.check(c.image_size > 0, "image_size", "must be positive");
  r.check(c.in_channels > 0 && c.out_channels > 0, "in_channels", "channel counts must be positive");
  r.check(c.model_channels > 0 && c.model_channels % 32 == 0, "model_channels",
          "must be a positive multiple of 32 (GroupNorm with 32 groups)");
  r.check(all_positive(c.channel_mult), "channel_mult", "must be a non-empty list of positive integers");
  r.check(c.num_res_blocks.size() == c.channel_mult.size() && all_positive(c.num_res_blocks),
          "num_res_blocks", "needs one positive entry per channel_mult level");
  r.check(c.dims == 2, "dims", "only 2-D networks are supported");
  r.check(levels <= 16 && c.image_size % (1 << (levels - 1)) == 0, "image_size",
          "must be divisible by 2^(levels-1)");
  r.check(c.swin_depth > 0 && c.window_size > 0 && c.mlp_ratio > 0, "swin_depth",
          "swin_depth, window_size and mlp_ratio must be positive");
  r.check(c.swin_embed_dim > 0 && c.swin_embed_dim % 32 == 0, "swin_embed_dim",
          "must be a positive multiple of 32 (GroupNorm with 32 groups)");
  r.check(c.num_head_channels == -1 ||
              (c.num_head_channels > 0 && c.swin_embed_dim % c.num_head_channels == 0),
          "num_head_channels", "must be -1 or divide swin_embed_dim");
  r.check(c.swin_heads() > 0 && c.swin_embed_dim % c.swin_heads() == 0, "num_heads",
          "must divide swin_embed_dim");
  r.check(c.dropout >= 0.0 && c.dropout < 1.0, "dropout", "must be in [0, 1)");
  r.check(!c.cond_lq || (c.lq_size >= c.image_size && c.lq_size % c.image_size == 0 &&
                         (c.image_size << c.lq_downsamples()) == c.lq_size),
          "lq_size", "must be image_size times a power of two");
  r.check(c.lq_residual_factor == 0 ||
              (c.lq_residual_factor > 0 && c.cond_lq && c.lq_downsamples() == 0 &&
               c.out_channels == 3 * c.lq_residual_factor * c.lq_residual_factor),
          "lq_residual_factor",
          "needs cond_lq, lq_size == image_size and out_channels == 3 * factor^2");
  for (int m : c.channel_mult) {
    r.check(m * c.model_channels % 32 == 0, "channel_mult",
            "every level width must be a multiple of 32");
  }
  if (!r.ok()) return r.error();
  return c;
}

namespace {

Result<DDConfig> parse_ddconfig(const nlohmann::json& dd) {
  DDConfig c;
  FieldReader r(dd, "autoencoder.params.ddconfig.");
  r.read("double_z", c.double_z, false);
  r.read("z_channels", c.z_channels, true);
  r.read("resolution", c.resolution, true);
  r.read("in_channels", c.in_channels, true);
  r.read("out_ch", c.out_ch, true);
  r.read("ch", c.ch, true);
  r.read("ch_mult", c.ch_mult, false);
  r.read("num_res_blocks", c.num_res_blocks, true, /*scalar_ok=*/true);
  r.read("attn_resolutions", c.attn_resolutions, true);
  r.read("dropout", c.dropout, false);
  r.read("resamp_with_conv", c.resamp_with_conv, false);
  if (!r.ok()) return r.error();

  expand_per_level(c.num_res_blocks, c.ch_mult.size());
  r.check(!c.double_z, "double_z", "a VQ autoencoder needs double_z false");
  r.check(c.z_channels > 0 && c.in_channels > 0 && c.out_ch > 0 && c.resolution > 0, "z_channels",
          "z_channels, in_channels, out_ch and resolution must be positive");
  r.check(c.ch > 0 && c.ch % 32 == 0, "ch", "must be a positive multiple of 32 (GroupNorm)");
  r.check(all_positive(c.ch_mult) && c.ch_mult.size() <= 8, "ch_mult",
          "must be a non-empty list of positive integers");
  r.check(c.num_res_blocks.size() == c.ch_mult.size() && all_positive(c.num_res_blocks),
          "num_res_blocks", "needs one positive entry per ch_mult level");
  r.check(c.dropout >= 0.0 && c.dropout < 1.0, "dropout", "must be in [0, 1)");
  if (!r.ok()) return r.error();
  return c;
}

}  // namespace

Result<VQConfig> parse_vq_config(const nlohmann::json& params) {
  if (!params.is_object())
    return Error(ErrorCode::InvalidArgument, "expected an object", "autoencoder.params");
  VQConfig c;
  FieldReader r(params, "autoencoder.params.");
  r.read("embed_dim", c.embed_dim, true);
  r.read("n_embed", c.n_embed, true);
  const nlohmann::json* dd = r.object("ddconfig");
  if (!r.ok()) return r.error();
  r.check(c.embed_dim > 0, "embed_dim", "must be positive");
  r.check(c.n_embed > 0, "n_embed", "must be positive");
  if (!r.ok()) return r.error();
  auto ddc = parse_ddconfig(*dd);
  if (!ddc) return ddc.error();
  c.ddconfig = std::move(ddc.value());
  return c;
}

}  // namespace rsd::engine
