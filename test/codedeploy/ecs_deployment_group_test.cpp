// codedeploy::EcsDeploymentGroup: blue/green for a Fargate service with the
// CODE_DEPLOY controller: the AWS CDK's defaults (ServiceRole with
// AWSCodeDeployRoleForECS, ECSAllAtOnce, ready-and-continue, terminate at
// once), target group pair and listeners, waits, configs, alarms, and the
// checks on service, target groups and listeners.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/codedeploy/cfn_application.hpp>
#include <cdk/codedeploy/cfn_deployment_config.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/cfn_listener.hpp>
#include <cdk/elbv2/cfn_target_group.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codedeploy = cdk::codedeploy;
namespace ecs = cdk::ecs;
namespace elbv2 = cdk::elbv2;

class EcsDeploymentGroupTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  ecs::Cluster& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc});
  ecs::FargateTaskDefinition& task = make_task();
  ecs::FargateService& service = make_service("Web", ecs::DeploymentControllerType::CodeDeploy);
  elbv2::ApplicationLoadBalancer& alb = stack.add<elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc});
  elbv2::ApplicationListener& prod = alb.add_listener("Prod", {.port = 80});
  elbv2::ApplicationListener* test = nullptr;  // made by traffic(): a listener needs a default action
  elbv2::TargetGroup& blue = prod.add_targets("Blue", {.port = 80, .targets = {service}});
  elbv2::TargetGroup& green = make_green("Green");

  ecs::FargateTaskDefinition& make_task() {
    auto& t = stack.add<ecs::FargateTaskDefinition>("Task");
    t.add_container("web", {.image = ecs::ContainerImage::from_registry("nginx"), .port_mappings = {{.container_port = 80}}});
    return t;
  }
  ecs::FargateService& make_service(const std::string& id, ecs::DeploymentControllerType controller) {
    return stack.add<ecs::FargateService>(id, {.cluster = cluster, .task_definition = task,
                                               .circuit_breaker_rollback = false, .deployment_controller = controller});
  }
  elbv2::TargetGroup& make_green(const std::string& id) {
    return stack.add<elbv2::TargetGroup>(id, {.port = 80, .vpc = vpc, .target_type = elbv2::TargetType::Ip});
  }
  codedeploy::EcsBlueGreenDeploymentConfig traffic() {
    test = &alb.add_listener("Test", {.port = 8080, .default_target_groups = {green}});
    return {.blue_target_group = blue, .green_target_group = green, .listener = prod, .test_listener = *test};
  }
};

