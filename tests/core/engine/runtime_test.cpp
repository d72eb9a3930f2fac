#include "engine/runtime.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace rsd::engine {
namespace {

TEST(Runtime, ParsesDevices) {
  EXPECT_EQ(*parse_device("cpu"), DeviceKind::Cpu);
  EXPECT_EQ(*parse_device("cuda"), DeviceKind::Cuda);
  EXPECT_EQ(*parse_device("gpu"), DeviceKind::Cuda);
  EXPECT_EQ(*parse_device("auto"), DeviceKind::Auto);
  auto bad = parse_device("tpu");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
}

TEST(Runtime, ParsesAndResolvesPrecisions) {
  EXPECT_EQ(*parse_precision("auto"), Precision::Auto);
  EXPECT_EQ(*parse_precision("fp32"), Precision::Fp32);
  EXPECT_EQ(*parse_precision(""), Precision::Fp32);
  EXPECT_EQ(*parse_precision("fp16"), Precision::Fp16);
  EXPECT_EQ(*parse_precision("bf16"), Precision::Bf16);
  auto bad = parse_precision("fp8");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(bad.error().what().find("'fp8'"), std::string::npos);
  EXPECT_NE(bad.error().what().find("bf16"), std::string::npos) << "names the choices";
  for (auto p : {Precision::Auto, Precision::Fp32, Precision::Fp16, Precision::Bf16})
    EXPECT_EQ(*parse_precision(to_string(p)), p);

  // CPU: auto is bf16 only where the CPU has bf16 arithmetic; fp16 is refused.
  EXPECT_EQ(*resolve_precision(Precision::Auto, DeviceKind::Cpu),
            cpu_has_native_bf16() ? Precision::Bf16 : Precision::Fp32);
  EXPECT_EQ(*resolve_precision(Precision::Bf16, DeviceKind::Cpu), Precision::Bf16);
  EXPECT_EQ(*resolve_precision(Precision::Fp32, DeviceKind::Cpu), Precision::Fp32);
  auto fp16 = resolve_precision(Precision::Fp16, DeviceKind::Cpu);
  ASSERT_FALSE(fp16.ok());
  EXPECT_EQ(fp16.error().code, ErrorCode::Unsupported);
  EXPECT_NE(fp16.error().what().find("CUDA"), std::string::npos);
  // CUDA: auto is a half type, bf16 where the device has it.
  EXPECT_EQ(*resolve_precision(Precision::Auto, DeviceKind::Cuda),
            cuda_has_bf16() ? Precision::Bf16 : Precision::Fp16);
  EXPECT_EQ(*resolve_precision(Precision::Fp16, DeviceKind::Cuda), Precision::Fp16);
}

// What matters about a resolved device is that work runs there: a tensor made on it computes,
// and lands where it was asked to.
void expect_device_computes(DeviceKind kind) {
  const auto device = kind == DeviceKind::Cuda ? at::Device(at::kCUDA) : at::Device(at::kCPU);
  auto x = at::arange(1, 5, at::TensorOptions().dtype(at::kFloat).device(device));
  EXPECT_EQ(x.device().type(), device.type());
  EXPECT_EQ((x * x).sum().item<double>(), 30.0);
}

TEST(Runtime, EveryResolvedDeviceRunsWork) {
  auto cpu = resolve_device(DeviceKind::Cpu);
  ASSERT_TRUE(cpu.ok());
  EXPECT_EQ(*cpu, DeviceKind::Cpu);
  expect_device_computes(*cpu);

  auto automatic = resolve_device(DeviceKind::Auto);
  ASSERT_TRUE(automatic.ok()) << "auto must always find a device";
  EXPECT_NE(*automatic, DeviceKind::Auto);
  expect_device_computes(*automatic);

  auto cuda = resolve_device(DeviceKind::Cuda);
  if (cuda.ok()) {
    expect_device_computes(*cuda);
    EXPECT_EQ(*automatic, DeviceKind::Cuda) << "auto prefers a usable GPU";
  } else {
    // No GPU: a clear refusal, and auto falls back to the CPU rather than failing.
    EXPECT_EQ(cuda.error().code, ErrorCode::Unsupported);
    EXPECT_NE(cuda.error().what().find("CUDA"), std::string::npos);
    EXPECT_EQ(*automatic, DeviceKind::Cpu);
  }
}

TEST(Runtime, ConfiguresThreadsFromTheArgumentOrOmpNumThreads) {
  const char* env = std::getenv("OMP_NUM_THREADS");
  const std::string saved = env ? env : "";
  ::unsetenv("OMP_NUM_THREADS");
  EXPECT_EQ(configure_threads(1), 1);
  EXPECT_EQ(at::get_num_threads(), 1);
  ::setenv("OMP_NUM_THREADS", "2", 1);
  EXPECT_EQ(configure_threads(1), 2);  // the environment wins over the argument
  EXPECT_EQ(at::get_num_threads(), 2);
  if (env) ::setenv("OMP_NUM_THREADS", saved.c_str(), 1);
  else ::unsetenv("OMP_NUM_THREADS");
  configure_threads();  // back to what the process started with
  EXPECT_NE(runtime_summary().find("LibTorch"), std::string::npos);
}

}  // namespace
}  // namespace rsd::engine
