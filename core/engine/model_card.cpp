#include "engine/model_card.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace rsd::engine {

namespace {

// Reads typed fields out of one JSON object, naming the offending key ("diffusion.kappa") in
// every error.
class Reader {
 public:
  Reader(const nlohmann::json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {}

  Status check_keys(const std::set<std::string>& allowed) const {
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (allowed.count(it.key())) continue;
      std::string list;
      for (const auto& k : allowed) list += (list.empty() ? "" : ", ") + k;
      return fail(it.key(), "unknown key (allowed: " + list + ")");
    }
    return {};
  }

  bool has(const std::string& key) const { return j_.contains(key); }

  Status string(const std::string& key, std::string& out, bool required) const {
    if (!j_.contains(key)) return required ? fail(key, "missing required key") : Status{};
    if (!j_[key].is_string()) return fail(key, "expected a string");
    out = j_[key].get<std::string>();
    return {};
  }

  Status integer(const std::string& key, int& out, int min) const {
    if (!j_.contains(key)) return {};
    const auto& v = j_[key];
    if (!v.is_number_integer()) return fail(key, "expected an integer");
    const auto n = v.get<int64_t>();
    if (n < min || n > 1'000'000) return fail(key, "must be an integer >= " + std::to_string(min));
    out = static_cast<int>(n);
    return {};
  }

  Status number(const std::string& key, double& out, bool positive) const {
    if (!j_.contains(key)) return {};
    if (!j_[key].is_number()) return fail(key, "expected a number");
    out = j_[key].get<double>();
    if (positive && !(out > 0)) return fail(key, "must be > 0");
    return {};
  }

  Status boolean(const std::string& key, bool& out) const {
    if (!j_.contains(key)) return {};
    if (!j_[key].is_boolean()) return fail(key, "expected true or false");
    out = j_[key].get<bool>();
    return {};
  }

  Status object(const std::string& key, bool required) const {
    if (!j_.contains(key)) return required ? fail(key, "missing required key") : Status{};
    if (!j_[key].is_object()) return fail(key, "expected an object");
    return {};
  }

  Error fail(const std::string& key, const std::string& why) const {
    return Error(ErrorCode::Format, why, "key '" + prefix_ + key + "'");
  }

 private:
  const nlohmann::json& j_;
  std::string prefix_;
};

#define RSD_TRY(expr)                 \
  do {                                \
    if (auto st_ = (expr); !st_.ok()) \
      return st_.error();             \
  } while (false)

bool is_sha256(const std::string& s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) && !std::isupper(c); });
}

Status read_codec(const nlohmann::json& j, CodecSpec& c) {
  Reader r(j, "codec.");
  RSD_TRY(r.check_keys({"type", "params", "factor", "weights", "sha256"}));
  RSD_TRY(r.string("type", c.type, true));
  if (c.type == "vq") {
    RSD_TRY(r.object("params", true));
    c.params = j["params"];
    RSD_TRY(r.string("weights", c.weights, true));
    if (c.weights.empty()) return r.fail("weights", "the vq codec needs a weights file");
  } else if (c.type == "pixel_unshuffle") {
    if (r.has("weights")) return r.fail("weights", "pixel_unshuffle has no weights");
    if (r.has("params")) {
      RSD_TRY(r.object("params", false));
      c.params = j["params"];
    }
  } else {
    return r.fail("type", "unknown codec '" + c.type + "' (use vq or pixel_unshuffle)");
  }
  RSD_TRY(r.integer("factor", c.factor, 1));
  RSD_TRY(r.string("sha256", c.sha256, false));
  if (!c.sha256.empty() && !is_sha256(c.sha256))
    return r.fail("sha256", "expected 64 lower-case hex digits or an empty string");
  return {};
}

Status read_diffusion(const nlohmann::json& j, DiffusionParams& d) {
  Reader r(j, "diffusion.");
  RSD_TRY(r.check_keys({"sf", "steps", "kappa", "min_noise_level", "etas_end", "power",
                        "normalize_input", "latent_scale"}));
  RSD_TRY(r.integer("sf", d.sf, 1));
  RSD_TRY(r.integer("steps", d.steps, 2));
  RSD_TRY(r.number("kappa", d.kappa, true));
  RSD_TRY(r.number("min_noise_level", d.min_noise_level, true));
  RSD_TRY(r.number("etas_end", d.etas_end, true));
  if (d.etas_end >= 1.0) return r.fail("etas_end", "must be < 1 (it is the final sqrt(eta))");
  RSD_TRY(r.number("power", d.power, true));
  RSD_TRY(r.boolean("normalize_input", d.normalize_input));
  RSD_TRY(r.number("latent_scale", d.latent_scale, true));
  return {};
}

}  // namespace

