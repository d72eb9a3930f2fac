// Helpers shared by the rsd-tool subcommands: reading JSON configs, choosing the device, and the
// error convention (message on stderr naming the file, non-zero exit code).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "base/error.h"
#include "engine/runtime.h"

namespace rsd::tool {

// Exit code for every failure reported through report().
constexpr int kExitFailure = 1;

// Prints "rsd-tool: <context>: <message>" to stderr and returns kExitFailure.
int report(const Error& error);

// Reads a JSON file. A document of the form {"params": {...}} (a YAML block exported as a whole)
// is unwrapped to its params.
Result<nlohmann::json> read_params_json(const std::string& path);

// "cpu" | "cuda" | "auto" -> the device to run on (auto: CUDA when available).
Result<engine::DeviceKind> pick_device(const std::string& text);

}  // namespace rsd::tool
