#include "engine/train/train_config.h"

#include <cmath>
#include <fstream>
#include <set>

namespace rsd::engine::train {
namespace {

// Typed reads that name the offending key; `prefix` locates nested objects ("distill.").
class Reader {
 public:
  Reader(const nlohmann::json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {}

  Status check_keys(const std::set<std::string>& known) const {
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (!known.count(it.key()))
        return Error(ErrorCode::InvalidArgument, "unknown training config key", prefix_ + it.key());
    return {};
  }

  template <class T>
  Status get(const char* key, T& out) const {
    auto it = j_.find(key);
    if (it == j_.end()) return {};
    const bool ok = std::is_same_v<T, bool>          ? it->is_boolean()
                    : std::is_same_v<T, std::string> ? it->is_string()
                    : std::is_integral_v<T>          ? it->is_number_integer()
                                                     : it->is_number();
    if (!ok) return Error(ErrorCode::InvalidArgument, "wrong type: expected " + type_name<T>(),
                          prefix_ + key);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      if (std::is_unsigned_v<T> && it->is_number_integer() && it->template get<std::int64_t>() < 0)
        return Error(ErrorCode::InvalidArgument, "must not be negative", prefix_ + key);
    }
    out = it->template get<T>();
    return {};
  }

 private:
  template <class T>
  static std::string type_name() {
    if constexpr (std::is_same_v<T, bool>) return "a boolean";
    else if constexpr (std::is_same_v<T, std::string>) return "a string";
    else if constexpr (std::is_integral_v<T>) return "an integer";
    else return "a number";
  }

