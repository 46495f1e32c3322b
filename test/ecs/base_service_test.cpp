#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cfn_capacity_provider.hpp>
#include <cdk/ecs/cfn_cluster.hpp>
#include <cdk/ecs/cfn_cluster_capacity_provider_associations.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;

namespace {

struct ServiceTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::ecs::Cluster& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  cdk::ecs::FargateTaskDefinition& task = make_task();

  cdk::ecs::FargateTaskDefinition& make_task() {
    auto& t = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
    t.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                            .port_mappings = {{.container_port = 8080}}});
    return t;
  }
};

TEST_F(ServiceTest, FargateServiceRunsInPrivateSubnetsWithZeroDowntimeDeployments) {
  stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task, .desired_count = 2});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::ECS::Service",
      Match::object_like({{"DesiredCount", 2},
                          {"LaunchType", "FARGATE"},
                          {"DeploymentConfiguration",
                           Match::object_equals({{"DeploymentCircuitBreaker", Match::object_equals({{"Enable", true}, {"Rollback", true}})},
                                                 {"MaximumPercent", 200},
                                                 {"MinimumHealthyPercent", 100}})},
                          {"NetworkConfiguration",
                           Match::object_like({{"AwsvpcConfiguration",
                                                Match::object_like({{"AssignPublicIp", "DISABLED"},
                                                                    {"Subnets", Match::array_with({Match::object_like({{"Ref", Match::string_like_regexp("PrivateSubnet1")}})})}})}})}}));
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  cdk::testing::keep_for_lint(stack);
}

// As aws-cdk-lib with @aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker
// (cdk init's value): no DeploymentController unless one is set; with the flag
// off, a service with the circuit breaker writes {Type: ECS} as older apps have it.
TEST_F(ServiceTest, DeploymentControllerIsWrittenWhenSetOrWhenTheCdkFlagIsOff) {
  auto& plain = stack.add<cdk::ecs::FargateService>("Plain", {.cluster = cluster, .task_definition = task});
  auto& set = stack.add<cdk::ecs::FargateService>(
      "Set", {.cluster = cluster, .task_definition = task, .deployment_controller = cdk::ecs::DeploymentControllerType::Ecs});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.find_resources("AWS::ECS::Service", Match::object_like({{"DeploymentController", Match::absent()}})),
            std::vector<std::string>{t.logical_id(plain.cfn_service())});
  EXPECT_EQ(t.find_resources("AWS::ECS::Service",
                             Match::object_like({{"DeploymentController", Match::object_equals({{"Type", "ECS"}})}})),
            std::vector<std::string>{t.logical_id(set.cfn_service())});

  cdk::App old_app({.context = {{"@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker", "false"}}});
  auto& old_stack = old_app.add<cdk::Stack>("Svc");
  auto& old_vpc = old_stack.add<cdk::testing::TestVpc>("Vpc");
  auto& old_cluster = old_stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = old_vpc});
  auto& old_task = old_stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  old_task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  old_stack.add<cdk::ecs::FargateService>("Breaker", {.cluster = old_cluster, .task_definition = old_task});
  old_stack.add<cdk::ecs::FargateService>("NoBreaker", {.cluster = old_cluster, .task_definition = old_task,
                                                         .circuit_breaker_rollback = false});
  auto old_t = Template::from_stack(old_stack);
  old_t.has_resource_properties("AWS::ECS::Service",
                                Match::object_like({{"DeploymentController", Match::object_equals({{"Type", "ECS"}})}}));
  old_t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"DeploymentController", Match::absent()}}));
}

