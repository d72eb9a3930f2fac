#include "base/build_paths.h"
#include "engine/model_card.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace rsd::engine {
namespace {

namespace fs = std::filesystem;

nlohmann::json minimal_card() {
  return nlohmann::json::parse(R"({
    "name": "tiny", "role": "student", "noise_channels": 1,
    "network": {"image_size": 64, "in_channels": 48, "model_channels": 32, "out_channels": 48},
    "codec": {"type": "pixel_unshuffle", "factor": 4},
    "diffusion": {"sf": 4, "steps": 4, "kappa": 2.0, "min_noise_level": 0.2, "etas_end": 0.99,
                  "power": 0.3, "normalize_input": true, "latent_scale": 1.0},
    "weights": "tiny.safetensors", "sha256": ""
  })");
}

std::string error_of(const nlohmann::json& j) {
  auto c = ModelCard::from_json(j, "/models");
  return c.ok() ? std::string() : c.error().what();
}

TEST(ModelCard, ParsesAndRoundTrips) {
  auto c = ModelCard::from_json(minimal_card(), "/models");
  ASSERT_TRUE(c.ok()) << c.error().what();
  EXPECT_TRUE(c->is_student());
  EXPECT_EQ(c->noise_channels, 1);
  EXPECT_EQ(c->diffusion.steps, 4);
  EXPECT_DOUBLE_EQ(c->diffusion.min_noise_level, 0.2);
  EXPECT_EQ(c->weights_path(), fs::path("/models/tiny.safetensors"));
  auto again = ModelCard::from_json(c->to_json(), "/models");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->to_json(), c->to_json());
}

TEST(ModelCard, ErrorsNameTheKey) {
  auto j = minimal_card();
  j["diffusion"]["steps"] = "fifteen";
  EXPECT_NE(error_of(j).find("diffusion.steps"), std::string::npos) << error_of(j);
  j = minimal_card();
  j.erase("weights");
  EXPECT_NE(error_of(j).find("'weights'"), std::string::npos);
  j = minimal_card();
  j["role"] = "teacherr";
  EXPECT_NE(error_of(j).find("'role'"), std::string::npos);
  j = minimal_card();
  j["wieghts"] = "x";
  EXPECT_NE(error_of(j).find("unknown key"), std::string::npos);
  j = minimal_card();
  j["codec"]["type"] = "jpeg";
  EXPECT_NE(error_of(j).find("codec.type"), std::string::npos);
  j = minimal_card();
  j["codec"] = {{"type", "vq"}, {"params", {{"embed_dim", 3}}}};
  EXPECT_NE(error_of(j).find("codec.weights"), std::string::npos);
  j = minimal_card();
  j["sha256"] = "abc";
  EXPECT_NE(error_of(j).find("sha256"), std::string::npos);
  j = minimal_card();
  j["diffusion"]["etas_end"] = 1.2;
  EXPECT_NE(error_of(j).find("diffusion.etas_end"), std::string::npos);
  j = minimal_card();
  j["role"] = "teacher";  // a teacher with noise channels
  EXPECT_NE(error_of(j).find("noise_channels"), std::string::npos);
}

TEST(ModelCard, LoadNamesTheFile) {
  const fs::path dir = fs::temp_directory_path() / ("rsd_model_card_test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "broken.json";
  auto j = minimal_card();
  j["diffusion"]["kappa"] = -1;
  std::ofstream(file) << j.dump();
  auto c = ModelCard::load(file);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().what().find(file.string()), std::string::npos);
  EXPECT_NE(c.error().what().find("diffusion.kappa"), std::string::npos);
  std::ofstream(file) << "{ not json";
  auto bad = ModelCard::load(file);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::Format);
  auto missing = ModelCard::load(dir / "nope.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  std::ofstream(file) << minimal_card().dump();
  auto ok = ModelCard::load(file);
  ASSERT_TRUE(ok.ok()) << ok.error().what();
  EXPECT_EQ(ok->dir, dir);
  fs::remove_all(dir);
}

TEST(ModelCard, ShippedCardsAreValid) {
  const fs::path models = fs::path(RSD_SOURCE_DIR) / "models";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(models)) {
    if (entry.path().extension() != ".json") continue;
    auto c = ModelCard::load(entry.path());
    ASSERT_TRUE(c.ok()) << c.error().what();
    ++count;
    if (!c->teacher.empty()) {
      auto t = ModelCard::load(models / c->teacher);
      ASSERT_TRUE(t.ok()) << t.error().what();
      EXPECT_EQ(t->role, "teacher") << entry.path();
    }
  }
  EXPECT_GE(count, 8);  // 6 official + 2 lite
}

}  // namespace
}  // namespace rsd::engine
