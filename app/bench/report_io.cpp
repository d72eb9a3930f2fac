#include "report_io.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/model_locator.h"
#include "engine/runtime.h"
#include "machine_probe.h"

namespace rsd::bench {

namespace fs = std::filesystem;

Result<fs::path> write_report_file(const fs::path& dir, const std::string& name,
                                   const std::string& text) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error(ErrorCode::Io, ec.message(), dir.string());
  const fs::path path = dir / name;
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Error(ErrorCode::Io, "cannot write", path.string());
  return path;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string fixed(double v, int decimals, bool dash_negative) {
  if (std::isnan(v) || (dash_negative && v < 0)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

Result<std::vector<ModelRef>> resolve_models(const std::vector<std::string>& names) {
  std::vector<ModelRef> refs;
  for (const auto& n : names) {
    auto card = engine::locate_model_card(n);
    if (!card) return card.error().within(n);
    refs.push_back({n, *card});
  }
  return refs;
}

Result<fs::path> find_card_file(const std::string& file_name) {
  for (const auto& dir : engine::model_search_dirs()) {
    std::error_code ec;
    if (fs::exists(dir / file_name, ec)) return dir / file_name;
  }
  return Error(ErrorCode::NotFound, "model card not found in any models folder", file_name);
}

nlohmann::json machine_info() {
  nlohmann::json j;
  j["date"] = utc_timestamp();
  j["cpu"] = cpu_model();
  j["hardware_threads"] = std::thread::hardware_concurrency();
  j["load_average"] = load_average();
  j["runtime"] = engine::runtime_summary();
  return j;
}

}  // namespace rsd::bench