TEST_F(EcsDeploymentGroupTest, BlueGreenWithTheAwsCdksDefaults) {
  auto& group = stack.add<codedeploy::EcsDeploymentGroup>("BlueGreen", {.service = service,
                                                                         .blue_green_deployment_config = traffic()});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(group.deployment_config()->deployment_config_name(), cdk::Value("CodeDeployDefault.ECSAllAtOnce"));
  t.has_resource_properties("AWS::CodeDeploy::Application", Match::object_equals({{"ComputePlatform", "ECS"}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({
      {"AssumeRolePolicyDocument", Match::object_like({{"Statement", Match::array_equals({Match::object_like({
          {"Principal", Match::object_equals({{"Service", "codedeploy.amazonaws.com"}})}})})}})},
      {"ManagedPolicyArns", Match::array_equals({Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
          "arn:", ref_to("AWS::Partition"), ":iam::aws:policy/AWSCodeDeployRoleForECS"})})}})})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_equals({
      {"ApplicationName", ref_to(t.logical_id(group.application().cfn()))},
      {"ServiceRoleArn", get_att("BlueGreenServiceRole40FB19D8", "Arn")},
      {"DeploymentConfigName", "CodeDeployDefault.ECSAllAtOnce"},
      {"DeploymentStyle", Match::object_equals({{"DeploymentOption", "WITH_TRAFFIC_CONTROL"}, {"DeploymentType", "BLUE_GREEN"}})},
      {"ECSServices", Match::array_equals({Match::object_equals({
          {"ClusterName", Match::any_value()}, {"ServiceName", get_att(t.logical_id(service.cfn_service()), "Name")}})})},
      {"BlueGreenDeploymentConfiguration", Match::object_equals({
          {"DeploymentReadyOption", Match::object_equals({{"ActionOnTimeout", "CONTINUE_DEPLOYMENT"}, {"WaitTimeInMinutes", 0}})},
          {"TerminateBlueInstancesOnDeploymentSuccess", Match::object_equals({
              {"Action", "TERMINATE"}, {"TerminationWaitTimeInMinutes", 0}})}})},
      {"LoadBalancerInfo", Match::object_equals({{"TargetGroupPairInfoList", Match::array_equals({Match::object_equals({
          {"TargetGroups", Match::array_equals({
              Match::object_equals({{"Name", get_att(t.logical_id(blue.cfn()), "TargetGroupName")}}),
              Match::object_equals({{"Name", get_att(t.logical_id(green.cfn()), "TargetGroupName")}})})},
          {"ProdTrafficRoute", Match::object_equals({{"ListenerArns", Match::array_equals({ref_to(t.logical_id(prod.cfn()))})}})},
          {"TestTrafficRoute", Match::object_equals({{"ListenerArns", Match::array_equals({ref_to(t.logical_id(test->cfn()))})}})}})})}})},
      {"AlarmConfiguration", Match::object_equals({{"Enabled", false}})},
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({"DEPLOYMENT_FAILURE"})}})}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({
      {"DeploymentController", Match::object_equals({{"Type", "CODE_DEPLOY"}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsDeploymentGroupTest, WaitsCustomConfigAlarmsAndNoTestListener) {
  auto& canary = stack.add<codedeploy::EcsDeploymentConfig>(
      "Canary", {.traffic_routing = codedeploy::TrafficRouting::time_based_canary(20, 10)});
  auto& errors = stack.add<cdk::cloudwatch::Alarm>("Errors", {
      .metric = {.namespace_ = "AWS/ApplicationELB", .metric_name = "HTTPCode_Target_5XX_Count",
                 .dimensions = {{"LoadBalancer", alb.load_balancer_full_name()}}, .statistic = "Sum"},
      .threshold = 10});
  stack.add<codedeploy::EcsDeploymentGroup>("BlueGreen", {
      .service = service,
      .blue_green_deployment_config = {.blue_target_group = blue, .green_target_group = green, .listener = prod,
                                       .deployment_approval_wait_time_minutes = 60, .termination_wait_time_minutes = 2880},
      .deployment_group_name = "web-blue-green",
      .deployment_config = canary,
      .alarms = {errors},
      .auto_rollback = {.stopped_deployment = true}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DeploymentGroupName", "web-blue-green"},
      {"DeploymentConfigName", ref_to(t.logical_id(canary.cfn()))},
      {"BlueGreenDeploymentConfiguration", Match::object_equals({
          {"DeploymentReadyOption", Match::object_equals({{"ActionOnTimeout", "STOP_DEPLOYMENT"}, {"WaitTimeInMinutes", 60}})},
          {"TerminateBlueInstancesOnDeploymentSuccess", Match::object_equals({
              {"Action", "TERMINATE"}, {"TerminationWaitTimeInMinutes", 2880}})}})},
      {"LoadBalancerInfo", Match::object_equals({{"TargetGroupPairInfoList", Match::array_equals({Match::object_equals({
          {"TargetGroups", Match::array_equals({Match::any_value(), Match::any_value()})},
          {"ProdTrafficRoute", Match::any_value()}})})}})},
      {"AlarmConfiguration", Match::object_equals({
          {"Alarms", Match::array_equals({Match::object_equals({{"Name", ref_to(t.find_resources("AWS::CloudWatch::Alarm")[0])}})})},
          {"Enabled", true}})},
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({
          "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsDeploymentGroupTest, AServiceWithoutTheCodeDeployControllerIsAnError) {
  auto& rolling = stack.add<ecs::FargateService>("Rolling", {.cluster = cluster, .task_definition = task});
  expect_error([&] { stack.add<codedeploy::EcsDeploymentGroup>("BlueGreen", {.service = rolling,
                                                                             .blue_green_deployment_config = traffic()}); },
               "Stack/BlueGreen", "the service Stack/Rolling does not use the CODE_DEPLOY deployment controller");
  expect_error([&] { stack.add<codedeploy::EcsDeploymentGroup>("NoService", {}); }, "Stack/NoService", "needs a service");
}

TEST_F(EcsDeploymentGroupTest, TargetGroupsAndListenersAreChecked) {
  auto bg = traffic();
  auto with = [&](codedeploy::EcsBlueGreenDeploymentConfig c) {
    return [this, c] { stack.add<codedeploy::EcsDeploymentGroup>("BlueGreen", {.service = service,
                                                                               .blue_green_deployment_config = c}); };
  };
  auto same = bg;
  same.green_target_group = blue;
  expect_error(with(same), "Stack/BlueGreen", "the blue and green target groups are both Stack/Lb/Prod/BlueGroup");
  auto missing = bg;
  missing.listener = nullptr;
  expect_error(with(missing), "Stack/BlueGreen", "needs a blue and a green target group and a production listener");
  auto not_target = bg;
  not_target.blue_target_group = make_green("Other");
  expect_error(with(not_target), "Stack/BlueGreen", "is not a target of the blue group Stack/Other");

  auto& nlb = stack.add<elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  auto& elsewhere = nlb.add_listener("Tcp", {.port = 80});
  auto other_lb = bg;
  other_lb.listener = elsewhere;
  other_lb.test_listener = nullptr;
  expect_error(with(other_lb), "Stack/BlueGreen", "the production listener Stack/Nlb/Tcp is not on the load balancer of");
  auto test_elsewhere = bg;
  test_elsewhere.test_listener = elsewhere;
  expect_error(with(test_elsewhere), "Stack/BlueGreen", "the test listener Stack/Nlb/Tcp is not on Stack/Lb");
  auto same_listener = bg;
  same_listener.test_listener = prod;
  expect_error(with(same_listener), "Stack/BlueGreen", "the test listener is the production listener");
  auto& tcp_green = stack.add<elbv2::TargetGroup>("TcpGreen", {.protocol = elbv2::Protocol::Tcp, .port = 80, .vpc = vpc,
                                                               .target_type = elbv2::TargetType::Ip});
  nlb.add_listener("Other", {.port = 81, .default_target_groups = {tcp_green}});
  auto green_elsewhere = bg;
  green_elsewhere.green_target_group = tcp_green;
  expect_error(with(green_elsewhere), "Stack/BlueGreen", "the green group Stack/TcpGreen is attached to another load balancer");
}

TEST_F(EcsDeploymentGroupTest, WaitTimesAndConfigPlatformAreChecked) {
  auto bg = traffic();
  auto long_wait = bg;
  long_wait.termination_wait_time_minutes = 2881;
  expect_error([&] { stack.add<codedeploy::EcsDeploymentGroup>("A", {.service = service, .blue_green_deployment_config = long_wait}); },
               "Stack/A", "termination_wait_time_minutes 2881 is outside CodeDeploy's range 0-2880 minutes");
  auto negative = bg;
  negative.deployment_approval_wait_time_minutes = -1;
  expect_error([&] { stack.add<codedeploy::EcsDeploymentGroup>("B", {.service = service, .blue_green_deployment_config = negative}); },
               "Stack/B", "deployment_approval_wait_time_minutes -1 is outside");
  expect_error([&] { stack.add<codedeploy::EcsDeploymentGroup>("C", {.service = service, .blue_green_deployment_config = bg,
      .deployment_config = codedeploy::ServerDeploymentConfig::all_at_once()}); },
               "Stack/C", "is for the Server platform, not ECS");
}

}  // namespace
