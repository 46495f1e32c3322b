#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/cfn_cluster.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ecs_patterns::ScheduledFargateTask;

namespace {

using cdk::testing::get_att;
using cdk::testing::type_at;

struct ScheduledTaskTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::ecs::Cluster& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  cdk::ecs::ContainerImage image = cdk::ecs::ContainerImage::from_registry("nginx");
  cdk::events::Schedule daily = cdk::events::Schedule::expression("rate(1 day)");
};

// Logical ids aws-cdk-lib 2.276.0 gives `new ScheduledFargateTask(stack, 'Nightly', {cluster,
// schedule: Schedule.expression('rate(1 day)'), scheduledFargateTaskImageOptions: {image}})`.
TEST_F(ScheduledTaskTest, RuleTaskAndRolesHaveTheAwsCdkLogicalIds) {
  auto& nightly = stack.add<ScheduledFargateTask>("Nightly", {.schedule = daily, .cluster = cluster, .image = image});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(nightly.event_rule().cfn_rule()), "NightlyScheduledEventRuleAFFCD8B7");
  EXPECT_EQ(t.logical_id(nightly.task_definition().cfn_task_definition()), "NightlyScheduledTaskDef9C7480B2");
  EXPECT_EQ(type_at(t, "NightlyScheduledTaskDefScheduledContainerLogGroup6E0361DB"), "\"AWS::Logs::LogGroup\"");
  EXPECT_EQ(type_at(t, "NightlyScheduledTaskDefEventsRoleEEC2C33E"), "\"AWS::IAM::Role\"");
  EXPECT_EQ(type_at(t, "NightlyScheduledTaskDefSecurityGroupCA0B3910"), "\"AWS::EC2::SecurityGroup\"");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ScheduledTaskTest, TheRuleRunsOnePrivateTaskWithALeastPrivilegeRole) {
  auto& nightly = stack.add<ScheduledFargateTask>("Nightly", {.schedule = daily, .cluster = cluster, .image = image,
                                                              .command = {"report"}});
  auto t = Template::from_stack(stack);
  const auto task = t.logical_id(nightly.task_definition().cfn_task_definition());
  const auto cluster_id = t.logical_id(cluster.cfn_cluster());
  t.has_resource_properties(
      "AWS::Events::Rule",
      Match::object_like({{"ScheduleExpression", "rate(1 day)"},
                          {"State", "ENABLED"},
                          {"Targets", Match::array_equals({Match::object_like(
                                          {{"Id", "Target0"},
                                           {"Arn", get_att(cluster_id, "Arn")},
                                           {"RoleArn", get_att("NightlyScheduledTaskDefEventsRoleEEC2C33E", "Arn")},
                                           {"EcsParameters",
                                            Match::object_like({{"TaskCount", 1},
                                                                {"LaunchType", "FARGATE"},
                                                                {"TaskDefinitionArn", Match::object_equals({{"Ref", task}})},
                                                                {"NetworkConfiguration",
                                                                 Match::object_like({{"AwsVpcConfiguration",
                                                                                      Match::object_like({{"AssignPublicIp", "DISABLED"},
                                                                                                          {"Subnets", Match::array_with({Match::object_like({{"Ref", Match::string_like_regexp("PrivateSubnet1")}})})}})}})}})}})})}}));
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"Cpu", "256"}, {"Memory", "512"},
                          {"ContainerDefinitions", Match::array_equals({Match::object_like({{"Name", "ScheduledContainer"},
                                                                                            {"Command", Match::array_equals({"report"})},
                                                                                            {"LogConfiguration", Match::object_like({{"Options", Match::object_like({{"awslogs-stream-prefix", "Nightly"}})}})}})})}}));
  // RunTask on this task definition in this cluster only.
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument",
                           Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                 {{"Action", "ecs:RunTask"},
                                                                  {"Resource", Match::object_equals({{"Ref", task}})},
                                                                  {"Condition", Match::object_like({{"ArnEquals", Match::object_like({{"ecs:cluster", get_att(cluster_id, "Arn")}})}})}})})}})}}));
  EXPECT_EQ(nightly.connections().security_groups().size(), 1u);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ScheduledTaskTest, PropsReachTheRuleAndTheTarget) {
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Reports", {.vpc = vpc});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task", {.cpu = 1024, .memory_limit_mib = 4096});
  task.add_container("job", {.image = image});
  auto& weekly = stack.add<ScheduledFargateTask>(
      "Weekly", {.schedule = cdk::events::Schedule::cron({.minute = "0", .hour = "4", .week_day = "MON"}),
                 .cluster = cluster, .task_definition = task, .desired_task_count = 3,
                 .subnet_selection = {.subnet_type = cdk::ec2::SubnetType::PrivateIsolated},
                 .security_groups = {sg}, .enabled = false, .rule_name = "weekly-report", .platform_version = "1.4.0"});
  EXPECT_EQ(&weekly.task_definition(), &task);
  EXPECT_EQ(weekly.connections().security_groups(), std::vector<cdk::ec2::SecurityGroup*>{&sg});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::Events::Rule",
      Match::object_like({{"Name", "weekly-report"},
                          {"State", "DISABLED"},
                          {"ScheduleExpression", "cron(0 4 ? * MON *)"},
                          {"Targets", Match::array_equals({Match::object_like(
                                          {{"EcsParameters", Match::object_like({{"TaskCount", 3},
                                                                                 {"PlatformVersion", "1.4.0"},
                                                                                 {"NetworkConfiguration", Match::object_like({{"AwsVpcConfiguration", Match::object_like({{"Subnets", Match::array_with({Match::object_like({{"Ref", Match::string_like_regexp("IsolatedSubnet1")}})})}})}})}})}})})}}));
  t.resource_count_is("AWS::ECS::TaskDefinition", 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ScheduledTaskTest, BadInputIsAnErrorAtThePatternsPath) {
  using cdk::testing::expect_error;
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  struct Case {
    const char* name;
    cdk::ecs_patterns::ScheduledFargateTaskProps props;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"no schedule", {.cluster = cluster, .image = image}, "no schedule"},
      {"both task sources", {.schedule = daily, .cluster = cluster, .image = image, .task_definition = task}, "both task_definition and image"},
      {"no task source", {.schedule = daily, .cluster = cluster}, "no image and no task definition"},
      {"container settings with a task definition", {.schedule = daily, .cluster = cluster, .task_definition = task, .environment = {{"A", "b"}}}, "container settings were given"},
      {"bad size", {.schedule = daily, .cluster = cluster, .image = image, .cpu = 300}, "Fargate has no task size of 300 CPU units"},
      {"too many tasks", {.schedule = daily, .cluster = cluster, .image = image, .desired_task_count = 11}, "desired_task_count 11 is outside 1-10"},
      {"cluster and vpc", {.schedule = daily, .cluster = cluster, .vpc = vpc, .image = image}, "both cluster and vpc"},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string id = "Bad" + std::to_string(n++);
    expect_error([&] { stack.add<ScheduledFargateTask>(id, c.props); }, "Svc/" + id, c.says);
  }
  // The schedule is checked by the rule, under the pattern.
  expect_error([&] { stack.add<ScheduledFargateTask>("Often", {.schedule = cdk::events::Schedule::expression("rate(0 minutes)"),
                                                               .cluster = cluster, .image = image}); },
               "Svc/Often/ScheduledEventRule", "rate");
}

}  // namespace
