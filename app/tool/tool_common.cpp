#include "tool_common.h"

#include <fstream>
#include <iostream>

namespace rsd::tool {

int report(const Error& error) {
  std::cerr << "rsd-tool: " << error.what() << "\n";
  return kExitFailure;
}

Result<nlohmann::json> read_params_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::NotFound, "cannot open config", path);
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Error(ErrorCode::Format, "config is not a JSON object", path);
  }
  if (doc.contains("params") && doc["params"].is_object()) return doc["params"];
  return doc;
}

Result<engine::DeviceKind> pick_device(const std::string& text) {
  auto requested = engine::parse_device(text);
  if (!requested) return requested.error();
  return engine::resolve_device(*requested);
}

}  // namespace rsd::tool
