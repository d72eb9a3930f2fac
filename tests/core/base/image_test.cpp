#include "base/image.h"
#include "base/job_context.h"

#include <gtest/gtest.h>

#include <vector>

namespace rsd {
namespace {

TEST(ImageF, CropCopiesTheRectangle) {
  ImageF img(4, 3, 2);
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 4; ++x)
      for (int c = 0; c < 2; ++c) img.at(x, y, c) = float(100 * y + 10 * x + c);
  ImageF part = img.crop(1, 1, 2, 2);
  ASSERT_EQ(part.width, 2);
  ASSERT_EQ(part.height, 2);
  EXPECT_EQ(part.at(0, 0, 0), 110.f);
  EXPECT_EQ(part.at(1, 1, 1), 221.f);
}

TEST(JobContext, SliceMapsProgressAndSharesCancel) {
  std::vector<double> seen;
  JobContext ctx;
  ctx.cancel = std::make_shared<CancelToken>();
  ctx.progress = [&](double f, std::string_view) { seen.push_back(f); };
  JobContext sub = ctx.slice(0.5, 1.0);
  sub.report(0.0, "a");
  sub.report(0.5, "b");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_DOUBLE_EQ(seen[0], 0.5);
  EXPECT_DOUBLE_EQ(seen[1], 0.75);
  EXPECT_FALSE(sub.cancelled());
  ctx.cancel->cancel();
  EXPECT_TRUE(sub.cancelled());
}

}  // namespace
}  // namespace rsd
