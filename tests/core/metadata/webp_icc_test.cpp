#include "metadata/webp_icc.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "imaging/header_probe.h"
#include "../imaging/test_support.h"

namespace rsd::metadata {
namespace {

TEST(WebpIcc, AddsReplacesAndRemovesTheProfile) {
  for (int quality : {80, 101}) {  // simple lossy (VP8) and lossless (VP8L) files, with alpha
    cv::Mat rgba(12, 20, CV_8UC4, cv::Scalar(40, 80, 120, 200));
    std::vector<uint8_t> webp;
    ASSERT_TRUE(cv::imencode(".webp", rgba, webp, {cv::IMWRITE_WEBP_QUALITY, quality}));
    EXPECT_TRUE(read_webp_icc(webp.data(), webp.size()).empty());

    const auto icc = test::test_icc_profile();
    auto with = write_webp_icc(webp, icc);
    ASSERT_TRUE(with) << with.error().what();
    EXPECT_EQ(read_webp_icc(with->data(), with->size()), icc);
    auto info = imaging::probe_header(with->data(), with->size());
    ASSERT_TRUE(info);
    EXPECT_EQ(info->width, 20u);
    EXPECT_EQ(info->height, 12u);
    EXPECT_TRUE(info->has_alpha);
    cv::Mat back = cv::imdecode(*with, cv::IMREAD_UNCHANGED);
    ASSERT_EQ(back.cols, 20);
    EXPECT_EQ(back.channels(), 4);

    std::vector<uint8_t> odd(icc.begin(), icc.end() - 1);  // odd sizes are padded
    auto replaced = write_webp_icc(with.value(), odd);
    ASSERT_TRUE(replaced);
    EXPECT_EQ(read_webp_icc(replaced->data(), replaced->size()), odd);
    auto removed = write_webp_icc(replaced.value(), {});
    ASSERT_TRUE(removed);
    EXPECT_TRUE(read_webp_icc(removed->data(), removed->size()).empty());
    EXPECT_FALSE(cv::imdecode(*removed, cv::IMREAD_UNCHANGED).empty());
  }
  std::vector<uint8_t> junk = {'R', 'I', 'F', 'F', 200, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 100, 0};
  EXPECT_FALSE(write_webp_icc(junk, test::test_icc_profile()));
  EXPECT_TRUE(read_webp_icc(junk.data(), junk.size()).empty());
}

}  // namespace
}  // namespace rsd::metadata