// As aws-cdk-lib (with @aws-cdk/aws-ecs:removeDefaultDesiredCount): without a
// desired count the template has none, so a deploy does not reset the number
// of tasks auto scaling has set; CloudFormation starts a new service with 1.
TEST_F(ServiceTest, DesiredCountIsWrittenOnlyWhenGiven) {
  auto& scaled = stack.add<cdk::ecs::FargateService>("Scaled", {.cluster = cluster, .task_definition = task});
  auto& stopped = stack.add<cdk::ecs::FargateService>("Stopped", {.cluster = cluster, .task_definition = task,
                                                                   .desired_count = 0});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.find_resources("AWS::ECS::Service", Match::object_like({{"DesiredCount", Match::absent()}})),
            std::vector<std::string>{t.logical_id(scaled.cfn_service())});
  EXPECT_EQ(t.find_resources("AWS::ECS::Service", Match::object_like({{"DesiredCount", 0}})),
            std::vector<std::string>{t.logical_id(stopped.cfn_service())});
  EXPECT_THROW(stack.add<cdk::ecs::FargateService>("Negative", {.cluster = cluster, .task_definition = task,
                                                                 .desired_count = -1}),
               cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, CodeDeployControlsABlueGreenServiceWithoutTheCircuitBreaker) {
  using cdk::ecs::DeploymentControllerType;
  stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task,
                                              .circuit_breaker_rollback = false,
                                              .deployment_controller = DeploymentControllerType::CodeDeploy});
  Template::from_stack(stack).has_resource_properties(
      "AWS::ECS::Service",
      Match::object_like({{"DeploymentController", Match::object_equals({{"Type", "CODE_DEPLOY"}})},
                          {"DeploymentConfiguration", Match::object_equals({{"MaximumPercent", 200},
                                                                            {"MinimumHealthyPercent", 100}})}}));
  cdk::testing::keep_for_lint(stack);
  try {
    stack.add<cdk::ecs::FargateService>("Other", {.cluster = cluster, .task_definition = task,
                                                  .deployment_controller = DeploymentControllerType::CodeDeploy});
    FAIL() << "circuit breaker accepted with CodeDeploy";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Svc/Other");
    EXPECT_THAT(e.what(), HasSubstr("circuit_breaker_rollback = false"));
  }
}

