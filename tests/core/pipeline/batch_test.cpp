#include "pipeline/batch.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "imaging/image_encoder.h"
#include "pipeline/input_collection.h"
#include "pipeline/output_naming.h"
#include "../imaging/test_support.h"

namespace rsd::pipeline {
namespace {

namespace fs = std::filesystem;
using imaging::ImageFormat;

void make_png(const fs::path& p, int w = 6, int h = 5) {
  imaging::EncodeOptions o;
  auto bytes = imaging::encode_image(test::make_pattern(w, h, 3), o);
  ASSERT_TRUE(bytes);
  fs::create_directories(p.parent_path());
  test::write_bytes(p, bytes.value());
}

std::vector<std::string> names(const CollectedInputs& c, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& f : c.files) out.push_back(f.path.lexically_relative(root).generic_string());
  return out;
}

TEST(CollectInputs, FoldersFilesOrderAndLoops) {
  test::TempDir dir;
  const fs::path root = dir.path();
  make_png(root / "b.png");
  make_png(root / "a.PNG");
  make_png(root / "sub" / "c.png");
  make_png(root / "sub" / "deeper" / "d.png");
  make_png(root / ".hidden.png");
  test::write_bytes(root / "notes.txt", {'x'});
  test::write_bytes(root / "fake.jpg", {'n', 'o'});  // an image by name: kept, fails later
  fs::create_directory_symlink(root, root / "sub" / "loop");  // a cycle back to the top

  auto flat = collect_inputs({root}, false);
  EXPECT_EQ(names(flat, root), (std::vector<std::string>{"a.PNG", "b.png", "fake.jpg"}));

  auto deep = collect_inputs({root}, true);
  EXPECT_EQ(names(deep, root),
            (std::vector<std::string>{"a.PNG", "b.png", "fake.jpg", "sub/c.png", "sub/deeper/d.png"}));
  EXPECT_EQ(deep.files[3].relative_dir, fs::path("sub"));
  EXPECT_EQ(deep.files[4].relative_dir, fs::path("sub/deeper"));
  ASSERT_EQ(deep.skipped.size(), 1u);  // the loop is reported, not followed
  EXPECT_EQ(deep.skipped[0].path, root / "sub" / "loop");

  // Explicit files: kept in the given order, duplicates dropped, non-images and missing reported.
  auto explicit_files = collect_inputs({root / "b.png", root / "notes.txt", root / "a.PNG", root / "b.png",
                                        root / "gone.png"}, false);
  EXPECT_EQ(names(explicit_files, root), (std::vector<std::string>{"b.png", "a.PNG"}));
  ASSERT_EQ(explicit_files.skipped.size(), 2u);
  EXPECT_EQ(explicit_files.skipped[0].path.filename(), "notes.txt");
  EXPECT_EQ(explicit_files.skipped[1].reason, "not found");

  // A PNG without an image extension is recognised by its signature when named directly.
  fs::copy_file(root / "b.png", root / "b.data");
  EXPECT_EQ(collect_inputs({root / "b.data"}, false).files.size(), 1u);
}

TEST(RunBatch, ContinuesAfterFailuresAndReportsEachFile) {
  test::TempDir dir;
  const fs::path in = dir / "in";
  make_png(in / "one.png");
  test::write_bytes(in / "two.png", {'b', 'a', 'd'});
  make_png(in / "nested" / "three.png");
  auto inputs = collect_inputs({in}, true);
  ASSERT_EQ(inputs.files.size(), 3u);

  test::BicubicUpscaler up(2);
  BatchOptions options;
  options.output.output_dir = dir / "out";
  fs::create_directories(options.output.output_dir);
  options.mirror_folders = true;
  std::vector<size_t> callbacks;
  std::vector<double> progress;
  JobContext ctx;
  ctx.progress = [&](double f, std::string_view) { progress.push_back(f); };
  auto report = run_batch(inputs.files, options, up, ctx, [&](size_t i, const FileResult&) { callbacks.push_back(i); });
  EXPECT_EQ(report.done, 2u);
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(callbacks, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(report.files[1].outcome, FileOutcome::Failed);
  EXPECT_NE(report.files[1].error.what().find("two.png"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir / "out" / "one_x2.png"));
  EXPECT_TRUE(fs::exists(dir / "out" / "nested" / "three_x2.png"));
  EXPECT_EQ(cv::imread((dir / "out" / "nested" / "three_x2.png").string()).cols, 12);
  for (size_t i = 1; i < progress.size(); ++i) EXPECT_GE(progress[i], progress[i - 1]);
  EXPECT_DOUBLE_EQ(progress.back(), 1.0);


  // Run again with Skip: everything done is skipped, the bad file fails again.
  options.output.existing = ExistingOutput::Skip;
  auto again = run_batch(inputs.files, options, up, {});
  EXPECT_EQ(again.skipped, 2u);
  EXPECT_EQ(again.failed, 1u);

  // Stop on error: the files after the failure are not run.
  options.output.existing = ExistingOutput::KeepBoth;
  options.stop_on_error = true;
  auto stopped = run_batch(inputs.files, options, up, {});
  EXPECT_EQ(stopped.done, 1u);
  EXPECT_EQ(stopped.failed, 1u);
  EXPECT_EQ(stopped.cancelled, 1u);
}

TEST(RunBatch, AFailedFileLeavesNoEmptyMirroredFolder) {
  test::TempDir dir;
  const fs::path in = dir / "in";
  make_png(in / "nested" / "good.png");
  fs::create_directories(in / "broken" / "deep");
  test::write_bytes(in / "broken" / "deep" / "bad.png", {'b', 'a', 'd'});
  test::write_bytes(in / "nested" / "bad.png", {'b', 'a', 'd'});
  fs::create_directories(dir / "out" / "kept");
  fs::create_directories(in / "kept");
  test::write_bytes(in / "kept" / "bad.png", {'b', 'a', 'd'});
  auto inputs = collect_inputs({in}, true);
  ASSERT_EQ(inputs.files.size(), 4u);

  test::BicubicUpscaler up(2);
  BatchOptions options;
  options.output.output_dir = dir / "out";
  options.mirror_folders = true;
  auto report = run_batch(inputs.files, options, up, {});
  EXPECT_EQ(report.done, 1u);
  EXPECT_EQ(report.failed, 3u);
  // The folders made only for the failed file are gone, the deepest and its parent.
  EXPECT_FALSE(fs::exists(dir / "out" / "broken"));
  // A folder holding another file's output stays, and so does one that was there before.
  EXPECT_TRUE(fs::exists(dir / "out" / "nested" / "good_x2.png"));
  EXPECT_TRUE(fs::is_directory(dir / "out" / "kept"));
}

TEST(RunBatch, NeverWritesOverAnotherInputAndStopsOnCancel) {
  test::TempDir dir;
  make_png(dir / "a.png");
  make_png(dir / "a_x2.png");  // an input whose name is a's default output name
  const std::string digest = test::file_digest(dir / "a_x2.png");
  test::BicubicUpscaler up(2);
  BatchOptions options;
  auto inputs = collect_inputs({dir / "a.png", dir / "a_x2.png"}, false);
  auto report = run_batch(inputs.files, options, up, {});
  EXPECT_EQ(report.done, 2u);
  EXPECT_EQ(test::file_digest(dir / "a_x2.png"), digest);
  EXPECT_EQ(report.files[0].info.output.filename(), "a_x2_2.png");

  JobContext ctx;
  ctx.cancel = std::make_shared<CancelToken>();
  auto cancel_after_first = [&](size_t, const FileResult&) { ctx.cancel->cancel(); };
  auto cancelled = run_batch(inputs.files, options, up, ctx, cancel_after_first);
  EXPECT_EQ(cancelled.done, 1u);
  EXPECT_EQ(cancelled.cancelled, 1u);
}

TEST(OutputNaming, TemplateTokensAndErrors) {
  NameTokens t = make_tokens("/x/IMG 1.JPEG", ImageFormat::Jpeg, ImageFormat::Jpeg, 4, "rsd lite/v2");
  EXPECT_EQ(t.ext, "JPEG");
  EXPECT_EQ(t.model, "rsd-lite-v2");
  EXPECT_EQ(make_tokens("/x/a.bmp", ImageFormat::Bmp, ImageFormat::Png, 4, "m").ext, "png");
  EXPECT_EQ(expand_name_template("{stem}_x{scale}.{ext}", t).value(), "IMG 1_x4.JPEG");
  t.date = "2026-11-25";
  EXPECT_EQ(expand_name_template("{date}/{stem}", t).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(expand_name_template("{model}-{date}.{ext}", t).value(), "rsd-lite-v2-2026-11-25.JPEG");
  EXPECT_FALSE(expand_name_template("{nope}.png", t));
  EXPECT_FALSE(expand_name_template("{stem.png", t));
  EXPECT_FALSE(expand_name_template("stem}.png", t));
  EXPECT_FALSE(expand_name_template("..", t));
  OutputOptions o;
  EXPECT_EQ(output_format(ImageFormat::Bmp, o), ImageFormat::Png);
  EXPECT_EQ(output_format(ImageFormat::Webp, o), ImageFormat::Webp);
  o.format = ImageFormat::Tiff;
  EXPECT_EQ(output_format(ImageFormat::Jpeg, o), ImageFormat::Tiff);
}

}  // namespace
}  // namespace rsd::pipeline
