// events::EcsTaskTarget: the ECS parameters, the EventsRole and its policy,
// the task's security group and the container overrides' Input, under the
// construct ids aws-cdk-lib uses (logical ids and shapes checked against
// aws-cdk-lib 2.276 synth output of the same app), and every error.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/events.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sqs/sqs.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::Value;
using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::events::EcsTaskTarget;
using cdk::events::Rule;
using cdk::events::Schedule;
using cdk::testing::expect_error;
using namespace std::chrono_literals;
namespace ecs = cdk::ecs;

class EcsTaskTargetTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  ecs::Cluster& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc});
  ecs::FargateTaskDefinition& task = make_task();
  Rule& rule = stack.add<Rule>("Rule", {.schedule = Schedule::cron({.minute = "0", .hour = "2"})});

  ecs::FargateTaskDefinition& make_task() {
    auto& t = stack.add<ecs::FargateTaskDefinition>("Task");
    t.add_container("web", {.image = ecs::ContainerImage::from_registry("nginx"),
                            .logging = ecs::LogDriver::aws_logs({.stream_prefix = "web"})});
    t.add_container("sidecar", {.image = ecs::ContainerImage::from_registry("busybox"), .essential = false});
    return t;
  }
  void expect_refused(EcsTaskTarget target, std::string_view text) {
    expect_error([&] { rule.add_target(target); }, "Stack/Rule", text);
  }
};

Match subnet(const std::string& kind) {
  return Match::object_equals({{"Ref", Match::string_like_regexp("^Vpc" + kind + "Subnet[12][0-9A-F]{8}$")}});
}
Match allow(Match action, Match resource) {
  return Match::object_equals({{"Action", std::move(action)}, {"Effect", "Allow"}, {"Resource", std::move(resource)}});
}

