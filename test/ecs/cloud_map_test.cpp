// ECS services in Cloud Map: cloud_map_options, the cluster's default namespace,
// enable_cloud_map, the record type each network mode takes, the service's
// ServiceRegistries, and service-to-service traffic opened with one
// connections() call.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/ec2/port.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/servicediscovery/cfn_private_dns_namespace.hpp>
#include <cdk/servicediscovery/cfn_service.hpp>
#include <cdk/servicediscovery/servicediscovery.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::testing::get_att;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace ecs = cdk::ecs;
namespace sd = cdk::servicediscovery;

struct CloudMapTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc");
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  ecs::Cluster& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc});

  ecs::FargateTaskDefinition& fargate_task(const std::string& id, std::int64_t port) {
    auto& t = stack.add<ecs::FargateTaskDefinition>(id);
    t.add_container("app", {.image = ecs::ContainerImage::from_registry("nginx"),
                            .port_mappings = {{.container_port = port}}});
    return t;
  }
  ecs::Ec2TaskDefinition& bridge_task(const std::string& id, ecs::NetworkMode mode = ecs::NetworkMode::Bridge) {
    auto& t = stack.add<ecs::Ec2TaskDefinition>(id, {.network_mode = mode});
    t.add_container("app", {.image = ecs::ContainerImage::from_registry("nginx"),
                            .port_mappings = {{.container_port = 80}, {.container_port = 9090}},
                            .memory_limit_mib = 256});
    return t;
  }
};

