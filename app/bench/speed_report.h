// Turns the raw speed measurements (JSON from `rsd-bench speed`) into the goal verdicts and the
// Markdown report.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace rsd::bench {

// Goals of the project (benchmarks, not tests): student >= 0.5 output MP/s; the student's network
// at >= 50 % of the measured convolution throughput; teacher/student time >= 0.8 T.
// Reads report["models"], ["conv_throughput"], ["ratios"]; returns an array of verdicts.
nlohmann::json evaluate_speed_goals(const nlohmann::json& report);

std::string speed_markdown(const nlohmann::json& report);
std::string gpu_markdown(const nlohmann::json& report);

}  // namespace rsd::bench
