// Small helpers shared by the report writers: files, numbers, time stamps, model lookup.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"

namespace rsd::bench {

// Creates `dir` and writes `text` to dir/name. Returns the file's path.
Result<std::filesystem::path> write_report_file(const std::filesystem::path& dir,
                                                const std::string& name, const std::string& text);

// "2026-11-25 20:14 UTC"
std::string utc_timestamp();

// printf-style "%.*f"; "–" for NaN / negative sentinels when `dash_negative`.
std::string fixed(double v, int decimals, bool dash_negative = false);

// Splits "a,b,c" (empty items dropped).
std::vector<std::string> split_list(const std::string& text);

struct ModelRef {
  std::string label;              // as given: "student", "teacher" or the card path
  std::filesystem::path card;
};
// Resolves "student" / "teacher" / card paths (see core/engine/model_locator.h).
Result<std::vector<ModelRef>> resolve_models(const std::vector<std::string>& names);
// A card file by name from the first models folder that has it (e.g. "rsd.json").
Result<std::filesystem::path> find_card_file(const std::string& file_name);

// Machine facts every report starts with.
nlohmann::json machine_info();

}  // namespace rsd::bench
