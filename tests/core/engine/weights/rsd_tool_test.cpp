// End-to-end checks of the rsd-tool command line (its interfaces are used by external scripts).
#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

#include "base/build_paths.h"
#include "engine/weights/safetensors.h"
#include "engine/weights/sha256.h"
#include "engine/weights/state_dict_loader.h"
#include "test_files.h"

namespace rsd::engine {
namespace {

const std::string kData = std::string(RSD_TEST_DATA_DIR) + "/parity/";

struct ToolRun {
  int code = -1;
  std::string output;  // stdout and stderr together
};

ToolRun run_tool(const std::string& args) {
  ToolRun run;
  const std::string exe = rsd::build_paths::get("RSD_TOOL_PATH");
  const std::string command = "\"" + exe + "\" " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(RsdTool, ScheduleMatchesOfficialValues) {
  std::ifstream in(kData + "eta_schedules.json");
  const nlohmann::json official = nlohmann::json::parse(in);
  for (const char* key : {"T15", "T4"}) {
    const nlohmann::json& ref = official[key];
    const ToolRun run = run_tool("schedule --steps " + std::to_string(ref["steps"].get<int>()) +
                             " --min-noise " + std::to_string(ref["min_noise_level"].get<double>()) +
                             " --kappa 2 --power 0.3");
    ASSERT_EQ(run.code, 0) << run.output;
    const nlohmann::json got = nlohmann::json::parse(run.output);
    for (const char* field :
         {"sqrt_eta", "eta", "posterior_coef_xt", "posterior_coef_x0", "posterior_variance"}) {
      ASSERT_EQ(got[field].size(), ref[field].size()) << key << " " << field;
      for (std::size_t i = 0; i < ref[field].size(); ++i) {
        EXPECT_NEAR(got[field][i].get<double>(), ref[field][i].get<double>(), 1e-12)
            << key << " " << field << "[" << i << "]";
      }
    }
  }
}

TEST(RsdTool, InspectAndConvertRoundTrip) {
  testing::TempDir dir;
  ToolRun run = run_tool("inspect \"" + kData + "unet_small.pth\"");
  ASSERT_EQ(run.code, 0) << run.output;
  EXPECT_NE(run.output.find("input_blocks.0.0.weight  F16  [32, 6, 3, 3]"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("tensors: 254"), std::string::npos);
  EXPECT_NE(run.output.find("parameters: 444503"), std::string::npos);

  const std::string out = dir.file("unet.safetensors");
  run = run_tool("convert \"" + kData + "unet_small.pth\" \"" + out + "\" --dtype f32");
  ASSERT_EQ(run.code, 0) << run.output;
  auto original = load_weights(kData + "unet_small.pth");
  auto converted = read_safetensors(out);
  ASSERT_TRUE(original.ok() && converted.ok());
  ASSERT_EQ(converted->tensors.size(), original->size());
  for (const auto& [key, tensor] : *original) {
    const at::Tensor& c = converted->tensors.at(key);
    EXPECT_EQ(c.scalar_type(), at::kFloat) << key;
    EXPECT_TRUE(at::equal(c, tensor.to(at::kFloat))) << key;
  }
  run = run_tool("inspect --sha256 \"" + out + "\"");
  ASSERT_EQ(run.code, 0) << run.output;
  EXPECT_NE(run.output.find("format: safetensors"), std::string::npos);
  auto digest = sha256_file(out);
  ASSERT_TRUE(digest.ok());
  EXPECT_NE(run.output.find("sha256: " + *digest), std::string::npos);
}

TEST(RsdTool, ForwardRunsTheNetworksOnTensorFiles) {
  testing::TempDir dir;
  const std::string out = dir.file("out.safetensors");
  ToolRun run = run_tool("forward --model unet --config \"" + kData + "unet_small.json\" --weights \"" +
                     kData + "unet_small.pth\" --input \"" + kData +
                     "unet_small_sq_io.safetensors\" --output \"" + out + "\"");
  ASSERT_EQ(run.code, 0) << run.output;
  auto expected = read_safetensors(kData + "unet_small_sq_io.safetensors");
  auto got = read_safetensors(out);
  ASSERT_TRUE(expected.ok() && got.ok());
  EXPECT_LT((got->tensors.at("out") - expected->tensors.at("out")).abs().max().item<double>(), 1e-4);

  const std::string z = dir.file("z.safetensors");
  run = run_tool("forward --model vq-encode --config \"" + kData + "vq_small.json\" --weights \"" +
                 kData + "vq_small.pth\" --input \"" + kData + "vq_small_io.safetensors\" --output \"" +
                 z + "\"");
  ASSERT_EQ(run.code, 0) << run.output;
  const std::string x = dir.file("x.safetensors");
  run = run_tool("forward --model vq-decode --config \"" + kData + "vq_small.json\" --weights \"" +
                 kData + "vq_small.pth\" --input \"" + z + "\" --output \"" + x + "\"");
  ASSERT_EQ(run.code, 0) << run.output;
  auto vq_io = read_safetensors(kData + "vq_small_io.safetensors");
  auto decoded = read_safetensors(x);
  ASSERT_TRUE(vq_io.ok() && decoded.ok());
  EXPECT_LT((decoded->tensors.at("x") - vq_io->tensors.at("recon")).abs().max().item<double>(), 1e-4);
}

TEST(RsdTool, ErrorsNameTheFileAndFail) {
  testing::TempDir dir;
  const std::string missing = dir.file("missing.pth");
  ToolRun run = run_tool("inspect \"" + missing + "\"");
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.output.find("missing.pth"), std::string::npos) << run.output;

  // A student config against teacher weights: noise channels forced to 1 -> misshaped tensor.
  run = run_tool("forward --model unet --noise-channels 1 --config \"" + kData +
                 "unet_small.json\" --weights \"" + kData + "unet_small.pth\" --input \"" + kData +
                 "unet_small_sq_io.safetensors\" --output \"" + dir.file("o.safetensors") + "\"");
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.output.find("unet_small.pth"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("input_blocks.0.0.weight"), std::string::npos) << run.output;

  run = run_tool("forward --help");
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.output.find("--noise-channels"), std::string::npos);
}

}  // namespace
}  // namespace rsd::engine
