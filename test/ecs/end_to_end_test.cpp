// A whole application tier in a real cdk::ec2::Vpc: an ALB in front of a
// Fargate service that reads its database password from the Aurora cluster's
// secret, mounts nothing but may reach EFS, pulls its image from ECR.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/efs/efs.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/rds/rds.hpp>
#include <cdk/secretsmanager/secret.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

TEST(EndToEndTest, ServiceBehindAnAlbTalksToAuroraAndEfsInARealVpc) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("App", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2,
                                              .nat_gateways = 1,
                                              .subnet_configuration = {{"public", cdk::ec2::SubnetType::Public},
                                                                       {"app", cdk::ec2::SubnetType::PrivateWithEgress},
                                                                       {"data", cdk::ec2::SubnetType::PrivateIsolated}}});
  auto& db = stack.add<cdk::rds::AuroraCluster>("Db", {.engine = cdk::rds::AuroraEngine::mysql_8_0(), .vpc = vpc,
                                                      .writer = cdk::rds::ClusterInstance::serverless_v2("writer")});
  auto& fs = stack.add<cdk::efs::FileSystem>("Files", {.vpc = vpc});
  auto& repo = stack.add<cdk::ecr::Repository>("Repo");
  auto& api_key = stack.add<cdk::secretsmanager::Secret>("ApiKey");
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc, .container_insights = true});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task", {.cpu = 512, .memory_limit_mib = 1024});
  task.add_container("app", {.image = cdk::ecs::ContainerImage::from_ecr_repository(repo, "v1"),
                             .port_mappings = {{.container_port = 8080}},
                             .environment = {{"DB_HOST", db.cluster_endpoint_address()}},
                             .secrets = {{"DB_PASSWORD", cdk::ecs::Secret::from_secrets_manager(db.secret(), "password")},
                                         {"API_KEY", cdk::ecs::Secret::from_secrets_manager(api_key)}},
                             .logging = cdk::ecs::LogDriver::aws_logs({.stream_prefix = "app"})});
  auto& svc = stack.add<cdk::ecs::FargateService>("Service", {.cluster = cluster, .task_definition = task, .desired_count = 2});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Http", {.port = 80}).add_targets("App", {.port = 8080, .targets = {svc}});
  db.connections().allow_default_port_from(svc);
  fs.connections().allow_default_port_from(svc);

  auto t = Template::from_stack(stack);
  // The database sits in the isolated subnets, the service in the private ones.
  t.has_resource_properties("AWS::RDS::DBSubnetGroup",
                            Match::object_like({{"SubnetIds", Match::array_with({Match::object_like({{"Ref", Match::string_like_regexp("^VpcdataSubnet1")}})})}}));
  t.has_resource_properties("AWS::ECS::Service",
                            Match::object_like({{"NetworkConfiguration", Match::object_like({{"AwsvpcConfiguration", Match::object_like(
                                {{"Subnets", Match::array_with({Match::object_like({{"Ref", Match::string_like_regexp("^VpcappSubnet1")}})})}})}})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 3306}, {"ToPort", 3306}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 2049}, {"ToPort", 2049}}));
  // The execution role may pull from this repository and read exactly these two secrets.
  const auto policy = t.to_json();
  EXPECT_THAT(policy, HasSubstr("ecr:BatchGetImage"));
  EXPECT_THAT(policy, HasSubstr("ecr:GetAuthorizationToken"));
  t.resource_properties_count_is(
      "AWS::IAM::Policy",
      Match::object_like({{"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like(
                                                                   {{"Action", Match::array_equals({"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"})}})})}})}}),
      1);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
