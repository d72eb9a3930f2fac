// rsd-upscale with the shipped lite student on a folder mixing good photos and hostile files:
// the good ones are written, every bad one is named on stderr, and the exit status says so.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "base/build_paths.h"
#include "hostile_files.h"
#include "input_snapshot.h"
#include "../core/imaging/test_support.h"

namespace rsd {
namespace {

namespace fs = std::filesystem;
namespace hostile = test::hostile;
using imaging::ImageFormat;

struct CliRun {
  int code = -1;
  std::string output;  // stdout and stderr
};

CliRun run_upscale(const std::string& args) {
  CliRun run;
  const std::string exe = rsd::build_paths::get("RSD_UPSCALE_PATH");
  const std::string command = "\"" + exe + "\" " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.output.append(buf, n);
  const int status = ::pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(HostileCli, MixedFolderWritesTheGoodNamesTheBadAndExitsNonZero) {
  test::TempDir dir("rsd-hostile-cli");
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in / "sub");
  test::write_bytes(in / "good.png", hostile::good_photo(ImageFormat::Png, 24, 16));  // one: the model is slow
  const hostile::Bytes jpeg = hostile::good_photo(ImageFormat::Jpeg, 24, 16);
  const std::vector<std::string> bad = {"cut.jpg", "empty.webp", "notes.png", "bomb.tif", "sub/flipped.png"};
  test::write_bytes(in / "cut.jpg", hostile::cut(jpeg, jpeg.size() / 2));
  test::write_bytes(in / "empty.webp", {});
  test::write_bytes(in / "notes.png", {'t', 'o', ' ', 'd', 'o', '\n'});
  test::write_bytes(in / "bomb.tif", hostile::bomb_header(ImageFormat::Tiff, 100000, 100000));
  const hostile::Bytes png = hostile::good_photo(ImageFormat::Png, 24, 16);
  test::write_bytes(in / "sub" / "flipped.png", hostile::flip(png, hostile::entropy_offset(png, ImageFormat::Png)));
  fs::create_directory_symlink(in, in / "sub" / "loop");
  const test::InputSnapshot before(in);

  const CliRun run =
      run_upscale("--quiet --device cpu --model student -o \"" + out.string() + "\" \"" + in.string() + "\"");
  EXPECT_EQ(run.code, 1) << run.output;
  for (const std::string& name : bad) {
    EXPECT_NE(run.output.find((in / name).string() + ":"), std::string::npos) << name << "\n" << run.output;
  }
  EXPECT_NE(run.output.find((in / "sub" / "loop").string() + ": symbolic link loop"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("1 done, 0 skipped, 5 failed"), std::string::npos) << run.output;
  // The good photo's output, and nothing for the bad ones: not even the mirrored sub-folder made
  // for the one that failed in it.
  EXPECT_EQ(test::list_names(out), (std::vector<std::string>{"good_x4.png"})) << run.output;
  before.expect_unchanged();
}

}  // namespace
}  // namespace rsd

namespace rsd {
namespace {

// --samples, --detail and --uncertainty-map end to end with the shipped student: the map lies
// beside the output under the output's name, K = 1 and D = 1 write today's output, and values out
// of range are refused before any photo is touched.
TEST(UpscaleCli, SamplesDetailAndTheUncertaintyMap) {
  test::TempDir dir("rsd-cli-detail");
  const fs::path in = dir / "party {2024}.png";
  test::write_bytes(in, test::hostile::good_photo(ImageFormat::Png, 24, 16));
  const fs::path plain = dir / "plain", one = dir / "one", many = dir / "many";
  for (const auto& d : {plain, one, many}) fs::create_directories(d);
  const auto common = std::string("--quiet --device cpu --model student ");
  ASSERT_EQ(run_upscale(common + "-o \"" + plain.string() + "\" \"" + in.string() + "\"").code, 0);
  // --samples 1 with a map goes through the sampling path (upscale_samples, sample 0).
  ASSERT_EQ(run_upscale(common + "--samples 1 --detail 1 --uncertainty-map -o \"" + one.string() + "\" \"" +
                        in.string() + "\"").code,
            0);
  ASSERT_TRUE(fs::exists(one / "party {2024}_x4_uncertainty.png"));
  const auto pixels = [](const fs::path& p) { return cv::imread(p.string(), cv::IMREAD_UNCHANGED); };
  const cv::Mat a = pixels(plain / "party {2024}_x4.png"), b = pixels(one / "party {2024}_x4.png");
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(cv::norm(a, b, cv::NORM_INF), 0.0) << "one sample at full detail is the ordinary output";
  const CliRun run = run_upscale(common + "--samples 3 --detail 0.5 --uncertainty-map -o \"" + many.string() +
                                 "\" \"" + in.string() + "\"");
  ASSERT_EQ(run.code, 0) << run.output;
  EXPECT_TRUE(fs::exists(many / "party {2024}_x4.png"));
  ASSERT_TRUE(fs::exists(many / "party {2024}_x4_uncertainty.png"));
  EXPECT_GT(cv::norm(pixels(many / "party {2024}_x4.png"), a, cv::NORM_INF), 0.0) << "the blend differs";
  const cv::Mat map = pixels(many / "party {2024}_x4_uncertainty.png");
  EXPECT_EQ(map.size(), a.size());
  // --uncertainty-map alone draws several samples, so the map is not black.
  const fs::path alone = dir / "alone";
  fs::create_directories(alone);
  ASSERT_EQ(run_upscale(common + "--uncertainty-map -o \"" + alone.string() + "\" \"" + in.string() + "\"").code, 0);
  EXPECT_GT(cv::norm(pixels(alone / "party {2024}_x4_uncertainty.png"), cv::NORM_INF), 0.0);
  // Refused with a message naming the option; nothing is written.
  const fs::path refused = dir / "refused";
  for (const std::string bad : {"--samples 0", "--detail 1.5", "--samples 100"}) {
    const CliRun r = run_upscale(common + bad + " -o \"" + refused.string() + "\" \"" + in.string() + "\"");
    EXPECT_NE(r.code, 0) << bad;
    EXPECT_NE(r.output.find(bad.substr(0, bad.find(' '))), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(refused / "party {2024}_x4.png")) << bad;
  }
}

}  // namespace
}  // namespace rsd
