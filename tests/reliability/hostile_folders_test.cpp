// Hostile file systems around the batch: unreadable inputs, symbolic link loops in input folders,
// a read-only destination and a full disk. Each failure is reported for its file, the rest of the
// batch is written, nothing partial is left, and the inputs stay as they were.
#include "pipeline/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "hostile_files.h"
#include "input_snapshot.h"
#include "pipeline/input_collection.h"
#include "../core/imaging/test_support.h"

namespace rsd::pipeline {
namespace {

namespace fs = std::filesystem;
using imaging::ImageFormat;
using test::hostile::good_photo;

// Root opens any file and writes into any folder whatever their permission bits, so the cases
// built on chmod can only be checked by an ordinary user.
bool running_as_root() { return ::geteuid() == 0; }

void put_photo(const fs::path& p, ImageFormat f = ImageFormat::Png) {
  fs::create_directories(p.parent_path());
  test::write_bytes(p, good_photo(f));
}

TEST(HostileFolders, UnreadableInputFailsAlone) {
  if (running_as_root()) GTEST_SKIP() << "running as root: root reads a file even with mode 000";
  test::TempDir dir("rsd-hostile");
  put_photo(dir / "in" / "a-locked.png");
  put_photo(dir / "in" / "b-open.jpg", ImageFormat::Jpeg);
  const test::InputSnapshot before(dir / "in");
  const fs::perms mode = fs::status(dir / "in" / "a-locked.png").permissions();
  fs::permissions(dir / "in" / "a-locked.png", fs::perms::none);
  test::BicubicUpscaler up(2);
  BatchOptions options;
  options.output.output_dir = dir / "out";
  fs::create_directories(options.output.output_dir);
  const auto report = run_batch(collect_inputs({dir / "in"}, false).files, options, up, {});
  fs::permissions(dir / "in" / "a-locked.png", mode);
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.files[0].outcome, FileOutcome::Failed);
  EXPECT_EQ(report.files[0].error.code, ErrorCode::Io);
  EXPECT_NE(report.files[0].error.what().find("a-locked.png"), std::string::npos);
  EXPECT_NE(report.files[0].error.message.find("Permission denied"), std::string::npos);
  EXPECT_EQ(report.files[1].outcome, FileOutcome::Done);
  EXPECT_EQ(test::list_names(dir / "out"), std::vector<std::string>{"b-open_x2.jpg"});
  before.expect_unchanged();
}

TEST(HostileFolders, SymbolicLinkLoopsEndAndAreReported) {
  test::TempDir dir("rsd-hostile");
  const fs::path in = dir / "in";
  put_photo(in / "a.png");
  put_photo(in / "sub" / "b.jpg", ImageFormat::Jpeg);
  fs::create_directory_symlink(in, in / "sub" / "back");           // leads back to the top
  fs::create_directory_symlink(in / "sub", in / "sub" / "itself");  // leads to its own folder
  fs::create_symlink("loop.png", in / "loop.png");                  // a link to itself
  fs::create_symlink("direct.jpg", dir / "direct.jpg");             // the same, named directly
  fs::create_directory_symlink(in / "sub", dir / "alias");          // a second way into sub: no loop
  const test::InputSnapshot before(in);

  const auto collected = collect_inputs({in, dir / "alias", dir / "direct.jpg"}, true);
  ASSERT_EQ(collected.files.size(), 2u);  // each photo once
  EXPECT_EQ(collected.files[0].path, in / "a.png");
  EXPECT_EQ(collected.files[1].path, in / "sub" / "b.jpg");
  std::map<std::string, std::string> skipped;
  for (const auto& s : collected.skipped) skipped[s.path.lexically_relative(dir.path()).string()] = s.reason;
  ASSERT_EQ(skipped.size(), 4u);
  EXPECT_NE(skipped["in/sub/back"].find("symbolic link loop"), std::string::npos);
  EXPECT_NE(skipped["in/sub/itself"].find("symbolic link loop"), std::string::npos);
  // Found in a folder, and named directly: the system's reason, not "not found".
  EXPECT_NE(skipped["in/loop.png"].find("symbolic links"), std::string::npos) << skipped["in/loop.png"];
  EXPECT_NE(skipped["direct.jpg"].find("symbolic links"), std::string::npos) << skipped["direct.jpg"];

  test::BicubicUpscaler up(2);
  BatchOptions options;
  options.output.output_dir = dir / "out";
  options.mirror_folders = true;
  const auto report = run_batch(collected.files, options, up, {});
  EXPECT_EQ(report.done, 2u);
  EXPECT_TRUE(fs::exists(dir / "out" / "sub" / "b_x2.jpg"));
  before.expect_unchanged();
}

// Three inputs, two in a sub-folder whose mirrored output folder cannot take files.
struct DestinationRig {
  DestinationRig() {
    put_photo(dir / "in" / "a.png");
    put_photo(dir / "in" / "blocked" / "b.jpg", ImageFormat::Jpeg);
    put_photo(dir / "in" / "blocked" / "c.webp", ImageFormat::Webp);
    options.output.output_dir = dir / "out";
    options.mirror_folders = true;
    fs::create_directories(dir / "out" / "blocked");
  }
  BatchReport run() { return run_batch(collect_inputs({dir / "in"}, true).files, options, up, {}); }

