#include "quality_chart.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace rsd::bench {
namespace {

constexpr int kPanelW = 620, kPanelH = 460;
constexpr int kLeft = 70, kRight = 20, kTop = 40, kBottom = 60;

const cv::Scalar kInk(40, 40, 40), kGrid(225, 225, 225);
const cv::Scalar kPalette[] = {{200, 90, 30}, {40, 40, 210}, {40, 150, 40}, {150, 60, 150}};

std::string short_num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::abs(v) >= 10 ? "%.0f" : (std::abs(v) >= 1 ? "%.1f" : "%.3g"), v);
  return buf;
}

// One scatter panel; value(p) gives the y value (NaN: skipped).
void draw_panel(cv::Mat& canvas, int x0, const std::vector<ChartPoint>& pts,
                const std::function<double(const ChartPoint&)>& value, const std::string& title,
                const std::map<std::string, cv::Scalar>& colours) {
  std::vector<const ChartPoint*> shown;
  for (const auto& p : pts)
    if (p.seconds > 0 && std::isfinite(value(p))) shown.push_back(&p);
  cv::putText(canvas, title, {x0 + kLeft, 25}, cv::FONT_HERSHEY_SIMPLEX, 0.6, kInk, 1, cv::LINE_AA);
  const int w = kPanelW - kLeft - kRight, h = kPanelH - kTop - kBottom;
  cv::rectangle(canvas, {x0 + kLeft, kTop}, {x0 + kLeft + w, kTop + h}, kInk, 1);
  if (shown.empty()) return;
  double tmin = 1e300, tmax = 0, vmin = 1e300, vmax = -1e300;
  for (const auto* p : shown) {
    tmin = std::min(tmin, p->seconds);
    tmax = std::max(tmax, p->seconds);
    vmin = std::min(vmin, value(*p));
    vmax = std::max(vmax, value(*p));
  }
  const double lx0 = std::floor(std::log10(tmin)), lx1 = std::max(lx0 + 1, std::ceil(std::log10(tmax)));
  const double pad = std::max(0.5, 0.1 * (vmax - vmin));
  vmin -= pad;
  vmax += pad;
  auto px = [&](double s) { return x0 + kLeft + int((std::log10(s) - lx0) / (lx1 - lx0) * w); };
  auto py = [&](double v) { return kTop + h - int((v - vmin) / (vmax - vmin) * h); };
  for (double d = lx0; d <= lx1 + 1e-9; d += 1) {  // decades
    const int x = px(std::pow(10.0, d));
    cv::line(canvas, {x, kTop}, {x, kTop + h}, kGrid, 1);
    cv::putText(canvas, short_num(std::pow(10.0, d)) + " s", {x - 18, kTop + h + 20},
                cv::FONT_HERSHEY_SIMPLEX, 0.45, kInk, 1, cv::LINE_AA);
  }
  for (int i = 0; i <= 4; ++i) {
    const double v = vmin + (vmax - vmin) * i / 4;
    cv::line(canvas, {x0 + kLeft, py(v)}, {x0 + kLeft + w, py(v)}, kGrid, 1);
    cv::putText(canvas, short_num(v), {x0 + 8, py(v) + 5}, cv::FONT_HERSHEY_SIMPLEX, 0.45, kInk, 1,
                cv::LINE_AA);
  }
  cv::putText(canvas, "seconds per image (log)", {x0 + kLeft + w / 2 - 90, kPanelH - 15},
              cv::FONT_HERSHEY_SIMPLEX, 0.5, kInk, 1, cv::LINE_AA);
  for (const auto* p : shown) {
    const cv::Point c(px(p->seconds), py(value(*p)));
    const cv::Scalar col = colours.at(p->series);
    cv::circle(canvas, c, 6, col, cv::FILLED, cv::LINE_AA);
    cv::putText(canvas, p->method, c + cv::Point(8, -6), cv::FONT_HERSHEY_SIMPLEX, 0.42, col, 1,
                cv::LINE_AA);
  }
}

