#include "engine/diffusion/tiled_runner.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <string>

#include "engine/diffusion/memory_budget.h"

namespace rsd::engine {

namespace {

using at::indexing::Slice;

at::Tensor ramp_tensor(const std::vector<float>& w) {
  return at::tensor(w, at::TensorOptions().dtype(at::kFloat));
}

struct Attempt {
  int tile_width;
  int tile_height;
  int batch;
};

int halved(int side, int multiple) { return std::max(multiple, side / 2 / multiple * multiple); }

// One full pass over the image with a fixed tile size and batch. Throws on LibTorch errors.
Result<at::Tensor> run_plan(const at::Tensor& lq, const TilingOptions& o, const Attempt& a,
                            const TileFunction& fn, const JobContext& ctx, int* tile_count,
                            at::Tensor* blend_factor) {
  const int H = static_cast<int>(lq.size(2)), W = static_cast<int>(lq.size(3));
  const int s = o.scale;
  const TilePlan plan = plan_tiles(W, H, a.tile_width, a.tile_height, o.overlap);
  *tile_count = static_cast<int>(plan.tiles.size());
  // The canvas lives in host memory: it is as large as the output and would otherwise compete
  // with the network for device memory.
  const auto fopt = at::TensorOptions().dtype(at::kFloat);
  auto canvas = at::zeros({1, 3, int64_t(H) * s, int64_t(W) * s}, fopt);
  auto weight = at::zeros({1, 1, int64_t(H) * s, int64_t(W) * s}, fopt);
  at::Tensor weight_sq;
  if (blend_factor) weight_sq = at::zeros_like(weight);
  const int n = *tile_count;
  for (int first = 0; first < n; first += a.batch) {
    if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled", "tiling");
    const int count = std::min(a.batch, n - first);
    std::vector<at::Tensor> crops;
    std::vector<uint64_t> seeds;
    for (int i = first; i < first + count; ++i) {
      const TileRect& t = plan.tiles[i];
      crops.push_back(lq.index({Slice(), Slice(), Slice(t.y, t.y + t.height),
                                Slice(t.x, t.x + t.width)}));
      seeds.push_back(o.seed + static_cast<uint64_t>(i));
    }
    auto batch = at::cat(crops, 0);
    if (o.before_pass) o.before_pass(count, plan.tile_height, plan.tile_width);
    const double f0 = double(first) / n, f1 = double(first + count) / n;
    auto out = fn(batch, seeds, ctx.slice(f0, f1));
    if (!out.ok()) return out.error();
    for (int k = 0; k < count; ++k) {
      const TileRect& t = plan.tiles[first + k];
      auto wy = ramp_tensor(blend_ramp(t.height, t.overlap_top, t.overlap_bottom, s));
      auto wx = ramp_tensor(blend_ramp(t.width, t.overlap_left, t.overlap_right, s));
      auto w2 = wy.view({1, 1, -1, 1}) * wx.view({1, 1, 1, -1});
      auto ys = Slice(int64_t(t.y) * s, int64_t(t.y + t.height) * s);
      auto xs = Slice(int64_t(t.x) * s, int64_t(t.x + t.width) * s);
      canvas.index({Slice(), Slice(), ys, xs}) +=
          out->index({Slice(k, k + 1)}).to(at::kCPU, at::kFloat) * w2;
      weight.index({Slice(), Slice(), ys, xs}) += w2;
      if (blend_factor) weight_sq.index({Slice(), Slice(), ys, xs}) += w2 * w2;
    }
    const std::string stage = "tile " + std::to_string(first + count) + "/" + std::to_string(n);
    ctx.report(f1, stage);
  }
  // In place: for a large image (a band of a 100-MP photo) another canvas-sized tensor would be
  // the largest allocation of the whole upscale.
  canvas.div_(weight);
  if (blend_factor) *blend_factor = weight_sq.div_(weight.square_());
  return canvas;
}

}  // namespace

bool is_out_of_memory(const std::exception& e) {
  if (dynamic_cast<const c10::OutOfMemoryError*>(&e)) return true;
  const std::string what = e.what();
  return what.find("out of memory") != std::string::npos ||
         what.find("not enough memory") != std::string::npos;
}

Result<torch::Tensor> run_tiled(const torch::Tensor& lq, const TilingOptions& o,
                                const TileFunction& fn, const JobContext& ctx,
                                TilingReport* report, torch::Tensor* blend_factor) {
  if (lq.dim() != 4 || lq.size(0) != 1 || lq.size(1) != 3)
    return Error(ErrorCode::InvalidArgument, "expected a [1, 3, H, W] image", "tiling");
  const int H = static_cast<int>(lq.size(2)), W = static_cast<int>(lq.size(3));
  if (H < 1 || W < 1) return Error(ErrorCode::InvalidArgument, "empty image", "tiling");
  if ((o.tile <= 0 || o.tiles_per_batch <= 0) && o.budget_bytes <= 0)
    return Error(ErrorCode::InvalidArgument, "automatic tiling needs a memory budget", "tiling");
  const int multiple = std::max(1, o.multiple);

  Attempt a;
  if (o.tile > 0) {
    a.tile_width = a.tile_height = o.tile;
  } else {
    const TileShape shape =
        choose_tile_shape(W, H, o.overlap, o.budget_bytes, o.cost, multiple, o.max_tile);
    a.tile_width = shape.width;
    a.tile_height = shape.height;
  }
  a.batch = o.tiles_per_batch;
  if (a.batch <= 0) {
    const auto plan = plan_tiles(W, H, a.tile_width, a.tile_height, o.overlap);
    a.batch = choose_batch(static_cast<int>(plan.tiles.size()), plan.tile_width,
                           plan.tile_height, multiple, o.budget_bytes, o.cost);
  }
  int retries = 0;
  for (;;) {
    int tile_count = 0;
    std::string failure;
    try {
      auto result = run_plan(lq, o, a, fn, ctx, &tile_count, blend_factor);
      if (result.ok() && report) {
        const TilePlan plan = plan_tiles(W, H, a.tile_width, a.tile_height, o.overlap);
        report->tile_width = plan.tile_width;
        report->tile_height = plan.tile_height;
        report->tile = std::max(plan.tile_width, plan.tile_height);
        report->tiles_per_batch = a.batch;
        report->tile_count = tile_count;
        report->out_of_memory_retries = retries;
        report->network_pixels = planned_pixels(plan, multiple);
      }
      return result;
    } catch (const c10::Error& e) {
      if (!is_out_of_memory(e))
        return Error(ErrorCode::Internal, e.what_without_backtrace(), "tiling");
      failure = e.what_without_backtrace();
    }
    // Out of memory: give the allocator its cache back, then try a smaller pass.
    release_cached_device_memory();
    ++retries;
    // Tiles wider than the image are clamped to it: halve what the plan really used.
    const int used_w = std::min(a.tile_width, W), used_h = std::min(a.tile_height, H);
    const int smaller_w = halved(used_w, multiple), smaller_h = halved(used_h, multiple);
    const auto side_text = [&] {
      return std::to_string(std::min(a.tile_width, W)) + "x" +
             std::to_string(std::min(a.tile_height, H)) + " px";
    };
    if (a.batch > 1) {
      a.batch /= 2;
    } else if (smaller_w < used_w || smaller_h < used_h) {
      a.tile_width = smaller_w;
      a.tile_height = smaller_h;
    } else {
      return Error(ErrorCode::OutOfMemory,
                   "out of memory even with one " + side_text() + " tile: " + failure, "tiling");
    }
    ctx.warn("out of memory; retrying with " + std::to_string(a.batch) + " tile(s) of " +
             side_text() + " per pass");
  }
}

}  // namespace rsd::engine