TEST_F(EcsTaskTargetTest, RunsTheTaskInPrivateSubnetsWithANewSecurityGroupAndALimitedRole) {
  rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_equals({
          {"Arn", get_att("ClusterEB0386A7", "Arn")},
          {"EcsParameters", Match::object_equals({
              {"LaunchType", "FARGATE"},
              {"NetworkConfiguration", Match::object_equals({{"AwsVpcConfiguration", Match::object_equals({
                  {"AssignPublicIp", "DISABLED"},
                  {"SecurityGroups", Match::array_equals({get_att("TaskSecurityGroup7A9820DB", "GroupId")})},
                  {"Subnets", Match::array_equals({subnet("Private"), subnet("Private")})}})}})},
              {"TaskCount", 1}, {"TaskDefinitionArn", ref_to("Task79114B6B")}})},
          {"Id", "Target0"}, {"Input", "{}"},
          {"RoleArn", get_att("TaskEventsRole72969DB9", "Arn")}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"GroupDescription", "Stack/Task/SecurityGroup"}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({
          {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})}})})}})}}));
  EXPECT_EQ(t.find_resources("AWS::IAM::Policy", Match::object_like({{"Roles", Match::array_equals({ref_to("TaskEventsRole72969DB9")})}})),
            std::vector<std::string>{"TaskEventsRoleDefaultPolicyB8BDEBED"});
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Action", "ecs:RunTask"},
                                {"Condition", Match::object_equals({{"ArnEquals", Match::object_equals({
                                    {"ecs:cluster", get_att("ClusterEB0386A7", "Arn")}})}})},
                                {"Effect", "Allow"}, {"Resource", ref_to("Task79114B6B")}}),
          allow("ecs:TagResource", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
              "arn:", ref_to("AWS::Partition"), ":ecs:", ref_to("AWS::Region"), ":*:task/", ref_to("ClusterEB0386A7"), "/*"})})}})),
          allow("iam:PassRole", get_att("TaskExecutionRoleEF964934", "Arn")),
          allow("iam:PassRole", get_att("TaskTaskRoleE98524A1", "Arn"))})}})},
      {"PolicyName", "TaskEventsRoleDefaultPolicyB8BDEBED"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsTaskTargetTest, ContainerOverridesBecomeTheInputAsTheAwsCdkRendersThem) {
  auto& queue = stack.add<cdk::sqs::Queue>("Queue");
  rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task, .container_overrides = {
      {.container_name = "web", .command = {"a", "b"}, .environment = {{"Q", queue.queue_url()}}}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"Input", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
          "{\"containerOverrides\":[{\"name\":\"web\",\"command\":[\"a\",\"b\"],\"environment\":[{\"name\":\"Q\",\"value\":\"",
          ref_to("Queue4A7E3555"), "\"}]}]}"})})}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsTaskTargetTest, OverridesEveryContainerFieldInOrder) {
  rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task, .container_overrides = {
      {.container_name = "sidecar", .environment = {{"B", "2"}, {"A", "1"}}, .cpu = 128, .memory_limit_mib = 256,
       .memory_reservation_mib = 128},
      {.container_name = "web", .command = {"php", "artisan", "schedule:run"}}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"Input",
          R"({"containerOverrides":[{"name":"sidecar","environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],)"
          R"("cpu":128,"memory":256,"memoryReservation":128},{"name":"web","command":["php","artisan","schedule:run"]}]})"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsTaskTargetTest, PublicSubnetsGetAPublicIpAndRulesShareTheRoleAndGroup) {
  rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task, .task_count = 2,
                                .subnets = {.subnet_type = cdk::ec2::SubnetType::Public}, .platform_version = "LATEST"});
  auto& other = stack.add<Rule>("Other", {.event_pattern = {.source = {"com.example"}}});
  other.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task, .assign_public_ip = true,
                                 .platform_version = "1.4.0"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"EcsParameters", Match::object_like({
          {"NetworkConfiguration", Match::object_like({{"AwsVpcConfiguration", Match::object_like({
              {"AssignPublicIp", "ENABLED"}, {"Subnets", Match::array_equals({subnet("Public"), subnet("Public")})}})}})},
          {"PlatformVersion", "LATEST"}, {"TaskCount", 2}})}})})}}));
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"EcsParameters", Match::object_like({
          {"NetworkConfiguration", Match::object_like({{"AwsVpcConfiguration", Match::object_like({
              {"AssignPublicIp", "ENABLED"}, {"Subnets", Match::array_equals({subnet("Public"), subnet("Public")})}})}})},
          {"PlatformVersion", "1.4.0"}})}})})}}));
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.resource_properties_count_is("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({
          {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})}})})}})}}), 1);
  // The second rule adds no statement the role has already.
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyName", "TaskEventsRoleDefaultPolicyB8BDEBED"},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::any_value(), Match::any_value(), Match::any_value(), Match::any_value()})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsTaskTargetTest, TakesSecurityGroupsARoleAndReturnsTheirConnections) {
  auto& group = stack.add<cdk::ec2::SecurityGroup>("Group", {.vpc = vpc});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"events.amazonaws.com"}});
  auto& connections = rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task,
                                                    .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateIsolated},
                                                    .security_groups = {group}, .role = role});
  ASSERT_EQ(connections.security_groups().size(), 1U);
  EXPECT_EQ(connections.security_groups()[0], &group);
  auto& db = stack.add<cdk::ec2::SecurityGroup>("Db", {.vpc = vpc});
  db.connections().allow_from(connections, cdk::ec2::Port::tcp(5432), "from the nightly task");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.find_resources("AWS::EC2::SecurityGroup").size(), 2U);  // no Task/SecurityGroup
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"RoleArn", get_att(t.logical_id(role.cfn_role()), "Arn")},
                          {"EcsParameters", Match::object_like({
          {"NetworkConfiguration", Match::object_like({{"AwsVpcConfiguration", Match::object_like({
              {"SecurityGroups", Match::array_equals({get_att(t.find_resources("AWS::EC2::SecurityGroup",
                  Match::object_like({{"GroupDescription", "Stack/Group"}}))[0], "GroupId")})},
              {"Subnets", Match::array_equals({subnet("Isolated"), subnet("Isolated")})}})}})}})}})})}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({ref_to(t.logical_id(role.cfn_role()))})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({
          Match::object_like({{"Action", "ecs:RunTask"}})})}})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 5432}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsTaskTargetTest, Ec2BridgeTasksHaveNoNetworkConfiguration) {
  auto& ec2_task = stack.add<ecs::Ec2TaskDefinition>("Ec2Task");
  ec2_task.add_container("job", {.image = ecs::ContainerImage::from_registry("busybox"), .memory_limit_mib = 256});
  auto& connections = rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = ec2_task});
  EXPECT_TRUE(connections.security_groups().empty());
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"EcsParameters", Match::object_equals({
          {"TaskCount", 1}, {"TaskDefinitionArn", ref_to(t.logical_id(ec2_task.cfn_task_definition()))}})},
          {"Input", "{}"}})})}}));
  t.resource_count_is("AWS::EC2::SecurityGroup", 0);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", "ecs:RunTask"}}), Match::object_like({{"Action", "ecs:TagResource"}}),
          allow("iam:PassRole", get_att(t.logical_id(ec2_task.task_role().cfn_role()), "Arn"))})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EcsTaskTargetTest, RefusesMissingParts) {
  expect_refused({.task_definition = task}, "EcsTaskTarget has no cluster");
  expect_refused({.cluster = cluster}, "EcsTaskTarget has no task definition");
  auto& no_vpc = stack.add<ecs::Cluster>("NoVpc");
  expect_refused({.cluster = no_vpc, .task_definition = task}, "the cluster Stack/NoVpc has no VPC");
}

