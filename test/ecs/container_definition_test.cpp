#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/ssm/string_parameter.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

struct ContainerDefinitionTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc");
  cdk::ecs::FargateTaskDefinition& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  cdk::ecs::ContainerImage nginx = cdk::ecs::ContainerImage::from_registry("nginx");
};

TEST_F(ContainerDefinitionTest, AwsLogsCanWriteToAnExistingLogGroup) {
  auto& group = stack.add<cdk::logs::LogGroup>("Logs");
  task.add_container("app", {.image = nginx, .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "app", .log_group = group})});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::Logs::LogGroup", 1);
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"ContainerDefinitions",
                           Match::array_with({Match::object_like({{"LogConfiguration", Match::object_like({{"Options", Match::object_like(
                               {{"awslogs-group", Match::object_like({{"Ref", Match::string_like_regexp("^Logs")}})}})}})}})})}}));
  EXPECT_THROW(task.add_container("bad", {.image = nginx,
                                          .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "x", .log_group = group, .retention_days = 7})}),
               cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ContainerDefinitionTest, SsmStringParameterBecomesASecretReadableByTheExecutionRole) {
  auto& param = stack.add<cdk::ssm::StringParameter>("Url", {.parameter_name = "/app/url", .string_value = "https://example.com"});
  task.add_container("app", {.image = nginx, .secrets = {{"APP_URL", cdk::ecs::Secret::from_ssm_parameter(param)}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                  {{"Action", Match::array_with({"ssm:GetParameters"})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ContainerDefinitionTest, PortsEnvironmentAndSecretsCanBeAddedLater) {
  auto& c = task.add_container("app", {.image = nginx});
  c.add_port_mappings({{.container_port = 8080}, {.container_port = 53, .protocol = cdk::ecs::Protocol::Udp}});
  c.add_environment("STAGE", "prod");
  c.add_secret("TOKEN", cdk::ecs::Secret::from_ssm_parameter_name("app-token"));
  EXPECT_EQ(c.container_port(), 8080);
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"ContainerDefinitions",
                           Match::array_equals({Match::object_like(
                               {{"PortMappings", Match::array_equals({Match::object_like({{"ContainerPort", 8080}}),
                                                                      Match::object_like({{"ContainerPort", 53}, {"Protocol", "udp"}})})},
                                {"Environment", Match::array_equals({Match::object_equals({{"Name", "STAGE"}, {"Value", "prod"}})})},
                                {"Secrets", Match::array_equals({Match::object_like({{"Name", "TOKEN"}})})}})})}}));
  EXPECT_THROW(c.add_environment("TOKEN", "x"), cdk::Error);
  EXPECT_THROW(c.add_secret("STAGE", cdk::ecs::Secret::from_ssm_parameter_name("x")), cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ContainerDefinitionTest, AContainerWithoutPortsHasNoContainerPort) {
  auto& c = task.add_container("worker", {.image = nginx});
  try {
    (void)c.container_port();
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Svc/Task/worker"));
  }
}

TEST_F(ContainerDefinitionTest, ArmTasksDeclareTheirRuntimePlatform) {
  auto& arm = stack.add<cdk::ecs::FargateTaskDefinition>("Arm", {.cpu_architecture = cdk::ecs::CpuArchitecture::Arm64});
  arm.add_container("app", {.image = nginx});
  task.add_container("app", {.image = nginx});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::TaskDefinition",
                            Match::object_like({{"RuntimePlatform", Match::object_equals({{"CpuArchitecture", "ARM64"}, {"OperatingSystemFamily", "LINUX"}})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace

#include <cdk/efs/file_system.hpp>

#include "support/test_vpc.hpp"

namespace {

TEST_F(ContainerDefinitionTest, ContainersMountAnEfsVolumeOverTlsWithIamAuthorization) {
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& fs = stack.add<cdk::efs::FileSystem>("Files", {.vpc = vpc});
  task.add_efs_volume("data", fs, {.root_directory = "/app", .iam_authorization = true});
  task.add_container("app", {.image = nginx, .mount_points = {{.source_volume = "data", .container_path = "/data"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::ECS::TaskDefinition",
      Match::object_like({{"Volumes", Match::array_equals({Match::object_like(
                                          {{"Name", "data"},
                                           {"EFSVolumeConfiguration", Match::object_like({{"RootDirectory", "/app"},
                                                                                          {"TransitEncryption", "ENABLED"},
                                                                                          {"AuthorizationConfig", Match::object_equals({{"IAM", "ENABLED"}})}})}})})},
                          {"ContainerDefinitions", Match::array_with({Match::object_like(
                                                       {{"MountPoints", Match::array_equals({Match::object_equals(
                                                                            {{"ContainerPath", "/data"}, {"ReadOnly", false}, {"SourceVolume", "data"}})})}})})}}));
  t.has_resource_properties(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                  {{"Action", Match::array_equals({"elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"})}})})}})}}));
  EXPECT_THROW(task.add_efs_volume("data", fs), cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ContainerDefinitionTest, MountingAVolumeTheTaskDoesNotHaveFailsSynthesis) {
  task.add_container("app", {.image = nginx, .mount_points = {{.source_volume = "missing", .container_path = "/data"}}});
  try {
    (void)Template::from_stack(stack);
    FAIL();
  } catch (const cdk::SynthError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].path, "Svc/Task/app");
    EXPECT_THAT(e.errors()[0].message, HasSubstr("'missing'"));
  }
  EXPECT_THROW(task.add_container("rel", {.image = nginx, .mount_points = {{.source_volume = "x", .container_path = "data"}}}), cdk::Error);
}

}  // namespace
