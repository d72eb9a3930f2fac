#include "metrics/niqe.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "metrics/data_files.h"
#include "metrics/matlab_resize.h"
#include "metrics/niqe_features.h"
#include "metrics/plane.h"

namespace rsd::metrics {
namespace {

using Json = nlohmann::json;

// Reads a rows x cols matrix stored as a list of rows.
Status read_matrix(const Json& doc, const char* key, size_t rows, size_t cols,
                   std::vector<double>& out) {
  const auto it = doc.find(key);
  if (it == doc.end()) return Error(ErrorCode::Format, "missing field", key);
  const std::string shape = std::to_string(rows) + "x" + std::to_string(cols);
  if (!it->is_array() || it->size() != rows) {
    return Error(ErrorCode::Format, "expected a " + shape + " matrix", key);
  }
  out.clear();
  for (const Json& row : *it) {
    if (!row.is_array() || row.size() != cols) {
      return Error(ErrorCode::Format, "expected a " + shape + " matrix", key);
    }
    for (const Json& v : row) {
      if (!v.is_number()) return Error(ErrorCode::Format, "non-numeric entry", key);
      out.push_back(v.get<double>());
    }
  }
  return {};
}

// Moore-Penrose pseudo-inverse of a symmetric matrix through its eigen-decomposition, dropping
// eigenvalues below 1e-15 of the largest magnitude (numpy.linalg.pinv's default cut-off).
cv::Mat symmetric_pinv(const cv::Mat& a) {
  cv::Mat values, vectors;
  cv::eigen(a, values, vectors);  // rows of `vectors` are the eigenvectors
  double largest = 0.0;
  for (int i = 0; i < values.rows; ++i) largest = std::max(largest, std::abs(values.at<double>(i)));
  cv::Mat inv_values = cv::Mat::zeros(values.rows, values.rows, CV_64F);
  for (int i = 0; i < values.rows; ++i) {
    const double v = values.at<double>(i);
    if (std::abs(v) > 1e-15 * largest) inv_values.at<double>(i, i) = 1.0 / v;
  }
  return vectors.t() * inv_values * vectors;
}

// All block features of one scale, appended to `rows` (one row per block, 18 values).
void append_scale_features(const Plane& image, const std::vector<double>& window, int block,
                           int blocks_x, int blocks_y, std::vector<NiqeBlockFeatures>& rows) {
  const Plane m = mscn(image, window, NiqeModel::kWindow);
  for (int bx = 0; bx < blocks_x; ++bx) {
    for (int by = 0; by < blocks_y; ++by) {
      rows.push_back(block_features(m, bx * block, by * block, block, block));
    }
  }
}

}  // namespace

Result<NiqeModel> load_niqe_model(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::NotFound, "cannot open NIQE parameters", path);
  Json doc;
  try {
    in >> doc;
  } catch (const Json::exception& e) {
    return Error(ErrorCode::Format, std::string("invalid JSON: ") + e.what(), path);
  }
  NiqeModel model;
  constexpr size_t n = NiqeModel::kFeatures;
  constexpr size_t w = NiqeModel::kWindow;
  if (Status st = read_matrix(doc, "mu_pris_param", 1, n, model.mu); !st) {
    return st.error().within(path);
  }
  if (Status st = read_matrix(doc, "cov_pris_param", n, n, model.cov); !st) {
    return st.error().within(path);
  }
  if (Status st = read_matrix(doc, "gaussian_window", w, w, model.window); !st) {
    return st.error().within(path);
  }
  return model;
}

Result<NiqeModel> load_default_niqe_model() {
  Result<std::string> path = find_metrics_data_file(kNiqeParamsFileName);
  if (!path) return path.error();
  return load_niqe_model(*path);
}

