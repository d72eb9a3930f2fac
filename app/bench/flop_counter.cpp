#include "flop_counter.h"

#include <ATen/core/ivalue.h>
#include <ATen/record_function.h>

#include <atomic>
#include <cstring>
#include <vector>

namespace rsd::bench {
namespace {

std::atomic<int64_t> g_flops{0};
std::atomic<int64_t> g_calls{0};

std::vector<int64_t> int_list(const c10::IValue& v) {
  if (v.isIntList()) return v.toIntVector();
  return {};
}

int64_t at_or(const std::vector<int64_t>& v, size_t i, int64_t fallback) {
  if (v.empty()) return fallback;
  return i < v.size() ? v[i] : v.back();
}

// aten::convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding,
// groups)
int64_t convolution_flops(c10::ArrayRef<const c10::IValue> in) {
  if (in.size() < 9 || !in[0].isTensor() || !in[1].isTensor()) return 0;
  const auto x = in[0].toTensor().sizes();
  const auto w = in[1].toTensor().sizes();
  if (x.size() < 3 || w.size() != x.size()) return 0;
  const bool transposed = in[6].isBool() && in[6].toBool();
  const int64_t groups = in[8].isInt() ? std::max<int64_t>(1, in[8].toInt()) : 1;
  int64_t kernel = 1;
  for (size_t d = 2; d < w.size(); ++d) kernel *= w[d];
  if (transposed) {
    // Every input element is scattered into Cout/groups * kernel outputs.
    int64_t in_elems = 1;
    for (auto s : x) in_elems *= s;
    return 2 * in_elems * w[1] * kernel;
  }
  const auto stride = int_list(in[3]);
  const auto padding = int_list(in[4]);
  const auto dilation = int_list(in[5]);
  int64_t out_elems = x[0] * w[0];
  for (size_t d = 2; d < x.size(); ++d) {
    const size_t i = d - 2;
    const int64_t o = (x[d] + 2 * at_or(padding, i, 0) - at_or(dilation, i, 1) * (w[d] - 1) - 1) /
                          at_or(stride, i, 1) + 1;
    out_elems *= std::max<int64_t>(0, o);
  }
  return 2 * out_elems * (x[1] / groups) * kernel;
}

// mm(a, b) / addmm(c, a, b): a [M, K], b [K, N]; bmm / baddbmm add a batch dimension.
int64_t product_flops(c10::ArrayRef<const c10::IValue> in, size_t first) {
  if (in.size() < first + 2 || !in[first].isTensor() || !in[first + 1].isTensor()) return 0;
  const auto a = in[first].toTensor().sizes();
  const auto b = in[first + 1].toTensor().sizes();
  if (a.size() < 2 || b.size() < 2) return 0;
  int64_t batch = 1;
  for (size_t d = 0; d + 2 < a.size(); ++d) batch *= a[d];
  return 2 * batch * a[a.size() - 2] * a[a.size() - 1] * b[b.size() - 1];
}

std::unique_ptr<at::ObserverContext> on_start(const at::RecordFunction& fn) {
  const char* name = fn.name();
  if (name == nullptr || std::strncmp(name, "aten::", 6) != 0) return nullptr;
  const char* op = name + 6;
  int64_t flops = 0;
  if (std::strcmp(op, "convolution") == 0) flops = convolution_flops(fn.inputs());
  else if (std::strcmp(op, "mm") == 0 || std::strcmp(op, "bmm") == 0)
    flops = product_flops(fn.inputs(), 0);
  else if (std::strcmp(op, "addmm") == 0 || std::strcmp(op, "baddbmm") == 0)
    flops = product_flops(fn.inputs(), 1);
  if (flops > 0) {
    g_flops.fetch_add(flops, std::memory_order_relaxed);
    g_calls.fetch_add(1, std::memory_order_relaxed);
  }
  return nullptr;
}

}  // namespace

FlopCounter::FlopCounter() {
  reset();
  handle_ = at::addGlobalCallback(
      at::RecordFunctionCallback(&on_start).needsInputs(true).scopes({at::RecordScope::FUNCTION}));
}

FlopCounter::~FlopCounter() { at::removeCallback(handle_); }

double FlopCounter::flops() const { return static_cast<double>(g_flops.load()); }
int64_t FlopCounter::counted_calls() const { return g_calls.load(); }
void FlopCounter::reset() {
  g_flops.store(0);
  g_calls.store(0);
}

}  // namespace rsd::bench
