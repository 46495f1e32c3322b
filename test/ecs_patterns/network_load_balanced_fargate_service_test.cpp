#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ecs/cfn_service.hpp>
#include <cdk/ecs/cfn_task_definition.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/fargate_service.hpp>
#include <cdk/ecs_patterns/ecs_patterns.hpp>
#include <cdk/elbv2/cfn_listener.hpp>
#include <cdk/elbv2/cfn_load_balancer.hpp>
#include <cdk/elbv2/cfn_target_group.hpp>
#include <cdk/elbv2/network_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/route53/a_record.hpp>
#include <cdk/route53/hosted_zone.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::ecs_patterns::NetworkLoadBalancedFargateService;
using cdk::ecs_patterns::TaskImageOptions;

namespace {

struct NlbServiceTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Svc", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::ecs::Cluster& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  cdk::route53::HostedZone& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});

  static TaskImageOptions nginx() { return {.image = cdk::ecs::ContainerImage::from_registry("nginx")}; }
};

// Logical ids aws-cdk-lib 2.276.0 gives `new NetworkLoadBalancedFargateService(stack, 'Tcp', {cluster,
// taskImageOptions: {image}})`.
TEST_F(NlbServiceTest, MainResourcesHaveTheAwsCdkLogicalIds) {
  auto& tcp = stack.add<NetworkLoadBalancedFargateService>("Tcp", {.cluster = cluster, .task_image_options = nginx()});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(tcp.load_balancer().cfn()), "TcpLBA5693449");
  EXPECT_EQ(t.logical_id(tcp.listener().cfn()), "TcpLBPublicListener07C48442");
  EXPECT_EQ(t.logical_id(tcp.target_group().cfn()), "TcpLBPublicListenerECSGroup42235BB3");
  EXPECT_EQ(t.logical_id(tcp.service().cfn_service()), "TcpServiceF1E7C321");
  EXPECT_EQ(t.logical_id(tcp.task_definition().cfn_task_definition()), "TcpTaskDef1BDEEF7C");
  t.has_output("TcpLoadBalancerDNSB8B00CFD",
               Match::object_like({{"Value", Match::object_like({{"Fn::GetAtt", Match::array_equals({"TcpLBA5693449", "DNSName"})}})}}));
  EXPECT_EQ(t.find_outputs().size(), 1u);  // no ServiceURL for a TCP service
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NlbServiceTest, ClientsReachTheTasksThroughTheLoadBalancersGroupOnTheContainerPort) {
  auto& broker = stack.add<NetworkLoadBalancedFargateService>(
      "Broker", {.cluster = cluster,
                 .task_image_options = TaskImageOptions{.image = cdk::ecs::ContainerImage::from_registry("eclipse-mosquitto:2"),
                                                        .container_port = 1883},
                 .listener_port = 8883});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match::object_like({{"Type", "network"}, {"Scheme", "internet-facing"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({{"Port", 8883}, {"Protocol", "TCP"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Port", 1883}, {"Protocol", "TCP"}, {"TargetType", "ip"}}));
  t.has_resource_properties("AWS::ECS::Service",
                            Match::object_like({{"LoadBalancers", Match::array_equals({Match::object_like({{"ContainerName", "web"}, {"ContainerPort", 1883}})})}}));
  ASSERT_EQ(broker.load_balancer().security_groups().size(), 1u);
  const auto lb_group = Match::string_like_regexp("^BrokerLBSecurityGroup[0-9A-F]{8}$");
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"FromPort", 1883}, {"ToPort", 1883},
                                                {"SourceSecurityGroupId", Match::object_like({{"Fn::GetAtt", Match::array_equals({lb_group, "GroupId"})}})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_with({Match::object_like({{"CidrIp", "0.0.0.0/0"}, {"FromPort", 8883}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NlbServiceTest, ADomainNameGetsAnAliasRecord) {
  auto& tcp = stack.add<NetworkLoadBalancedFargateService>(
      "Tcp", {.cluster = cluster, .task_image_options = nginx(), .domain_name = "mqtt", .domain_zone = zone});
  ASSERT_NE(tcp.dns_record(), nullptr);
  auto t = Template::from_stack(stack);
  EXPECT_EQ(tcp.dns_record()->node().path(), "Svc/Tcp/DNS");
  t.has_resource_properties("AWS::Route53::RecordSet", Match::object_like({{"Name", "mqtt.example.com."}, {"Type", "A"}, {"AliasTarget", Match::any_value()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NlbServiceTest, BadInputIsAnErrorAtThePatternsPath) {
  using cdk::testing::expect_error;
  auto& empty = stack.add<cdk::ecs::FargateTaskDefinition>("Empty");
  struct Case {
    const char* name;
    cdk::ecs_patterns::NetworkLoadBalancedFargateServiceProps props;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"both task sources", {.cluster = cluster, .task_image_options = nginx(), .task_definition = empty}, "both task_definition and task_image_options"},
      {"no task source", {.cluster = cluster}, "no image and no task definition"},
      {"task definition without container", {.cluster = cluster, .task_definition = empty}, "has no essential container"},
      {"bad size", {.cluster = cluster, .task_image_options = nginx(), .cpu = 512, .memory_limit_mib = 512}, "Fargate has no task size of 512 CPU units with 512 MiB"},
      {"domain without zone", {.cluster = cluster, .task_image_options = nginx(), .domain_name = "mqtt.example.com"}, "domain_name needs the hosted zone"},
      {"zone without domain", {.cluster = cluster, .task_image_options = nginx(), .domain_zone = zone}, "domain_zone was given without domain_name"},
      {"zero tasks", {.cluster = cluster, .task_image_options = nginx(), .desired_count = 0}, "desired_count must be at least 1"},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string id = "Bad" + std::to_string(n++);
    expect_error([&] { stack.add<NetworkLoadBalancedFargateService>(id, c.props); }, "Svc/" + id, c.says);
  }
}

}  // namespace
