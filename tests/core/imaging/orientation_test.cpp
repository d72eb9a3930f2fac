#include "imaging/orientation.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "test_support.h"

namespace rsd::imaging {
namespace {

// The upright picture per the EXIF specification, built from OpenCV's flips and rotations (an
// independent route from the index arithmetic in apply_orientation).
cv::Mat upright_reference(const cv::Mat& stored, int orientation) {
  cv::Mat out;
  switch (orientation) {
    case 2: cv::flip(stored, out, 1); break;
    case 3: cv::rotate(stored, out, cv::ROTATE_180); break;
    case 4: cv::flip(stored, out, 0); break;
    case 5: cv::transpose(stored, out); break;
    case 6: cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(stored, out); cv::rotate(out, out, cv::ROTATE_180); break;
    case 8: cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = stored.clone(); break;
  }
  return out;
}

TEST(Orientation, AllEightMatchTheSpecification) {
  const ImageF stored = test::make_pattern(5, 3, 3);
  const cv::Mat stored_mat(3, 5, CV_32FC3, const_cast<float*>(stored.data.data()));
  for (int o = 1; o <= 8; ++o) {
    SCOPED_TRACE("orientation " + std::to_string(o));
    const ImageF up = apply_orientation(stored, o);
    const cv::Mat ref = upright_reference(stored_mat, o);
    ASSERT_EQ(up.width, ref.cols);
    ASSERT_EQ(up.height, ref.rows);
    int w = 0, h = 0;
    oriented_size(5, 3, o, w, h);
    EXPECT_EQ(w, up.width);
    EXPECT_EQ(h, up.height);
    for (int y = 0; y < up.height; ++y)
      for (int x = 0; x < up.width; ++x)
        for (int c = 0; c < 3; ++c) ASSERT_EQ(up.at(x, y, c), ref.at<cv::Vec3f>(y, x)[c]);
  }
}

TEST(Orientation, OutOfRangeIsIdentity) {
  const ImageF stored = test::make_pattern(4, 2, 1);
  EXPECT_EQ(apply_orientation(stored, 0).data, stored.data);
  EXPECT_EQ(apply_orientation(stored, 9).data, stored.data);
}

}  // namespace
}  // namespace rsd::imaging
