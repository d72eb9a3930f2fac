#include "base/error.h"

#include <gtest/gtest.h>

#include <memory>

namespace rsd {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Error(ErrorCode::InvalidArgument, "must be positive", "width");
  return v;
}

TEST(Result, CarriesValueOrError) {
  auto ok = parse_positive(3);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(bad.error().what(), "width: must be positive");
}

TEST(Result, MoveOnlyValues) {
  Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
  ASSERT_TRUE(r);
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  Status e = Error(ErrorCode::Io, "disk full");
  EXPECT_FALSE(e.ok());
  EXPECT_STREQ(to_string(e.error().code), "I/O error");
}

TEST(Error, WithinPrependsContext) {
  Error e(ErrorCode::Model, "shape [3] expected [4]", "out.2.bias");
  EXPECT_EQ(e.within("model.pth").what(), "model.pth: out.2.bias: shape [3] expected [4]");
  EXPECT_EQ(Error(ErrorCode::Io, "x").within("a.png").what(), "a.png: x");
}

}  // namespace
}  // namespace rsd
