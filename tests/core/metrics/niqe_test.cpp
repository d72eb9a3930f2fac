#include "base/build_paths.h"
#include "metrics/niqe.h"
#include "metrics/niqe_features.h"
#include "metrics/plane.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include "metrics/data_files.h"
#include "metrics/image_file.h"
#include "test_images.h"

namespace rsd::metrics {
namespace {

using testing::add_noise;
using testing::metrics_data;

class NiqeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<NiqeModel> m = load_niqe_model(metrics_data(kNiqeParamsFileName));
    ASSERT_TRUE(m.ok()) << m.error().what();
    model_ = new NiqeModel(std::move(*m));
    Result<ImageF> img = read_image_rgb(metrics_data("baboon.png"));
    ASSERT_TRUE(img.ok()) << img.error().what();
    baboon_ = new ImageF(std::move(*img));
  }
  static void TearDownTestSuite() {
    delete model_;
    delete baboon_;
  }
  static NiqeModel* model_;
  static ImageF* baboon_;
};
NiqeModel* NiqeTest::model_ = nullptr;
ImageF* NiqeTest::baboon_ = nullptr;

TEST_F(NiqeTest, ModelHasTheReleasedShape) {
  EXPECT_EQ(model_->mu.size(), 36u);
  EXPECT_EQ(model_->cov.size(), 36u * 36u);
  EXPECT_EQ(model_->window.size(), 49u);
  // First pristine mean (alpha of the MSCN coefficients at scale 1) as in the MATLAB release.
  EXPECT_NEAR(model_->mu[0], 2.6013136801541448, 1e-12);
}

TEST_F(NiqeTest, BaboonMatchesMatlabReference) {
  ASSERT_EQ(baboon_->width, 492);
  ASSERT_EQ(baboon_->height, 480);
  const Result<double> q = niqe(*baboon_, *model_);
  ASSERT_TRUE(q.ok()) << q.error().what();
  // MATLAB R2021a: 5.72957338 (Y of MATLAB YCbCr, crop_border 0). The required agreement is
  // 0.01; the implementation reaches about 1e-6, so 1e-4 also guards against drift.
  EXPECT_NEAR(*q, 5.7296, 0.01);
  EXPECT_NEAR(*q, 5.72957338, 1e-4);
}

TEST_F(NiqeTest, NoiseRaisesTheScore) {
  // A 192x192 crop (4 blocks) keeps the test fast.
  const ImageF clean = baboon_->crop(100, 100, 192, 192);
  const ImageF noisy = add_noise(clean, 0.1, 3);
  const Result<double> q_clean = niqe(clean, *model_);
  const Result<double> q_noisy = niqe(noisy, *model_);
  ASSERT_TRUE(q_clean.ok() && q_noisy.ok());
  EXPECT_GT(*q_noisy, *q_clean + 1.0);
}

TEST_F(NiqeTest, CropBorderIsApplied) {
  // 492x480 less 48 px a side leaves 396x384: 4x4 blocks instead of 5x5, so a different score.
  NiqeOptions crop;
  crop.crop_border = 48;
  const Result<double> cropped = niqe(*baboon_, *model_, crop);
  const Result<double> direct = niqe(baboon_->crop(48, 48, 396, 384), *model_);
  ASSERT_TRUE(cropped.ok() && direct.ok());
  EXPECT_DOUBLE_EQ(*cropped, *direct);
}

TEST_F(NiqeTest, RejectsImagesWithFewerThanTwoBlocks) {
  const Result<double> q = niqe(baboon_->crop(0, 0, 150, 120), *model_);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, ErrorCode::InvalidArgument);
}

TEST_F(NiqeTest, RejectsFlatImages) {
  ImageF flat(192, 192, 3);
  for (float& v : flat.data) v = 0.5f;
  const Result<double> q = niqe(flat, *model_);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code, ErrorCode::InvalidArgument);
}

// MSCN by the definition, written out as loops: (I - mu) / (sigma + 1) with mu and sigma^2 the
// window-weighted mean and variance over the clamped (replicated) neighbourhood.
Plane reference_mscn(const Plane& in, const std::vector<double>& window, int n) {
  Plane out(in.width, in.height);
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      double mu = 0.0, ex2 = 0.0;
      for (int ky = 0; ky < n; ++ky) {
        for (int kx = 0; kx < n; ++kx) {
          const int sx = std::clamp(x + kx - n / 2, 0, in.width - 1);
          const int sy = std::clamp(y + ky - n / 2, 0, in.height - 1);
          const double k = window[size_t(ky) * n + kx], v = in.at(sx, sy);
          mu += k * v;
          ex2 += k * v * v;
        }
      }
      out.at(x, y) = (in.at(x, y) - mu) / (std::sqrt(std::abs(ex2 - mu * mu)) + 1.0);
    }
  }
  return out;
}

TEST_F(NiqeTest, MscnMatchesItsDefinitionIncludingTheBorders) {
  Plane y = y_plane(baboon_->crop(100, 50, 61, 37));
  const int n = NiqeModel::kWindow;
  const Plane expected = reference_mscn(y, model_->window, n);
  const Plane got = mscn(y, model_->window, n);
  ASSERT_EQ(got.width, expected.width);
  ASSERT_EQ(got.height, expected.height);
  double worst = 0.0, spread = 0.0;
  for (size_t i = 0; i < got.data.size(); ++i) {
    worst = std::max(worst, std::abs(got.data[i] - expected.data[i]));
    spread = std::max(spread, std::abs(expected.data[i]));
  }
  EXPECT_LE(worst, 1e-6);
  EXPECT_GT(spread, 0.5);  // a textured crop: the coefficients are far from zero
}

TEST(NiqeModelFile, MissingOrMalformedFilesAreErrors) {
  const Result<NiqeModel> missing = load_niqe_model(metrics_data("no_such_file.json"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

  const std::string path = std::string(RSD_BINARY_DIR) + "/niqe_malformed_params.json";
  {
    std::ofstream out(path);
    out << R"({"mu_pris_param": [[1, 2, 3]], "cov_pris_param": [], "gaussian_window": []})";
  }
  const Result<NiqeModel> malformed = load_niqe_model(path);
  std::remove(path.c_str());
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().code, ErrorCode::Format);
  EXPECT_NE(malformed.error().what().find("mu_pris_param"), std::string::npos);
}

TEST(NiqeModelFile, DefaultModelIsFoundFromTheBuildTree) {
  const Result<std::string> path = find_metrics_data_file(kNiqeParamsFileName);
  ASSERT_TRUE(path.ok()) << path.error().what();
  EXPECT_TRUE(load_default_niqe_model().ok());
  EXPECT_FALSE(find_metrics_data_file("no_such_metrics_file.bin").ok());
}

}  // namespace
}  // namespace rsd::metrics