// Lines of value(p) against p.detail, one per K, in the panel at (x0, y0).
void draw_detail_panel(cv::Mat& canvas, int x0, int y0, const std::vector<const DetailPoint*>& pts,
                       const std::function<double(const DetailPoint&)>& value, const std::string& title,
                       const std::map<int, cv::Scalar>& colours) {
  cv::putText(canvas, title, {x0 + kLeft, y0 + 25}, cv::FONT_HERSHEY_SIMPLEX, 0.6, kInk, 1, cv::LINE_AA);
  const int w = kPanelW - kLeft - kRight, h = kPanelH - kTop - kBottom;
  cv::rectangle(canvas, {x0 + kLeft, y0 + kTop}, {x0 + kLeft + w, y0 + kTop + h}, kInk, 1);
  double vmin = 1e300, vmax = -1e300;
  for (const auto* p : pts)
    if (std::isfinite(value(*p))) vmin = std::min(vmin, value(*p)), vmax = std::max(vmax, value(*p));
  if (vmin > vmax) return;
  const double pad = std::max(0.05, 0.1 * (vmax - vmin));
  vmin -= pad;
  vmax += pad;
  auto px = [&](double d) { return x0 + kLeft + int(d * w); };
  auto py = [&](double v) { return y0 + kTop + h - int((v - vmin) / (vmax - vmin) * h); };
  for (int i = 0; i <= 4; ++i) {
    const double d = i / 4.0, v = vmin + (vmax - vmin) * i / 4;
    cv::line(canvas, {px(d), y0 + kTop}, {px(d), y0 + kTop + h}, kGrid, 1);
    cv::putText(canvas, short_num(d), {px(d) - 10, y0 + kTop + h + 20}, cv::FONT_HERSHEY_SIMPLEX, 0.45, kInk, 1,
                cv::LINE_AA);
    cv::line(canvas, {x0 + kLeft, py(v)}, {x0 + kLeft + w, py(v)}, kGrid, 1);
    char label[32];  // enough decimals that the ticks differ
    std::snprintf(label, sizeof label, "%.*f", vmax - vmin < 0.5 ? 2 : vmax - vmin < 5 ? 1 : 0, v);
    cv::putText(canvas, label, {x0 + 8, py(v) + 5}, cv::FONT_HERSHEY_SIMPLEX, 0.45, kInk, 1, cv::LINE_AA);
  }
  cv::putText(canvas, "detail D (0 = mean of K samples, 1 = first sample)", {x0 + kLeft + 40, y0 + kPanelH - 15},
              cv::FONT_HERSHEY_SIMPLEX, 0.5, kInk, 1, cv::LINE_AA);
  for (const auto& [k, col] : colours) {
    std::vector<const DetailPoint*> line;
    for (const auto* p : pts)
      if (p->samples == k && std::isfinite(value(*p))) line.push_back(p);
    std::sort(line.begin(), line.end(), [](auto* a, auto* b) { return a->detail < b->detail; });
    for (size_t i = 0; i < line.size(); ++i) {
      const cv::Point c(px(line[i]->detail), py(value(*line[i])));
      cv::circle(canvas, c, 4, col, cv::FILLED, cv::LINE_AA);
      if (i > 0) cv::line(canvas, {px(line[i - 1]->detail), py(value(*line[i - 1]))}, c, col, 2, cv::LINE_AA);
    }
  }
}

}  // namespace

Status write_detail_chart(const std::vector<DetailPoint>& points, const std::filesystem::path& file) {
  try {
    std::vector<std::string> rows;
    std::map<int, cv::Scalar> colours;
    for (const auto& p : points) {
      if (std::find(rows.begin(), rows.end(), p.degradation) == rows.end()) rows.push_back(p.degradation);
      if (!colours.count(p.samples)) colours[p.samples] = cv::Scalar();
    }
    int i = 0;
    for (auto& [k, col] : colours) col = kPalette[i++ % 4];
    const int height = int(rows.size()) * kPanelH + 30;
    cv::Mat canvas(std::max(height, 60), 2 * kPanelW, CV_8UC3, cv::Scalar(255, 255, 255));
    for (size_t r = 0; r < rows.size(); ++r) {
      std::vector<const DetailPoint*> pts;
      for (const auto& p : points)
        if (p.degradation == rows[r]) pts.push_back(&p);
      const int y0 = int(r) * kPanelH;
      draw_detail_panel(canvas, 0, y0, pts, [](const DetailPoint& p) { return p.psnr; },
                        rows[r] + ": PSNR-Y (dB, higher is better)", colours);
      draw_detail_panel(canvas, kPanelW, y0, pts, [](const DetailPoint& p) { return p.niqe; },
                        rows[r] + ": NIQE (lower is better)", colours);
    }
    int x = kLeft;
    for (const auto& [k, col] : colours) {  // legend
      cv::circle(canvas, {x, height - 18}, 6, col, cv::FILLED, cv::LINE_AA);
      cv::putText(canvas, "K = " + std::to_string(k), {x + 12, height - 13}, cv::FONT_HERSHEY_SIMPLEX, 0.5, kInk, 1,
                  cv::LINE_AA);
      x += 90;
    }
    if (!cv::imwrite(file.string(), canvas)) return Error(ErrorCode::Io, "cannot write the chart", file.string());
    return {};
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, e.what(), file.string());
  }
}

Status write_quality_chart(const std::vector<ChartPoint>& points, const std::filesystem::path& file) {
  try {
    cv::Mat canvas(kPanelH + 30, 2 * kPanelW, CV_8UC3, cv::Scalar(255, 255, 255));
    std::map<std::string, cv::Scalar> colours;
    for (const auto& p : points)
      if (!colours.count(p.series)) colours[p.series] = kPalette[colours.size() % 4];
    draw_panel(canvas, 0, points, [](const ChartPoint& p) { return p.psnr; },
               "PSNR-Y (dB, higher is better)", colours);
    draw_panel(canvas, kPanelW, points, [](const ChartPoint& p) { return p.niqe; },
               "NIQE (lower is better)", colours);
    int x = kLeft;
    for (const auto& [series, col] : colours) {  // legend
      cv::circle(canvas, {x, kPanelH + 12}, 6, col, cv::FILLED, cv::LINE_AA);
      cv::putText(canvas, series, {x + 12, kPanelH + 17}, cv::FONT_HERSHEY_SIMPLEX, 0.5, kInk, 1,
                  cv::LINE_AA);
      x += 40 + 10 * static_cast<int>(series.size());
    }
    if (!cv::imwrite(file.string(), canvas))
      return Error(ErrorCode::Io, "cannot write the chart", file.string());
    return {};
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, e.what(), file.string());
  }
}

}  // namespace rsd::bench
