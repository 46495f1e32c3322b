// The AWS CDK's feature flags, read from context with cdk init's defaults.
#include <cdk/app.hpp>
#include <cdk/feature_flags.hpp>
#include <cdk/stack.hpp>

#include "support/expect_error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;
using cdk::testing::error_of;
constexpr auto kEfs = cdk::flags::kEfsMountTargetOrderInsensitiveLogicalId;

TEST(FeatureFlags, UnsetFlagsHaveCdkInitsValue) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  EXPECT_TRUE(cdk::FeatureFlags::of(stack).is_enabled(kEfs));
  EXPECT_TRUE(cdk::FeatureFlags::of(stack).is_enabled(cdk::flags::kEcsDisableExplicitDeploymentControllerForCircuitBreaker));
}

TEST(FeatureFlags, ContextTurnsAFlagOffForTheAppOrForOneScope) {
  cdk::App app({.context = {{std::string(kEfs), "false"}}});
  auto& stack = app.add<cdk::Stack>("S");
  EXPECT_FALSE(cdk::FeatureFlags::of(stack).is_enabled(kEfs));

  cdk::App other;
  auto& scoped = other.add<cdk::Stack>("Scoped");
  scoped.node().set_context(std::string(kEfs), "false");
  auto& plain = other.add<cdk::Stack>("Plain");
  EXPECT_FALSE(cdk::FeatureFlags::of(scoped).is_enabled(kEfs));
  EXPECT_TRUE(cdk::FeatureFlags::of(plain).is_enabled(kEfs));
}

TEST(FeatureFlags, AValueOtherThanTrueOrFalseIsAnErrorNamingTheScopeAndTheFlag) {
  cdk::App app({.context = {{std::string(kEfs), "yes"}}});
  auto& stack = app.add<cdk::Stack>("S");
  const auto message = error_of([&] { (void)cdk::FeatureFlags::of(stack).is_enabled(kEfs); });
  EXPECT_THAT(message, HasSubstr("S: "));
  EXPECT_THAT(message, HasSubstr(std::string(kEfs)));
  EXPECT_THAT(message, HasSubstr("neither true nor false"));
}

TEST(FeatureFlags, AFlagCdkppDoesNotKnowIsAnError) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  EXPECT_THAT(error_of([&] { (void)cdk::FeatureFlags::of(stack).is_enabled("@aws-cdk/aws-efs:typo"); }),
              HasSubstr("not one cdkpp knows"));
}

}  // namespace
