#include <cdk/annotations.hpp>
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

struct TaskDefinitionTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc");
};

TEST_F(TaskDefinitionTest, FargateTaskHasAwsvpcCpuMemoryAndATaskRole) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task", {.cpu = 512, .memory_limit_mib = 2048});
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"), .port_mappings = {{.container_port = 80}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::TaskDefinition",
                            Match::object_like({{"Cpu", "512"},
                                                {"Memory", "2048"},
                                                {"NetworkMode", "awsvpc"},
                                                {"RequiresCompatibilities", Match::array_equals({"FARGATE"})},
                                                {"TaskRoleArn", Match::object_like({{"Fn::GetAtt", Match::any_value()}})},
                                                {"ExecutionRoleArn", Match::absent()}}));
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"ContainerDefinitions",
                           Match::array_equals({Match::object_like(
                               {{"Name", "web"},
                                {"Image", "nginx"},
                                {"Essential", true},
                                {"PortMappings", Match::array_equals({Match::object_equals(
                                                     {{"ContainerPort", 80}, {"Protocol", "tcp"}})})}})})}}));
  t.has_resource_properties("AWS::IAM::Role",
                            Match::object_like({{"AssumeRolePolicyDocument",
                                                 Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                                       {{"Principal", Match::object_equals({{"Service", "ecs-tasks.amazonaws.com"}})}})})}})}}));
  EXPECT_THAT(task.family(), ::testing::StartsWith("SvcTask"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskDefinitionTest, AwsLogsCreatesALogGroupAndLetsOnlyTheExecutionRoleWriteToIt) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  auto& c = task.add_container(
      "web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
              .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "web", .retention_days = 30})});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::Logs::LogGroup", Match::object_like({{"DeletionPolicy", "Retain"},
                                                            {"Properties", Match::object_equals({{"RetentionInDays", 30}})}}));
  ASSERT_NE(c.log_group(), nullptr);
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"ExecutionRoleArn", Match::any_value()},
                          {"ContainerDefinitions",
                           Match::array_with({Match::object_like(
                               {{"LogConfiguration",
                                 Match::object_like({{"LogDriver", "awslogs"},
                                                     {"Options", Match::object_like({{"awslogs-stream-prefix", "web"},
                                                                                     {"awslogs-region", Match::object_equals({{"Ref", "AWS::Region"}})}})}})}})})}}));
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument",
                           Match::object_like({{"Statement", Match::array_equals({Match::object_like(
                                                                 {{"Action", Match::array_equals({"logs:CreateLogStream", "logs:PutLogEvents"})},
                                                                  {"Resource", Match::object_like({{"Fn::GetAtt", Match::any_value()}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskDefinitionTest, SecretsAreReferencedAndReadableOnlyByTheExecutionRole) {
  auto& secret = stack.add<cdk::secretsmanager::CfnSecret>(
      "DbSecret", cdk::secretsmanager::CfnSecret::Props{
                      .generate_secret_string = cdk::secretsmanager::CfnSecret::GenerateSecretStringProperty{
                          .generate_string_key = "password", .secret_string_template = "{\"username\":\"app\"}"}});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("public.ecr.aws/docker/library/httpd:2.4"),
                             .environment = {{"STAGE", "prod"}},
                             .secrets = {{"DB_PASSWORD", cdk::ecs::Secret::from_secrets_manager(secret, "password")},
                                         {"API_URL", cdk::ecs::Secret::from_ssm_parameter_name("/app/api-url")}}});
  auto t = Template::from_stack(stack);
  auto td = t.find_resources("AWS::ECS::TaskDefinition");
  ASSERT_EQ(td.size(), 1u);
  auto secrets = t.at("/Resources/" + td[0] + "/Properties/ContainerDefinitions/0/Secrets");
  EXPECT_THAT(secrets, HasSubstr(":password::"));
  EXPECT_THAT(secrets, HasSubstr(":parameter/"));
  EXPECT_THAT(secrets, HasSubstr("app/api-url"));
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument",
                           Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                 {{"Action", Match::array_equals({"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"})},
                                                                  {"Resource", Match::object_equals({{"Ref", t.logical_id(secret)}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskDefinitionTest, APasswordInAPlainEnvironmentVariableIsWarned) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  auto& c = task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                                       .environment = {{"DB_PASSWORD", "hunter2"}, {"STAGE", "prod"}}});
  int warnings = 0;
  for (const auto& m : c.node().metadata())
    if (m.type == cdk::Annotations::warning_type) {
      ++warnings;
      EXPECT_THAT(m.data, HasSubstr("DB_PASSWORD"));
    }
  EXPECT_EQ(warnings, 1);
}

TEST_F(TaskDefinitionTest, HealthCheckGetsCmdShellAndDefaults) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .health_check = {{.command = {"curl -f http://localhost/ || exit 1"}}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"ContainerDefinitions",
                           Match::array_with({Match::object_like(
                               {{"HealthCheck", Match::object_equals({{"Command", Match::array_equals({"CMD-SHELL", "curl -f http://localhost/ || exit 1"})},
                                                                      {"Interval", 30},
                                                                      {"Retries", 3},
                                                                      {"Timeout", 5}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskDefinitionTest, Ec2TaskUsesBridgeModeAndDynamicHostPorts) {
  auto& task = stack.add<cdk::ecs::Ec2TaskDefinition>("Task");
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .port_mappings = {{.container_port = 80}},
                             .memory_limit_mib = 256});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::TaskDefinition",
                            Match::object_like({{"NetworkMode", "bridge"},
                                                {"RequiresCompatibilities", Match::array_equals({"EC2"})},
                                                {"ContainerDefinitions", Match::array_with({Match::object_like(
                                                                             {{"Memory", 256},
                                                                              {"PortMappings", Match::array_equals({Match::object_equals(
                                                                                                   {{"ContainerPort", 80}, {"Protocol", "tcp"}})})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskDefinitionTest, AnAwsvpcHostPortIsWrittenOnlyWhenGivenAndMustEqualTheContainerPort) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                             .port_mappings = {{.container_port = 80, .host_port = 80}, {.container_port = 81}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::TaskDefinition",
                            Match::object_like({{"ContainerDefinitions", Match::array_with({Match::object_like(
                                {{"PortMappings", Match::array_equals({
                                    Match::object_equals({{"ContainerPort", 80}, {"HostPort", 80}, {"Protocol", "tcp"}}),
                                    Match::object_equals({{"ContainerPort", 81}, {"Protocol", "tcp"}})})}})})}}));
  EXPECT_THROW(task.add_container("other", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                                            .port_mappings = {{.container_port = 82, .host_port = 8082}}}),
               cdk::Error);
}

TEST_F(TaskDefinitionTest, GrantsToTheTaskGoToTheTaskRole) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  cdk::iam::IGrantable& grantee = task;
  grantee.add_to_principal_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::bucket/*"}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy",
                            Match::object_like({{"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(task.task_role().cfn_role())}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskDefinitionTest, FargateRejectsSizesItDoesNotOffer) {
  try {
    stack.add<cdk::ecs::FargateTaskDefinition>("Task", {.cpu = 256, .memory_limit_mib = 4096});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Svc/Task"));
    EXPECT_THAT(e.what(), HasSubstr("256 CPU units with 4096 MiB"));
  }
  EXPECT_TRUE(cdk::ecs::FargateTaskDefinition::valid_cpu_memory(4096, 30720));
  EXPECT_FALSE(cdk::ecs::FargateTaskDefinition::valid_cpu_memory(8192, 18432));
  EXPECT_TRUE(cdk::ecs::FargateTaskDefinition::valid_cpu_memory(16384, 122880));
  EXPECT_FALSE(cdk::ecs::FargateTaskDefinition::valid_cpu_memory(300, 1024));
}

TEST_F(TaskDefinitionTest, ContainerMistakesAreErrorsNamingTheContainer) {
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  auto img = cdk::ecs::ContainerImage::from_registry("nginx");
  EXPECT_THROW(task.add_container("noimage", {}), cdk::Error);
  try {
    task.add_container("web", {.image = img, .port_mappings = {{.container_port = 80, .host_port = 8080}}});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Svc/Task/web"));
  }
  EXPECT_THROW(task.add_container("p", {.image = img, .port_mappings = {{.container_port = 70000}}}), cdk::Error);
  EXPECT_THROW(task.add_container("l", {.image = img, .logging = cdk::ecs::LogDriver::aws_logs({})}), cdk::Error);
  EXPECT_THROW(task.add_container("r", {.image = img, .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "x", .retention_days = 2})}),
               cdk::Error);
  EXPECT_THROW(task.add_container("h", {.image = img, .health_check = {{.command = {"CMD", "true"}, .interval_seconds = 1}}}), cdk::Error);
  task.add_container("a", {.image = img});
  EXPECT_THROW(task.add_container("b", {.image = img, .container_name = "a"}), cdk::Error);
}

TEST_F(TaskDefinitionTest, ATaskWithoutContainersOrEc2MemoryFailsSynthesis) {
  stack.add<cdk::ecs::FargateTaskDefinition>("Empty");
  auto& ec2 = stack.add<cdk::ecs::Ec2TaskDefinition>("NoMem");
  ec2.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  try {
    (void)Template::from_stack(stack);
    FAIL();
  } catch (const cdk::SynthError& e) {
    ASSERT_EQ(e.errors().size(), 2u);
    EXPECT_EQ(e.errors()[0].path, "Svc/Empty");
    EXPECT_EQ(e.errors()[1].path, "Svc/NoMem/app");
  }
}

TEST_F(TaskDefinitionTest, ClusterTurnsOnContainerInsights) {
  stack.add<cdk::ecs::Cluster>("Cluster", {.container_insights = true});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::Cluster",
                            Match::object_like({{"ClusterSettings", Match::array_equals({Match::object_equals({{"Name", "containerInsights"}, {"Value", "enabled"}})})}}));
  EXPECT_THROW(stack.add<cdk::ecs::Cluster>("Bad", {.cluster_name = "has space"}), cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