TEST_F(EcsTaskTargetTest, RefusesTaskCountsRunTaskDoesNotTake) {
  expect_refused({.cluster = cluster, .task_definition = task, .task_count = 0}, "task_count 0 is outside ECS's range 1-10");
  expect_refused({.cluster = cluster, .task_definition = task, .task_count = 11}, "task_count 11");
}

TEST_F(EcsTaskTargetTest, RefusesLaunchSettingsTheTaskCannotUse) {
  expect_refused({.cluster = cluster, .task_definition = task, .launch_type = ecs::LaunchType::Ec2},
                 "launch type EC2 cannot run Stack/Task, made for FARGATE");
  expect_refused({.cluster = cluster, .task_definition = task, .platform_version = "v1"},
                 "platform_version \"v1\" is not LATEST or a version like 1.4.0");
  expect_refused({.cluster = cluster, .task_definition = task, .platform_version = "1.4"}, "platform_version \"1.4\"");
  auto& ec2_task = stack.add<ecs::Ec2TaskDefinition>("Ec2Task", {.network_mode = ecs::NetworkMode::AwsVpc});
  ec2_task.add_container("job", {.image = ecs::ContainerImage::from_registry("busybox"), .memory_limit_mib = 256});
  expect_refused({.cluster = cluster, .task_definition = ec2_task, .platform_version = "1.4.0"},
                 "platform_version applies to Fargate tasks only");
  expect_refused({.cluster = cluster, .task_definition = ec2_task, .assign_public_ip = true},
                 "assign_public_ip applies to Fargate tasks only");
  auto& bridge = stack.add<ecs::Ec2TaskDefinition>("Bridge");
  bridge.add_container("job", {.image = ecs::ContainerImage::from_registry("busybox"), .memory_limit_mib = 256});
  auto& group = stack.add<cdk::ec2::SecurityGroup>("Group", {.vpc = vpc});
  expect_refused({.cluster = cluster, .task_definition = bridge, .security_groups = {group}},
                 "subnets, security groups and public IPs apply to awsvpc tasks only");
  expect_refused({.cluster = cluster, .task_definition = bridge, .subnets = {.subnet_type = cdk::ec2::SubnetType::Public}},
                 "apply to awsvpc tasks only");
}

