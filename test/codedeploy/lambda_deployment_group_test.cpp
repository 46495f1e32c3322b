// codedeploy::LambdaDeploymentGroup and LambdaDeploymentConfig: the AWS
// CDK's defaults (ServiceRole with AWSCodeDeployRoleForLambdaLimited,
// LambdaCanary10Percent5Minutes), the alias's UpdatePolicy, hooks and their
// grants, custom configurations and errors.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codedeploy/cfn_application.hpp>
#include <cdk/codedeploy/cfn_deployment_config.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/lambda/cfn_function.hpp>
#include <cdk/lambda/lambda.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codedeploy = cdk::codedeploy;
namespace lambda = cdk::lambda;

class LambdaDeploymentGroupTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  lambda::Function& fn = function("Fn");
  lambda::Version& v1 = stack.add<lambda::Version>("V1", {.function = fn});
  lambda::Alias& live = stack.add<lambda::Alias>("Live", {.alias_name = "live", .version = v1});

  lambda::Function& function(const std::string& id) {
    return stack.add<lambda::Function>(id, {.runtime = lambda::Runtime::Python312, .handler = "index.handler",
                                            .code = lambda::Code::from_inline("def handler(event, context):\n  return 1\n")});
  }
};

TEST_F(LambdaDeploymentGroupTest, DefaultsAreTheAwsCdksAndTheAliasUpdatesThroughCodeDeploy) {
  auto& group = stack.add<codedeploy::LambdaDeploymentGroup>("Deploy", {.alias = live});
  auto t = Template::from_stack(stack);
  const auto group_id = t.logical_id(group.cfn());
  const auto app_id = t.logical_id(group.application().cfn());
  t.has_resource_properties("AWS::CodeDeploy::Application", Match::object_equals({{"ComputePlatform", "Lambda"}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({
      {"ManagedPolicyArns", Match::array_equals({Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
          "arn:", ref_to("AWS::Partition"), ":iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"})})}})})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes"},
      {"DeploymentStyle", Match::object_equals({{"DeploymentOption", "WITH_TRAFFIC_CONTROL"}, {"DeploymentType", "BLUE_GREEN"}})},
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({"DEPLOYMENT_FAILURE"})}})}}));
  t.has_resource("AWS::Lambda::Alias", Match::object_like({{"UpdatePolicy", Match::object_equals({
      {"CodeDeployLambdaAliasUpdate", Match::object_equals({{"ApplicationName", ref_to(app_id)},
                                                            {"DeploymentGroupName", ref_to(group_id)}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LambdaDeploymentGroupTest, HooksAreNamedInTheUpdatePolicyAndGranted) {
  auto& pre = function("PreHook");
  auto& post = function("PostHook");
  auto& group = stack.add<codedeploy::LambdaDeploymentGroup>("Deploy", {
      .alias = live, .deployment_config = codedeploy::LambdaDeploymentConfig::linear_10_percent_every_1_minute(),
      .pre_hook = pre});
  group.add_post_hook(post);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DeploymentConfigName", "CodeDeployDefault.LambdaLinear10PercentEvery1Minute"}}));
  t.has_resource("AWS::Lambda::Alias", Match::object_like({{"UpdatePolicy", Match::object_equals({
      {"CodeDeployLambdaAliasUpdate", Match::object_like({
          {"BeforeAllowTrafficHook", ref_to(t.logical_id(pre.cfn_function()))},
          {"AfterAllowTrafficHook", ref_to(t.logical_id(post.cfn_function()))}})}})}}));
  // Each hook may report its result; the service role may invoke both.
  t.resource_properties_count_is("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({
          {"Action", "codedeploy:PutLifecycleEventHookExecutionStatus"}})})}})}}), 2);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Action", "lambda:InvokeFunction"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LambdaDeploymentGroupTest, CustomConfigsAndErrors) {
  auto& config = stack.add<codedeploy::LambdaDeploymentConfig>(
      "Canary", {.traffic_routing = codedeploy::TrafficRouting::time_based_canary(5, 15)});
  auto& pre = function("PreHook");
  auto& group = stack.add<codedeploy::LambdaDeploymentGroup>("Deploy", {.alias = live, .deployment_config = config,
                                                                          .pre_hook = pre});
  expect_error([&] { group.add_pre_hook(function("Second")); }, "Stack/Deploy", "has a pre-hook already (Stack/PreHook)");
  expect_error([&] { stack.add<codedeploy::LambdaDeploymentGroup>("NoAlias", {}); }, "Stack/NoAlias", "needs an alias");
  expect_error([&] { stack.add<codedeploy::LambdaDeploymentGroup>("Ecs", {
      .alias = live, .deployment_config = codedeploy::EcsDeploymentConfig::all_at_once()}); },
               "Stack/Ecs", "is for the ECS platform, not Lambda");
  expect_error([&] { stack.add<codedeploy::LambdaDeploymentConfig>("Bad", {
      .traffic_routing = codedeploy::TrafficRouting::time_based_linear(0, 1)}); },
               "Stack/Bad", "linear percentage 0 is outside 1-99");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentConfig", Match::object_equals({
      {"ComputePlatform", "Lambda"},
      {"TrafficRoutingConfig", Match::object_equals({{"Type", "TimeBasedCanary"}, {"TimeBasedCanary", Match::object_equals({
          {"CanaryInterval", 15}, {"CanaryPercentage", 5}})}})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DeploymentConfigName", ref_to(t.logical_id(config.cfn()))}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