Result<ModelCard> ModelCard::from_json(const nlohmann::json& j, const std::filesystem::path& dir) {
  if (!j.is_object()) return Error(ErrorCode::Format, "a model card must be a JSON object");
  Reader r(j, "");
  ModelCard c;
  c.dir = dir;
  RSD_TRY(r.check_keys({"name", "role", "description", "network", "noise_channels", "codec",
                        "diffusion", "weights", "sha256", "source_url", "license", "notes",
                        "teacher"}));
  RSD_TRY(r.string("name", c.name, true));
  if (c.name.empty()) return r.fail("name", "must not be empty");
  RSD_TRY(r.string("role", c.role, true));
  if (c.role != "teacher" && c.role != "student")
    return r.fail("role", "must be \"teacher\" or \"student\", got \"" + c.role + "\"");
  RSD_TRY(r.string("description", c.description, false));
  RSD_TRY(r.object("network", true));
  c.network = j["network"];
  RSD_TRY(r.integer("noise_channels", c.noise_channels, 0));
  if (c.noise_channels > 0 && c.role != "student")
    return r.fail("noise_channels", "only students take extra noise channels");
  RSD_TRY(r.object("codec", true));
  RSD_TRY(read_codec(j["codec"], c.codec));
  RSD_TRY(r.object("diffusion", true));
  RSD_TRY(read_diffusion(j["diffusion"], c.diffusion));
  RSD_TRY(r.string("weights", c.weights, true));
  if (c.weights.empty()) return r.fail("weights", "must name the weights file");
  RSD_TRY(r.string("sha256", c.sha256, false));
  if (!c.sha256.empty() && !is_sha256(c.sha256))
    return r.fail("sha256", "expected 64 lower-case hex digits or an empty string");
  RSD_TRY(r.string("source_url", c.source_url, false));
  RSD_TRY(r.string("license", c.license, false));
  RSD_TRY(r.string("notes", c.notes, false));
  RSD_TRY(r.string("teacher", c.teacher, false));
  return c;
}

Result<ModelCard> ModelCard::load(const std::filesystem::path& card_file) {
  const std::string where = card_file.string();
  std::ifstream in(card_file, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(card_file, ec);
    return Error(exists ? ErrorCode::Io : ErrorCode::NotFound,
                 exists ? "cannot read the model card" : "no such model card", where);
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    return Error(ErrorCode::Format, std::string("not valid JSON: ") + e.what(), where);
  }
  auto card = from_json(j, card_file.parent_path());
  if (!card.ok()) return card.error().within(where);
  return card;
}

nlohmann::json ModelCard::to_json() const {
  nlohmann::json j;
  j["name"] = name;
  j["role"] = role;
  if (!description.empty()) j["description"] = description;
  j["network"] = network;
  if (noise_channels > 0) j["noise_channels"] = noise_channels;
  nlohmann::json c;
  c["type"] = codec.type;
  if (codec.type == "vq") {
    c["params"] = codec.params;
    c["weights"] = codec.weights;
    c["sha256"] = codec.sha256;
  } else {
    c["factor"] = codec.factor;
  }
  j["codec"] = c;
  j["diffusion"] = {{"sf", diffusion.sf},
                    {"steps", diffusion.steps},
                    {"kappa", diffusion.kappa},
                    {"min_noise_level", diffusion.min_noise_level},
                    {"etas_end", diffusion.etas_end},
                    {"power", diffusion.power},
                    {"normalize_input", diffusion.normalize_input},
                    {"latent_scale", diffusion.latent_scale}};
  j["weights"] = weights;
  j["sha256"] = sha256;
  if (!source_url.empty()) j["source_url"] = source_url;
  if (!license.empty()) j["license"] = license;
  if (!notes.empty()) j["notes"] = notes;
  if (!teacher.empty()) j["teacher"] = teacher;
  return j;
}

}  // namespace rsd::engine