Result<double> niqe(const ImageF& image, const NiqeModel& model, const NiqeOptions& options) {
  if (image.empty()) return Error(ErrorCode::InvalidArgument, "empty image");
  if (model.mu.size() != size_t(NiqeModel::kFeatures) ||
      model.cov.size() != size_t(NiqeModel::kFeatures) * NiqeModel::kFeatures ||
      model.window.size() != size_t(NiqeModel::kWindow) * NiqeModel::kWindow) {
    return Error(ErrorCode::InvalidArgument, "NIQE model is not loaded");
  }
  if (options.crop_border < 0 || options.block_size < 2 || options.block_size % 2 != 0) {
    return Error(ErrorCode::InvalidArgument, "bad NIQE options (crop_border >= 0, even block_size)");
  }
  // Rounding to integer levels is part of the reference (MATLAB works on uint8 luma).
  Plane y = crop_border(y_plane(image), options.crop_border);
  round_in_place(y);

  const int block = options.block_size;
  const int blocks_x = y.width / block;
  const int blocks_y = y.height / block;
  if (blocks_x * blocks_y < 2) {
    return Error(ErrorCode::InvalidArgument,
                 "NIQE needs at least two " + std::to_string(block) + "x" + std::to_string(block) +
                     " blocks after the crop");
  }
  // Only whole blocks take part; the rest of the right and bottom edges is dropped.
  Plane scale1(blocks_x * block, blocks_y * block);
  for (int r = 0; r < scale1.height; ++r) {
    for (int c = 0; c < scale1.width; ++c) scale1.at(c, r) = y.at(c, r);
  }
  std::vector<NiqeBlockFeatures> scale1_rows, scale2_rows;
  append_scale_features(scale1, model.window, block, blocks_x, blocks_y, scale1_rows);
  const Plane scale2 = matlab_resize(scale1, 0.5, true);
  append_scale_features(scale2, model.window, block / 2, blocks_x, blocks_y, scale2_rows);

  // Each block is one 36-value sample: its 18 features at scale 1 then at scale 2.
  constexpr int n = NiqeModel::kFeatures;
  constexpr int half = kNiqeFeaturesPerScale;
  const size_t blocks = scale1_rows.size();
  auto feature = [&](size_t b, int f) {
    return f < half ? scale1_rows[b][f] : scale2_rows[b][f - half];
  };

  // nanmean per feature over all blocks; covariance (n-1 normalization) over the blocks without
  // any NaN, as the reference's nanmean / nancov.
  std::vector<double> mean(n, 0.0);
  for (int f = 0; f < n; ++f) {
    double sum = 0.0;
    size_t count = 0;
    for (size_t b = 0; b < blocks; ++b) {
      const double v = feature(b, f);
      if (!std::isnan(v)) {
        sum += v;
        ++count;
      }
    }
    mean[f] = count ? sum / double(count) : std::numeric_limits<double>::quiet_NaN();
  }
  std::vector<size_t> complete;
  for (size_t b = 0; b < blocks; ++b) {
    bool ok = true;
    for (int f = 0; f < n && ok; ++f) ok = !std::isnan(feature(b, f));
    if (ok) complete.push_back(b);
  }
  if (complete.size() < 2) {
    return Error(ErrorCode::InvalidArgument,
                 "NIQE is undefined: fewer than two blocks have texture (flat image?)");
  }
  std::vector<double> complete_mean(n, 0.0);
  for (size_t b : complete) {
    for (int f = 0; f < n; ++f) complete_mean[f] += feature(b, f);
  }
  for (double& v : complete_mean) v /= double(complete.size());

  cv::Mat cov(n, n, CV_64F, cv::Scalar(0.0));
  for (size_t b : complete) {
    for (int i = 0; i < n; ++i) {
      const double di = feature(b, i) - complete_mean[i];
      for (int j = 0; j < n; ++j) cov.at<double>(i, j) += di * (feature(b, j) - complete_mean[j]);
    }
  }
  cov /= double(complete.size() - 1);

  double quality = 0.0;
  try {
    const cv::Mat pris_cov = cv::Mat(model.cov, true).reshape(1, n);
    const cv::Mat inv = symmetric_pinv((pris_cov + cov) / 2.0);
    cv::Mat diff(1, n, CV_64F);
    for (int f = 0; f < n; ++f) diff.at<double>(f) = model.mu[f] - mean[f];
    const cv::Mat q = diff * inv * diff.t();
    quality = q.at<double>(0, 0);
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, e.what(), "NIQE distance");
  }
  if (!std::isfinite(quality)) {
    return Error(ErrorCode::InvalidArgument, "NIQE is undefined for this image (NaN features)");
  }
  return std::sqrt(std::max(quality, 0.0));
}

}  // namespace rsd::metrics