  const nlohmann::json& j_;
  std::string prefix_;
};

Error range_error(const std::string& key, const std::string& what) {
  return Error(ErrorCode::InvalidArgument, what, key);
}

#define RSD_TRY(expr)                 \
  do {                                \
    auto rsd_status_ = (expr);        \
    if (!rsd_status_) return rsd_status_.error(); \
  } while (0)

Status read_distill(const nlohmann::json& j, DistillConfig& d) {
  if (!j.is_object()) return range_error("distill", "must be an object");
  Reader r(j, "distill.");
  RSD_TRY(r.check_keys({"fake_updates", "num_steps", "gan_weight", "fake_lr", "disc_channels",
                        "sid_normalization", "pixel_weight", "pixel_lowpass"}));
  RSD_TRY(r.get("fake_updates", d.fake_updates));
  RSD_TRY(r.get("num_steps", d.num_steps));
  RSD_TRY(r.get("gan_weight", d.gan_weight));
  RSD_TRY(r.get("fake_lr", d.fake_lr));
  RSD_TRY(r.get("disc_channels", d.disc_channels));
  RSD_TRY(r.get("sid_normalization", d.sid_normalization));
  RSD_TRY(r.get("pixel_weight", d.pixel_weight));
  RSD_TRY(r.get("pixel_lowpass", d.pixel_lowpass));
  return {};
}

}  // namespace

const char* to_string(DegradationMode mode) {
  return mode == DegradationMode::Bicubic ? "bicubic" : "realesrgan";
}

TrainConfig TrainConfig::defaults_for_distill() {
  TrainConfig c;
  c.steps = 3000;
  c.lr = 5e-5;
  c.warmup_steps = 0;
  c.beta2 = 0.95;
  c.grad_clip = 0.0;
  c.checkpoint_interval = 200;
  c.val_interval = 200;
  return c;
}

Result<TrainConfig> TrainConfig::from_json(const nlohmann::json& j, const TrainConfig& base) {
  if (!j.is_object()) return Error(ErrorCode::InvalidArgument, "training config must be a JSON object");
  TrainConfig c = base;
  Reader r(j, "");
  RSD_TRY(r.check_keys({"data", "out", "device", "threads", "seed", "batch_size", "steps", "lr",
                        "lr_min", "warmup_steps", "lr_schedule", "betas", "weight_decay",
                        "grad_clip", "ema_rate", "checkpoint_interval", "keep_checkpoints",
                        "val_interval", "val_count", "log_interval", "degradation",
                        "degradation_params", "hflip", "init", "distill"}));
  RSD_TRY(r.get("data", c.data));
  RSD_TRY(r.get("out", c.out));
  RSD_TRY(r.get("device", c.device));
  RSD_TRY(r.get("threads", c.threads));
  RSD_TRY(r.get("seed", c.seed));
  RSD_TRY(r.get("batch_size", c.batch_size));
  RSD_TRY(r.get("steps", c.steps));
  RSD_TRY(r.get("lr", c.lr));
  RSD_TRY(r.get("lr_min", c.lr_min));
  RSD_TRY(r.get("warmup_steps", c.warmup_steps));
  RSD_TRY(r.get("weight_decay", c.weight_decay));
  RSD_TRY(r.get("grad_clip", c.grad_clip));
  RSD_TRY(r.get("ema_rate", c.ema_rate));
  RSD_TRY(r.get("checkpoint_interval", c.checkpoint_interval));
  RSD_TRY(r.get("keep_checkpoints", c.keep_checkpoints));
  RSD_TRY(r.get("val_interval", c.val_interval));
  RSD_TRY(r.get("val_count", c.val_count));
  RSD_TRY(r.get("log_interval", c.log_interval));
  RSD_TRY(r.get("hflip", c.hflip));
  if (auto it = j.find("betas"); it != j.end()) {
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
      return range_error("betas", "must be an array of two numbers");
    c.beta1 = (*it)[0].get<double>();
    c.beta2 = (*it)[1].get<double>();
  }
  std::string text;
  if (j.count("lr_schedule")) {
    RSD_TRY(r.get("lr_schedule", text));
    if (text == "none" || text == "constant") c.lr_schedule = LrSchedule::None;
    else if (text == "cosine") c.lr_schedule = LrSchedule::Cosine;
    else return range_error("lr_schedule", "must be \"none\" or \"cosine\", not \"" + text + "\"");
  }
  if (j.count("degradation")) {
    RSD_TRY(r.get("degradation", text));
    if (text == "bicubic") c.degradation = DegradationMode::Bicubic;
    else if (text == "realesrgan") c.degradation = DegradationMode::RealEsrgan;
    else return range_error("degradation", "must be \"bicubic\" or \"realesrgan\", not \"" + text + "\"");
  }
  if (auto it = j.find("degradation_params"); it != j.end()) {
    if (!it->is_object()) return range_error("degradation_params", "must be an object");
    c.degradation_params = *it;
  }
  if (j.count("init")) {
    RSD_TRY(r.get("init", text));
    if (text == "auto") c.init = InitMode::Auto;
    else if (text == "random") c.init = InitMode::Random;
    else if (text == "card") c.init = InitMode::Card;
    else return range_error("init", "must be \"auto\", \"random\" or \"card\", not \"" + text + "\"");
  }
  if (auto it = j.find("distill"); it != j.end()) RSD_TRY(read_distill(*it, c.distill));
  RSD_TRY(c.validate());
  return c;
}

Result<TrainConfig> TrainConfig::from_json(const nlohmann::json& j) {
  return from_json(j, TrainConfig{});
}

Result<TrainConfig> TrainConfig::load(const std::string& path, const TrainConfig& base) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::NotFound, "cannot open training config", path);
  nlohmann::json j;
  try {
    in >> j;
  } catch (const nlohmann::json::exception& e) {
    return Error(ErrorCode::Format, std::string("invalid JSON: ") + e.what(), path);
  }
  auto c = from_json(j, base);
  if (!c) return c.error().within(path);
  return c;
}

