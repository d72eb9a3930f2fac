// rsd-upscale with the shipped lite student on a folder mixing good photos and hostile files:
// the good ones are written, every bad one is named on stderr, and the exit status says so.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

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