  test::TempDir dir{"rsd-hostile"};
  test::BicubicUpscaler up{2};
  BatchOptions options;
};

void expect_failed_naming(const FileResult& r, const std::string& output_name, const std::string& says) {
  EXPECT_EQ(r.outcome, FileOutcome::Failed);
  EXPECT_EQ(r.error.code, ErrorCode::Io) << r.error.what();
  EXPECT_NE(r.error.what().find(output_name), std::string::npos) << r.error.what();
  EXPECT_NE(r.error.message.find(says), std::string::npos) << r.error.what();
}

TEST(HostileFolders, ReadOnlyDestination) {
  DestinationRig rig;
  const test::InputSnapshot before(rig.dir / "in");
  if (!running_as_root()) {
    fs::permissions(rig.dir / "out" / "blocked", fs::perms::owner_read | fs::perms::owner_exec);
    const auto report = rig.run();
    fs::permissions(rig.dir / "out" / "blocked", fs::perms::owner_all);
    ASSERT_EQ(report.files.size(), 3u);
    EXPECT_EQ(report.files[0].outcome, FileOutcome::Done);
    expect_failed_naming(report.files[1], "b_x2.jpg", "Permission denied");
    expect_failed_naming(report.files[2], "c_x2.webp", "Permission denied");
    EXPECT_TRUE(test::list_names(rig.dir / "out" / "blocked").empty());
  } else {
    // Root writes into a read-only folder, so the failure of the final step is injected.
    rig.options.output.write_faults.fail_before_rename = true;
    const auto report = rig.run();
    ASSERT_EQ(report.files.size(), 3u);
    expect_failed_naming(report.files[0], "a_x2.png", "rename failed");
    expect_failed_naming(report.files[1], "b_x2.jpg", "rename failed");
    EXPECT_TRUE(test::list_names(rig.dir / "out" / "blocked").empty());
    EXPECT_EQ(test::list_names(rig.dir / "out"), std::vector<std::string>{"blocked"});
  }
  before.expect_unchanged();
}

TEST(HostileFolders, FullDiskLeavesNothingAndTheNextRunWritesEverything) {
  DestinationRig rig;
  const test::InputSnapshot before(rig.dir / "in");
  rig.options.output.write_faults.fail_after_bytes = 100;  // ENOSPC after 100 bytes of each file
  auto report = rig.run();
  ASSERT_EQ(report.files.size(), 3u);
  expect_failed_naming(report.files[0], "a_x2.png", "No space left on device");
  expect_failed_naming(report.files[2], "c_x2.webp", "No space left on device");
  EXPECT_EQ(test::list_names(rig.dir / "out"), std::vector<std::string>{"blocked"});
  EXPECT_TRUE(test::list_names(rig.dir / "out" / "blocked").empty());

  rig.options.output.write_faults = {};
  report = rig.run();
  EXPECT_EQ(report.done, 3u);
  EXPECT_EQ(test::list_names(rig.dir / "out" / "blocked"), (std::vector<std::string>{"b_x2.jpg", "c_x2.webp"}));
  before.expect_unchanged();
}

}  // namespace
}  // namespace rsd::pipeline
