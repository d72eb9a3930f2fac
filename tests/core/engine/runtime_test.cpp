#include "engine/runtime.h"

#include <gtest/gtest.h>

namespace rsd::engine {
namespace {

TEST(Runtime, ParsesDevices) {
  EXPECT_EQ(*parse_device("cpu"), DeviceKind::Cpu);
  EXPECT_EQ(*parse_device("cuda"), DeviceKind::Cuda);
  EXPECT_EQ(*parse_device("auto"), DeviceKind::Auto);
  EXPECT_FALSE(parse_device("tpu").ok());
}

TEST(Runtime, AutoResolvesToWhatIsAvailable) {
  auto d = resolve_device(DeviceKind::Auto);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, cuda_available() ? DeviceKind::Cuda : DeviceKind::Cpu);
  if (!cuda_available()) {
    EXPECT_FALSE(resolve_device(DeviceKind::Cuda).ok());
  }
}

TEST(Runtime, ConfiguresThreads) {
  EXPECT_GE(configure_threads(2), 1);
  EXPECT_NE(runtime_summary().find("LibTorch"), std::string::npos);
}

}  // namespace
}  // namespace rsd::engine