TEST_F(EcsTaskTargetTest, RefusesPublicIpsAndSubnetsThatDoNotGoTogether) {
  expect_refused({.cluster = cluster, .task_definition = task,
                  .subnets = {.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress}, .assign_public_ip = true},
                 "assign_public_ip needs public subnets");
  expect_refused({.cluster = cluster, .task_definition = task, .subnets = {.subnet_type = cdk::ec2::SubnetType::Public},
                  .assign_public_ip = false},
                 "placed in public subnets without a public IP");
}

TEST_F(EcsTaskTargetTest, RefusesOverridesOfContainersTheTaskDoesNotHave) {
  expect_refused({.cluster = cluster, .task_definition = task, .container_overrides = {{.container_name = "worker"}}},
                 "container override for \"worker\", which Stack/Task does not have");
  try {
    rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = task,
                                  .container_overrides = {{.container_name = "Web"}}});
    ADD_FAILURE() << "no error";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.diagnostic().hint, "name one of its containers: web, sidecar");
  }
  expect_refused({.cluster = cluster, .task_definition = task,
                  .container_overrides = {{.container_name = "web"}, {.container_name = "web", .command = {"x"}}}},
                 "two container overrides for \"web\"");
  expect_refused({.cluster = cluster, .task_definition = task,
                  .container_overrides = {{.container_name = "web", .environment = {{"", "x"}}}}},
                 "an environment override of \"web\" has no name");
  expect_refused({.cluster = cluster, .task_definition = task,
                  .container_overrides = {{.container_name = "web", .memory_limit_mib = 0}}},
                 "the cpu and memory overrides of \"web\" must be positive");
  auto& empty = stack.add<ecs::FargateTaskDefinition>("Empty");
  try {
    rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = empty,
                                  .container_overrides = {{.container_name = "web"}}});
    ADD_FAILURE() << "no error";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.diagnostic().hint, "add the containers before the target");
  }
  EXPECT_TRUE(rule.cfn_rule().props().targets.empty());
}

TEST_F(EcsTaskTargetTest, RefusesIdsTakenByOtherConstructs) {
  auto& other = stack.add<ecs::FargateTaskDefinition>("Other");
  other.add_container("web", {.image = ecs::ContainerImage::from_registry("nginx")});
  other.add<cdk::Construct>("EventsRole");
  expect_refused({.cluster = cluster, .task_definition = other}, "Stack/Other/EventsRole is not a role");
  auto& third = stack.add<ecs::FargateTaskDefinition>("Third");
  third.add_container("web", {.image = ecs::ContainerImage::from_registry("nginx")});
  third.add<cdk::Construct>("SecurityGroup");
  expect_refused({.cluster = cluster, .task_definition = third}, "Stack/Third/SecurityGroup is not a security group");
}

TEST_F(EcsTaskTargetTest, AnExecutionRoleMadeAfterTheTargetIsAnError) {
  auto& late = stack.add<ecs::FargateTaskDefinition>("Late");
  late.add_container("app", {.image = ecs::ContainerImage::from_registry("nginx")});
  rule.add_target(EcsTaskTarget{.cluster = cluster, .task_definition = late});
  late.add_container("logs", {.image = ecs::ContainerImage::from_registry("fluent-bit"),
                              .logging = ecs::LogDriver::aws_logs({.stream_prefix = "logs"}), .essential = false});
  auto diagnostics = rule.validate();
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(diagnostics[0].path, "Stack/Rule");
  EXPECT_THAT(diagnostics[0].message, ::testing::HasSubstr("Stack/Late got an execution role after"));
  EXPECT_THROW(Template::from_stack(stack), cdk::SynthError);
}

}  // namespace