Status TrainConfig::validate() const {
  if (device != "auto" && device != "cpu" && device != "cuda" && device != "gpu")
    return range_error("device", "must be auto, cpu or cuda");
  if (threads < 0) return range_error("threads", "must be >= 0");
  if (batch_size < 1) return range_error("batch_size", "must be >= 1");
  if (steps < 1) return range_error("steps", "must be >= 1");
  if (!(lr > 0) || !std::isfinite(lr)) return range_error("lr", "must be a positive number");
  if (!(lr_min >= 0) || (lr_schedule == LrSchedule::Cosine && lr_min > lr))
    return range_error("lr_min", "must be in [0, lr]");
  if (warmup_steps < 0) return range_error("warmup_steps", "must be >= 0");
  if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
    return range_error("betas", "both must be in [0, 1)");
  if (weight_decay < 0) return range_error("weight_decay", "must be >= 0");
  if (!(ema_rate >= 0 && ema_rate < 1)) return range_error("ema_rate", "must be in [0, 1)");
  if (checkpoint_interval < 0) return range_error("checkpoint_interval", "must be >= 0");
  if (keep_checkpoints < 1) return range_error("keep_checkpoints", "must be >= 1");
  if (val_interval < 0) return range_error("val_interval", "must be >= 0");
  if (val_count < 0) return range_error("val_count", "must be >= 0");
  if (log_interval < 1) return range_error("log_interval", "must be >= 1");
  if (distill.fake_updates < 1) return range_error("distill.fake_updates", "must be >= 1");
  if (distill.num_steps < 1) return range_error("distill.num_steps", "must be >= 1");
  if (distill.gan_weight < 0) return range_error("distill.gan_weight", "must be >= 0");
  if (!(distill.fake_lr > 0)) return range_error("distill.fake_lr", "must be a positive number");
  if (!(distill.pixel_weight >= 0)) return range_error("distill.pixel_weight", "must be >= 0");
  if (distill.pixel_lowpass < 1 || distill.pixel_lowpass > 64)
    return range_error("distill.pixel_lowpass", "must be in [1, 64]");
  if (distill.disc_channels < 1) return range_error("distill.disc_channels", "must be >= 1");
  return {};
}

nlohmann::json TrainConfig::to_json() const {
  return {{"data", data},
          {"out", out},
          {"device", device},
          {"threads", threads},
          {"seed", seed},
          {"batch_size", batch_size},
          {"steps", steps},
          {"lr", lr},
          {"lr_min", lr_min},
          {"warmup_steps", warmup_steps},
          {"lr_schedule", lr_schedule == LrSchedule::Cosine ? "cosine" : "none"},
          {"betas", {beta1, beta2}},
          {"weight_decay", weight_decay},
          {"grad_clip", grad_clip},
          {"ema_rate", ema_rate},
          {"checkpoint_interval", checkpoint_interval},
          {"keep_checkpoints", keep_checkpoints},
          {"val_interval", val_interval},
          {"val_count", val_count},
          {"log_interval", log_interval},
          {"degradation", to_string(degradation)},
          {"degradation_params", degradation_params},
          {"hflip", hflip},
          {"init", init == InitMode::Auto ? "auto" : init == InitMode::Random ? "random" : "card"},
          {"distill",
           {{"fake_updates", distill.fake_updates},
            {"num_steps", distill.num_steps},
            {"gan_weight", distill.gan_weight},
            {"fake_lr", distill.fake_lr},
            {"disc_channels", distill.disc_channels},
            {"sid_normalization", distill.sid_normalization},
            {"pixel_weight", distill.pixel_weight},
            {"pixel_lowpass", distill.pixel_lowpass}}}};
}

double TrainConfig::lr_at(int step) const {
  if (warmup_steps > 0 && step < warmup_steps)
    return lr * static_cast<double>(step + 1) / static_cast<double>(warmup_steps);
  if (lr_schedule == LrSchedule::None) return lr;
  const double span = std::max(1, steps - warmup_steps);
  const double progress = std::min(1.0, static_cast<double>(step - warmup_steps) / span);
  return lr_min + 0.5 * (lr - lr_min) * (1.0 + std::cos(M_PI * progress));
}

}  // namespace rsd::engine::train