TEST_F(CloudMapTest, FargateServiceRegistersARecordsInTheClustersDefaultNamespace) {
  auto& ns = cluster.add_default_cloud_map_namespace({.name = "internal"});
  EXPECT_EQ(ns.node().path(), "Svc/Cluster/DefaultServiceDiscoveryNamespace");
  EXPECT_EQ(cluster.default_cloud_map_namespace(), &ns);
  auto& api = stack.add<ecs::FargateService>("Api", {.cluster = cluster, .task_definition = fargate_task("ApiTask", 8080),
                                                     .cloud_map_options = ecs::CloudMapOptions{.name = "api"}});
  ASSERT_NE(api.cloud_map_service(), nullptr);
  EXPECT_EQ(api.cloud_map_service()->node().path(), "Svc/Api/CloudmapService");
  auto t = Template::from_stack(stack);
  const auto ns_id = t.logical_id(dynamic_cast<sd::PrivateDnsNamespace&>(ns).cfn_namespace());
  const auto registry_id = t.logical_id(api.cloud_map_service()->cfn_service());
  t.has_resource_properties("AWS::ServiceDiscovery::PrivateDnsNamespace",
                            Match::object_equals({{"Name", "internal"}, {"Vpc", Match::object_like({{"Ref", Match::string_like_regexp("^Vpc")}})}}));
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_equals({
      {"Name", "api"},
      {"DnsConfig", Match::object_equals({{"DnsRecords", Match::array_equals({Match::object_equals({{"Type", "A"}, {"TTL", 60}})})},
                                          {"NamespaceId", get_att(ns_id, "Id")}, {"RoutingPolicy", "MULTIVALUE"}})},
      {"HealthCheckCustomConfig", Match::object_equals({{"FailureThreshold", 1}})},
      {"NamespaceId", get_att(ns_id, "Id")}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({
      {"ServiceRegistries", Match::array_equals({Match::object_equals({{"RegistryArn", get_att(registry_id, "Arn")}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CloudMapTest, ClusterPropsMakeTheDefaultNamespaceOfAnyKind) {
  auto& pub = stack.add<ecs::Cluster>("Public", {.vpc = vpc, .default_cloud_map_namespace = ecs::CloudMapNamespaceOptions{
                                                     .name = "example.com", .type = sd::NamespaceType::DnsPublic}});
  auto& http = stack.add<ecs::Cluster>("Http", {.default_cloud_map_namespace = ecs::CloudMapNamespaceOptions{
                                                    .name = "apps", .type = sd::NamespaceType::Http}});
  ASSERT_NE(pub.default_cloud_map_namespace(), nullptr);
  EXPECT_EQ(pub.default_cloud_map_namespace()->type(), sd::NamespaceType::DnsPublic);
  EXPECT_EQ(http.default_cloud_map_namespace()->type(), sd::NamespaceType::Http);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ServiceDiscovery::PublicDnsNamespace", 1);
  t.resource_count_is("AWS::ServiceDiscovery::HttpNamespace", 1);
  expect_error([&] { pub.add_default_cloud_map_namespace({.name = "again"}); },
               "Svc/Public/DefaultServiceDiscoveryNamespace", "already");
  auto& bare = stack.add<ecs::Cluster>("Bare");
  expect_error([&] { bare.add_default_cloud_map_namespace({.name = "internal"}); },
               "Svc/Bare/DefaultServiceDiscoveryNamespace", "cluster has none");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CloudMapTest, BridgeTasksRegisterSrvRecordsForTheirContainerPort) {
  cluster.add_default_cloud_map_namespace({.name = "internal"});
  auto& task = bridge_task("Task");
  auto& svc = stack.add<ecs::Ec2Service>("Worker", {.cluster = cluster, .task_definition = task});
  auto& registry = svc.enable_cloud_map({.name = "worker", .dns_ttl_seconds = 10});
  EXPECT_EQ(registry.dns_record_type(), sd::DnsRecordType::Srv);
  auto& metrics = stack.add<ecs::Ec2Service>("Metrics", {.cluster = cluster, .task_definition = bridge_task("MetricsTask")});
  metrics.enable_cloud_map({.name = "metrics", .container_port = 9090});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({
      {"Name", "worker"},
      {"DnsConfig", Match::object_like({{"DnsRecords", Match::array_equals({Match::object_equals({{"Type", "SRV"}, {"TTL", 10}})})}})}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({
      {"ServiceRegistries", Match::array_equals({Match::object_equals({
          {"RegistryArn", get_att(t.logical_id(registry.cfn_service()), "Arn")}, {"ContainerName", "app"}, {"ContainerPort", 80}})})}}));
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({
      {"ServiceRegistries", Match::array_equals({Match::object_like({{"ContainerName", "app"}, {"ContainerPort", 9090}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CloudMapTest, AwsvpcTasksMayAskForSrvRecordsInAGivenNamespace) {
  auto& ns = stack.add<sd::PrivateDnsNamespace>("Ns", {.name = "local", .vpc = vpc});
  auto& task = fargate_task("Task", 8080);
  stack.add<ecs::FargateService>("Api", {.cluster = cluster, .task_definition = task,
                                         .cloud_map_options = ecs::CloudMapOptions{
                                             .name = "api", .cloud_map_namespace = ns,
                                             .dns_record_type = sd::DnsRecordType::Srv,
                                             .container = *task.default_container()}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ECS::Service", Match::object_like({
      {"ServiceRegistries", Match::array_equals({Match::object_like({{"ContainerName", "app"}, {"ContainerPort", 8080}})})}}));
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({
      {"NamespaceId", get_att(t.logical_id(ns.cfn_namespace()), "Id")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CloudMapTest, BadCloudMapSettingsAreOneLineErrorsNamingTheService) {
  auto& task = fargate_task("Task", 8080);
  expect_error([&] {
    stack.add<ecs::FargateService>("NoNs", {.cluster = cluster, .task_definition = task, .cloud_map_options = ecs::CloudMapOptions{}});
  }, "Svc/NoNs", "cluster Svc/Cluster has no default one");
  auto& http = stack.add<sd::HttpNamespace>("Http", {.name = "apps"});
  expect_error([&] {
    stack.add<ecs::FargateService>("Http1", {.cluster = cluster, .task_definition = task,
                                             .cloud_map_options = ecs::CloudMapOptions{.cloud_map_namespace = http}});
  }, "Svc/Http1", "Svc/Http is an HTTP namespace");
  cluster.add_default_cloud_map_namespace({.name = "internal"});
  auto& svc = stack.add<ecs::FargateService>("Twice", {.cluster = cluster, .task_definition = task});
  svc.enable_cloud_map({.name = "twice"});
  expect_error([&] { svc.enable_cloud_map({.name = "again"}); }, "Svc/Twice", "registered in Cloud Map already");
  auto& other = fargate_task("Other", 80);
  auto& srv = stack.add<ecs::FargateService>("Srv", {.cluster = cluster, .task_definition = task});
  expect_error([&] { srv.enable_cloud_map({.dns_record_type = sd::DnsRecordType::Srv, .container_port = 9999}); },
               "Svc/Srv", "port 9999 is not mapped by Svc/Task/app");
  expect_error([&] { srv.enable_cloud_map({.dns_record_type = sd::DnsRecordType::Srv, .container = *other.default_container()}); },
               "Svc/Srv", "Svc/Other/app is not a container of Svc/Task");
  expect_error([&] { srv.enable_cloud_map({.container_port = 8080}); }, "Svc/Srv", "SRV records only");
  expect_error([&] { srv.enable_cloud_map({.dns_record_type = sd::DnsRecordType::Cname}); }, "Svc/Srv", "not CNAME");
  EXPECT_EQ(srv.cloud_map_service(), nullptr);
  auto& bridge = stack.add<ecs::Ec2Service>("Bridge", {.cluster = cluster, .task_definition = bridge_task("BridgeTask")});
  expect_error([&] { bridge.enable_cloud_map({.dns_record_type = sd::DnsRecordType::A}); }, "Svc/Bridge",
               "need SRV records, not A");
  auto& none = stack.add<ecs::Ec2Service>("None", {.cluster = cluster, .task_definition = bridge_task("NoneTask", ecs::NetworkMode::None)});
  expect_error([&] { none.enable_cloud_map({}); }, "Svc/None", "network mode none");
  auto& silent = stack.add<ecs::FargateTaskDefinition>("Silent");
  silent.add_container("w", {.image = ecs::ContainerImage::from_registry("busybox")});
  auto& worker = stack.add<ecs::FargateService>("Worker", {.cluster = cluster, .task_definition = silent});
  expect_error([&] { worker.enable_cloud_map({.dns_record_type = sd::DnsRecordType::Srv}); }, "Svc/Worker",
               "Svc/Silent/w maps none");
}

// The pattern a team writes for two services: web finds api by name (Cloud
// Map) and one connections() call lets web's tasks reach api's port.
TEST_F(CloudMapTest, OneServiceDiscoversAnotherAndOneConnectionsCallOpensThePort) {
  cluster.add_default_cloud_map_namespace({.name = "internal"});
  auto& api = stack.add<ecs::FargateService>("Api", {.cluster = cluster, .task_definition = fargate_task("ApiTask", 8080),
                                                     .cloud_map_options = ecs::CloudMapOptions{.name = "api"}});
  auto& web_task = fargate_task("WebTask", 80);
  web_task.default_container()->add_environment("API_URL", "http://api.internal:8080");
  auto& web = stack.add<ecs::FargateService>("Web", {.cluster = cluster, .task_definition = web_task});
  api.connections().allow_from(web, cdk::ec2::Port::tcp(8080));

  auto t = Template::from_stack(stack);
  const auto api_sg = t.logical_id(*api.connections().security_groups().front()->resource());
  const auto web_sg = t.logical_id(*web.connections().security_groups().front()->resource());
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({
      {"IpProtocol", "tcp"}, {"FromPort", 8080}, {"ToPort", 8080},
      {"GroupId", get_att(api_sg, "GroupId")}, {"SourceSecurityGroupId", get_att(web_sg, "GroupId")}}));
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 1);
  t.has_resource_properties("AWS::ServiceDiscovery::Service", Match::object_like({{"Name", "api"}}));
  EXPECT_EQ(web.cloud_map_service(), nullptr);
  cdk::testing::keep_for_lint(stack);
}

// Bridge tasks live on the instances' network: their service's connections()
// are the capacity's security groups, so the same call opens them.
TEST_F(CloudMapTest, BridgeServicesAreReachedThroughTheirCapacitysSecurityGroups) {
  cluster.add_default_cloud_map_namespace({.name = "internal"});
  auto& hosts = stack.add<cdk::autoscaling::AutoScalingGroup>(
      "Hosts", {.vpc = vpc, .instance_type = "t3.medium", .machine_image = ecs::ecs_optimized_amazon_linux_2023(),
                .root_volume = {.device_name = ecs::ecs_optimized_root_device}});
  cluster.add_asg_capacity_provider("Hosts", hosts);
  auto& worker = stack.add<ecs::Ec2Service>("Worker", {.cluster = cluster, .task_definition = bridge_task("Task"),
                                                       .cloud_map_options = ecs::CloudMapOptions{.name = "worker"}});
  auto& web = stack.add<ecs::FargateService>("Web", {.cluster = cluster, .task_definition = fargate_task("WebTask", 80)});
  ASSERT_EQ(worker.connections().security_groups().size(), 1u);
  EXPECT_EQ(worker.connections().security_groups().front(), hosts.connections().security_groups().front());
  worker.connections().allow_from(web, cdk::ec2::Port::tcp_range(32768, 65535));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({
      {"FromPort", 32768}, {"ToPort", 65535},
      {"GroupId", get_att(t.logical_id(*hosts.connections().security_groups().front()->resource()), "GroupId")}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