TEST_F(ServiceTest, AttachingToAnAlbTargetGroupUsesIpTargetsAndOpensTheContainerPort) {
  auto& svc = stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 8080, .targets = {svc}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"TargetType", "ip"}, {"Port", 8080}}));
  t.has_resource_properties("AWS::ECS::Service",
                            Match::object_like({{"HealthCheckGracePeriodSeconds", 60},
                                                {"LoadBalancers", Match::array_equals({Match::object_like({{"ContainerName", "web"}, {"ContainerPort", 8080}})})}}));
  t.has_resource("AWS::ECS::Service", Match::object_like({{"DependsOn", Match::any_value()}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 8080}, {"ToPort", 8080}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, AttachingToAnNlbTargetGroupWorksToo) {
  auto& svc = stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 80}).add_targets("Web", {.port = 8080, .targets = {svc}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"TargetType", "ip"}, {"Protocol", "TCP"}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"LoadBalancers", Match::array_with({Match::object_like({{"ContainerPort", 8080}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, TasksScaleOnCpuMemoryAndAlbRequestCount) {
  auto& svc = stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& group = alb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 8080, .targets = {svc}});
  auto& scaling = svc.auto_scale_task_count({.min_capacity = 2, .max_capacity = 10});
  scaling.scale_on_cpu_utilization("Cpu", {.target_percent = 60});
  scaling.scale_on_memory_utilization("Memory");
  scaling.scale_on_request_count("Requests", {.requests_per_target = 500, .target_group = group});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalableTarget",
                            Match::object_like({{"MinCapacity", 2},
                                                {"MaxCapacity", 10},
                                                {"ScalableDimension", "ecs:service:DesiredCount"},
                                                {"ServiceNamespace", "ecs"}}));
  t.resource_count_is("AWS::ApplicationAutoScaling::ScalingPolicy", 3);
  for (const char* metric : {"ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"})
    t.has_resource_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                              Match::object_like({{"TargetTrackingScalingPolicyConfiguration",
                                                   Match::object_like({{"PredefinedMetricSpecification",
                                                                        Match::object_like({{"PredefinedMetricType", metric}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, DatabaseCanAllowTheServiceThroughConnections) {
  auto& svc = stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  auto& db_sg = stack.add<cdk::ec2::SecurityGroup>("DbSg", {.vpc = vpc});
  db_sg.connections().allow_from(svc, cdk::ec2::Port::tcp(5432));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 5432}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, Ec2ServiceUsesTheEc2LaunchType) {
  auto& ec2_task = stack.add<cdk::ecs::Ec2TaskDefinition>("Ec2Task");
  ec2_task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx"), .memory_limit_mib = 256});
  stack.add<cdk::ecs::Ec2Service>("Worker", {.cluster = cluster, .task_definition = ec2_task});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"LaunchType", "EC2"}, {"NetworkConfiguration", Match::absent()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, BadServiceSettingsAreErrorsNamingThePath) {
  try {
    stack.add<cdk::ecs::FargateService>("A", {.cluster = cluster, .task_definition = task, .min_healthy_percent = 100, .max_healthy_percent = 100});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Svc/A"));
  }
  EXPECT_THROW(stack.add<cdk::ecs::FargateService>("B", {.task_definition = task}), cdk::Error);
  EXPECT_THROW(stack.add<cdk::ecs::FargateService>("C", {.cluster = cluster}), cdk::Error);
  auto& no_vpc = stack.add<cdk::ecs::Cluster>("NoVpc");
  EXPECT_THROW(stack.add<cdk::ecs::FargateService>("D", {.cluster = no_vpc, .task_definition = task}), cdk::Error);
  EXPECT_THROW(stack.add<cdk::ecs::FargateService>("E", {.cluster = cluster, .task_definition = task,
                                                         .subnets = {.subnet_type = cdk::ec2::SubnetType::Public}}),
               cdk::Error);
  auto& svc = stack.add<cdk::ecs::FargateService>("F", {.cluster = cluster, .task_definition = task});
  auto& scaling = svc.auto_scale_task_count({.max_capacity = 3});
  EXPECT_THROW(svc.auto_scale_task_count({.max_capacity = 3}), cdk::Error);
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  auto& group = nlb.add_listener("Tcp", {.port = 80}).add_targets("F", {.port = 8080, .targets = {svc}});
  EXPECT_THROW(scaling.scale_on_request_count("R", {.requests_per_target = 100, .target_group = group}), cdk::Error);
  EXPECT_THROW(svc.auto_scale_task_count({.max_capacity = 0}), cdk::Error);
}

}  // namespace

namespace {

TEST_F(ServiceTest, BridgeModeServicesRegisterAsInstanceTargets) {
  auto& ec2_task = stack.add<cdk::ecs::Ec2TaskDefinition>("Ec2Task");
  ec2_task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx"),
                                 .port_mappings = {{.container_port = 80}},
                                 .memory_limit_mib = 256});
  auto& svc = stack.add<cdk::ecs::Ec2Service>("Worker", {.cluster = cluster, .task_definition = ec2_task});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {.port = 80}).add_targets("Web", {.port = 80, .targets = {svc}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"TargetType", "instance"}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"LaunchType", "EC2"},
                                                                     {"LoadBalancers", Match::array_with({Match::object_like({{"ContainerPort", 80}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, AServiceWhoseContainerHasNoPortCannotBeATarget) {
  auto& worker = stack.add<cdk::ecs::FargateTaskDefinition>("WorkerTask");
  worker.add_container("w", {.image = cdk::ecs::ContainerImage::from_registry("busybox")});
  auto& svc = stack.add<cdk::ecs::FargateService>("Worker", {.cluster = cluster, .task_definition = worker});
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  try {
    nlb.add_listener("Tcp", {.port = 80}).add_targets("W", {.port = 80, .targets = {svc}});
    FAIL();
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Svc/WorkerTask/w"));
  }
}

TEST_F(ServiceTest, GivenSecurityGroupsReplaceTheDefaultOne) {
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Mine", {.vpc = vpc});
  stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task, .security_groups = {sg}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.has_resource_properties("AWS::ECS::Service",
                            Match::object_like({{"NetworkConfiguration", Match::object_like({{"AwsvpcConfiguration", Match::object_like(
                                {{"SecurityGroups", Match::array_equals({Match::object_like({{"Fn::GetAtt", Match::array_equals({t.logical_id(*sg.resource()), "GroupId"})}})})}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace

#include <cdk/autoscaling/auto_scaling_group.hpp>

namespace {

TEST_F(ServiceTest, AnAutoScalingGroupBecomesTheClustersEc2Capacity) {
  auto& hosts = stack.add<cdk::autoscaling::AutoScalingGroup>(
      "Hosts", {.vpc = vpc, .instance_type = "t3.medium", .machine_image = cdk::ecs::ecs_optimized_amazon_linux_2023(),
                .root_volume = {.device_name = cdk::ecs::ecs_optimized_root_device}});
  auto& provider = cluster.add_asg_capacity_provider("Hosts", hosts, {.target_capacity_percent = 90});
  auto& ec2_task = stack.add<cdk::ecs::Ec2TaskDefinition>("Ec2Task");
  ec2_task.add_container("app", {.image = cdk::ecs::ContainerImage::from_registry("nginx"), .memory_limit_mib = 256});
  stack.add<cdk::ecs::Ec2Service>("Worker", {.cluster = cluster, .task_definition = ec2_task});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::CapacityProvider",
                            Match::object_like({{"AutoScalingGroupProvider",
                                                 Match::object_like({{"ManagedScaling", Match::object_equals({{"Status", "ENABLED"}, {"TargetCapacity", 90}})},
                                                                     {"ManagedTerminationProtection", "DISABLED"}})}}));
  t.has_resource_properties("AWS::ECS::ClusterCapacityProviderAssociations",
                            Match::object_like({{"CapacityProviders", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(provider)}})})},
                                                {"DefaultCapacityProviderStrategy", Match::array_equals({Match::object_like({{"Weight", 1}})})}}));
  EXPECT_THAT(t.to_json(), HasSubstr("ECS_CLUSTER="));
  EXPECT_THAT(t.to_json(), HasSubstr("AmazonEC2ContainerServiceforEC2Role"));
  EXPECT_THAT(t.to_json(), HasSubstr("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"));
  EXPECT_THROW(cluster.add_asg_capacity_provider("Bad", hosts, {.target_capacity_percent = 0}), cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace

namespace {

TEST_F(ServiceTest, FargateSpotReplacesTheLaunchTypeAndAssociatesTheProvidersWithTheCluster) {
  stack.add<cdk::ecs::FargateService>("Web", {
      .cluster = cluster, .task_definition = task,
      .capacity_provider_strategies = {{.capacity_provider = "FARGATE", .weight = 1, .base = 1},
                                       {.capacity_provider = "FARGATE_SPOT", .weight = 3}}});
  auto t = Template::from_stack(stack);
  const auto associations = t.logical_id(*cluster.capacity_provider_associations());
  t.has_resource("AWS::ECS::Service", Match::object_like({
      {"Properties", Match::object_like({
          {"LaunchType", Match::absent()},
          {"CapacityProviderStrategy", Match::array_equals({
              Match::object_equals({{"CapacityProvider", "FARGATE"}, {"Weight", 1}, {"Base", 1}}),
              Match::object_equals({{"CapacityProvider", "FARGATE_SPOT"}, {"Weight", 3}})})}})},
      {"DependsOn", Match::array_with({associations})}}));
  t.has_resource_properties("AWS::ECS::ClusterCapacityProviderAssociations", Match::object_equals({
      {"Cluster", Match::object_equals({{"Ref", t.logical_id(cluster.cfn_cluster())}})},
      {"CapacityProviders", Match::array_equals({"FARGATE", "FARGATE_SPOT"})},
      {"DefaultCapacityProviderStrategy", Match::array_equals({
          Match::object_equals({{"CapacityProvider", "FARGATE"}, {"Weight", 1}})})}}));
  // A second service on the same providers associates nothing more.
  stack.add<cdk::ecs::FargateService>("Worker", {
      .cluster = cluster, .task_definition = task,
      .capacity_provider_strategies = {{.capacity_provider = "FARGATE_SPOT"}}});
  Template::from_stack(stack).resource_count_is("AWS::ECS::ClusterCapacityProviderAssociations", 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, CapacityProviderStrategiesAreCheckedNamingTheService) {
  using Strategies = std::vector<cdk::ecs::CapacityProviderStrategy>;
  const auto service = [&](const char* id, Strategies strategies) {
    stack.add<cdk::ecs::FargateService>(id, {.cluster = cluster, .task_definition = task,
                                             .capacity_provider_strategies = std::move(strategies)});
  };
  EXPECT_THROW(service("TwoBases", {{.capacity_provider = "FARGATE", .base = 1}, {.capacity_provider = "FARGATE_SPOT", .base = 2}}),
               cdk::Error);
  EXPECT_THROW(service("NoWeight", {{.capacity_provider = "FARGATE_SPOT", .weight = 0}}), cdk::Error);
  try {
    service("OnEc2", {{.capacity_provider = "my-asg-provider"}});
    FAIL() << "a Fargate service on an EC2 capacity provider was accepted";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Svc/OnEc2"));
    EXPECT_THAT(e.what(), HasSubstr("FARGATE or FARGATE_SPOT only"));
  }
}

TEST_F(ServiceTest, EcsExecGivesTheTaskRoleTheSessionManagerChannels) {
  stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task, .enable_execute_command = true});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({{"EnableExecuteCommand", true}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(task.task_role().cfn_role())}})})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_equals({
          {"Effect", "Allow"},
          {"Action", Match::array_equals({"ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                                          "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"})},
          {"Resource", "*"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServiceTest, EcsExecSessionsLoggedWhereTheClusterSaysAndTheTaskRoleMayWriteThere) {
  auto& sessions = stack.add<cdk::logs::LogGroup>("ExecSessions");
  auto& audit = stack.add<cdk::s3::Bucket>("Audit");
  auto& logged = stack.add<cdk::ecs::Cluster>("Logged", {
      .vpc = vpc, .execute_command_configuration = cdk::ecs::ExecuteCommandConfiguration{
          .logging = cdk::ecs::ExecuteCommandLogging::Override, .log_group = sessions, .bucket = audit,
          .s3_key_prefix = "exec/"}});
  stack.add<cdk::ecs::FargateService>("Web", {.cluster = logged, .task_definition = task, .enable_execute_command = true});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::Cluster", Match::object_like({{"Configuration", Match::object_equals({
      {"ExecuteCommandConfiguration", Match::object_equals({
          {"Logging", "OVERRIDE"},
          {"LogConfiguration", Match::object_equals({
              {"CloudWatchLogGroupName", Match::object_equals({{"Ref", t.logical_id(sessions.cfn_log_group())}})},
              {"S3BucketName", Match::object_equals({{"Ref", t.logical_id(audit.cfn_bucket())}})},
              {"S3KeyPrefix", "exec/"}})}})}})}}));
  EXPECT_THAT(t.to_json(), HasSubstr("logs:PutLogEvents"));
  EXPECT_THAT(t.to_json(), HasSubstr("s3:GetEncryptionConfiguration"));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(task.task_role().cfn_role())}})})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({
          Match::object_equals({{"Effect", "Allow"}, {"Action", "s3:PutObject"},
                                {"Resource", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
                                    Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(audit.cfn_bucket()), "Arn"})}}),
                                    "/exec/*"})})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
  EXPECT_THROW(stack.add<cdk::ecs::Cluster>("Nowhere", {.vpc = vpc, .execute_command_configuration = cdk::ecs::ExecuteCommandConfiguration{
                   .logging = cdk::ecs::ExecuteCommandLogging::Override}}),
               cdk::Error);
  EXPECT_THROW(stack.add<cdk::ecs::Cluster>("Ignored", {.vpc = vpc, .execute_command_configuration = cdk::ecs::ExecuteCommandConfiguration{
                   .log_group = sessions}}),
               cdk::Error);
}

}  // namespace
