// codedeploy deployment configurations: predefined ones by name, custom
// server (minimum healthy hosts) and ECS (traffic routing) ones, and their
// checked ranges. Logical ids are those aws-cdk-lib gives the same construct ids.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codedeploy/cfn_deployment_config.hpp>
#include <cdk/codedeploy/codedeploy.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codedeploy = cdk::codedeploy;

class DeploymentConfigTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
};

TEST_F(DeploymentConfigTest, PredefinedServerConfigsAreCodeDeploysNames) {
  EXPECT_EQ(codedeploy::ServerDeploymentConfig::one_at_a_time().deployment_config_name(), cdk::Value("CodeDeployDefault.OneAtATime"));
  EXPECT_EQ(codedeploy::ServerDeploymentConfig::half_at_a_time().deployment_config_name(), cdk::Value("CodeDeployDefault.HalfAtATime"));
  EXPECT_EQ(codedeploy::ServerDeploymentConfig::all_at_once().deployment_config_name(), cdk::Value("CodeDeployDefault.AllAtOnce"));
  EXPECT_EQ(codedeploy::ServerDeploymentConfig::all_at_once().compute_platform(), codedeploy::ComputePlatform::Server);
  EXPECT_EQ(codedeploy::ServerDeploymentConfig::all_at_once().construct(), nullptr);
}

TEST_F(DeploymentConfigTest, PredefinedEcsConfigsAreCodeDeploysNames) {
  using C = codedeploy::EcsDeploymentConfig;
  EXPECT_EQ(C::all_at_once().deployment_config_name(), cdk::Value("CodeDeployDefault.ECSAllAtOnce"));
  EXPECT_EQ(C::linear_10_percent_every_1_minute().deployment_config_name(),
            cdk::Value("CodeDeployDefault.ECSLinear10PercentEvery1Minutes"));
  EXPECT_EQ(C::linear_10_percent_every_3_minutes().deployment_config_name(),
            cdk::Value("CodeDeployDefault.ECSLinear10PercentEvery3Minutes"));
  EXPECT_EQ(C::canary_10_percent_5_minutes().deployment_config_name(), cdk::Value("CodeDeployDefault.ECSCanary10Percent5Minutes"));
  EXPECT_EQ(C::canary_10_percent_15_minutes().deployment_config_name(),
            cdk::Value("CodeDeployDefault.ECSCanary10Percent15Minutes"));
  EXPECT_EQ(C::from_name("Mine").compute_platform(), codedeploy::ComputePlatform::Ecs);
}

TEST_F(DeploymentConfigTest, CustomServerConfigRendersMinimumHealthyHostsWithoutAComputePlatform) {
  auto& percent = stack.add<codedeploy::ServerDeploymentConfig>(
      "Percent", {.minimum_healthy_hosts = codedeploy::MinimumHealthyHosts::percentage(75), .deployment_config_name = "web.75"});
  stack.add<codedeploy::ServerDeploymentConfig>("Count", {.minimum_healthy_hosts = codedeploy::MinimumHealthyHosts::count(2)});
  stack.add<cdk::CfnOutput>("Arn", {.value = percent.deployment_config_arn()});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(percent.cfn()), "Percent0A39CFCF");
  t.has_resource_properties("AWS::CodeDeploy::DeploymentConfig", Match::object_equals({
      {"DeploymentConfigName", "web.75"},
      {"MinimumHealthyHosts", Match::object_equals({{"Type", "FLEET_PERCENT"}, {"Value", 75}})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentConfig", Match::object_equals({
      {"MinimumHealthyHosts", Match::object_equals({{"Type", "HOST_COUNT"}, {"Value", 2}})}}));
  t.has_output("Arn", Match::object_like({{"Value", Match::object_like({{"Fn::Join", Match::array_with({
      Match::array_with({":codedeploy:", ":deploymentconfig:", Match::object_equals({{"Ref", "Percent0A39CFCF"}})})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DeploymentConfigTest, CustomEcsConfigsRenderCanaryLinearAndAllAtOnce) {
  using codedeploy::TrafficRouting;
  stack.add<codedeploy::EcsDeploymentConfig>("Canary", {.traffic_routing = TrafficRouting::time_based_canary(20, 10)});
  stack.add<codedeploy::EcsDeploymentConfig>("Linear", {.traffic_routing = TrafficRouting::time_based_linear(25, 2)});
  stack.add<codedeploy::EcsDeploymentConfig>("AllAtOnce");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentConfig", Match::object_equals({
      {"ComputePlatform", "ECS"},
      {"TrafficRoutingConfig", Match::object_equals({{"Type", "TimeBasedCanary"}, {"TimeBasedCanary", Match::object_equals({
          {"CanaryInterval", 10}, {"CanaryPercentage", 20}})}})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentConfig", Match::object_equals({
      {"ComputePlatform", "ECS"},
      {"TrafficRoutingConfig", Match::object_equals({{"Type", "TimeBasedLinear"}, {"TimeBasedLinear", Match::object_equals({
          {"LinearInterval", 2}, {"LinearPercentage", 25}})}})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentConfig", Match::object_equals({
      {"ComputePlatform", "ECS"}, {"TrafficRoutingConfig", Match::object_equals({{"Type", "AllAtOnce"}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DeploymentConfigTest, OutOfRangeValuesAreErrorsNamingThePath) {
  using codedeploy::MinimumHealthyHosts;
  using codedeploy::TrafficRouting;
  expect_error([&] { stack.add<codedeploy::ServerDeploymentConfig>("NoHosts", {}); }, "Stack/NoHosts",
               "needs minimum_healthy_hosts");
  expect_error([&] { stack.add<codedeploy::ServerDeploymentConfig>("All", {.minimum_healthy_hosts = MinimumHealthyHosts::percentage(100)}); },
               "Stack/All", "100% is outside CodeDeploy's range 0-99");
  expect_error([&] { stack.add<codedeploy::ServerDeploymentConfig>("Neg", {.minimum_healthy_hosts = MinimumHealthyHosts::count(-1)}); },
               "Stack/Neg", "is negative");
  expect_error([&] { stack.add<codedeploy::EcsDeploymentConfig>("Zero", {.traffic_routing = TrafficRouting::time_based_canary(0, 5)}); },
               "Stack/Zero", "canary percentage 0 is outside 1-99");
  expect_error([&] { stack.add<codedeploy::EcsDeploymentConfig>("Full", {.traffic_routing = TrafficRouting::time_based_linear(100, 5)}); },
               "Stack/Full", "linear percentage 100 is outside 1-99");
  expect_error([&] { stack.add<codedeploy::EcsDeploymentConfig>("Fast", {.traffic_routing = TrafficRouting::time_based_linear(10, 0)}); },
               "Stack/Fast", "interval 0 minutes is below 1");
  expect_error([&] {
    stack.add<codedeploy::EcsDeploymentConfig>("Named", {.deployment_config_name = "has space"});
  }, "Stack/Named", "may hold only letters, digits");
  expect_error([&] {
    stack.add<codedeploy::EcsDeploymentConfig>("Long", {.deployment_config_name = std::string(101, 'a')});
  }, "Stack/Long", "longer than 100 characters");
}

}  // namespace
