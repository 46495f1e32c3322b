#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/example_ids.hpp"
#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::elbv2::NetworkLoadBalancer;
using cdk::elbv2::Protocol;
using cdk::elbv2::Target;
using cdk::testing::error_of;
using ::testing::HasSubstr;

using cdk::testing::kCert;

struct Fixture : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ec2::ImportedVpc& vpc = cdk::testing::imported_vpc(stack);
};

using NetworkLoadBalancerTest = Fixture;

TEST_F(NetworkLoadBalancerTest, IsInternalInPrivateSubnetsWithItsOwnSecurityGroupByDefault) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 5432}).add_targets("Db", {.targets = {Target::ip("10.0.5.10")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                            Match::object_like({{"Scheme", "internal"},
                                                {"Type", "network"},
                                                {"Subnets", Match::array_equals({"subnet-0bbb0001", "subnet-0bbb0002"})},
                                                {"SecurityGroups", Match::array_equals({Match::object_like({{"Fn::GetAtt", Match::any_value()}})})},
                                                {"LoadBalancerAttributes", Match::array_with({Match::object_equals(
                                                    {{"Key", "deletion_protection.enabled"}, {"Value", "false"}})})},
                                                {"Name", Match::absent()}}));
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  // Internal: the listener is open to the VPC only.
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like(
                                                     {{"CidrIp", "10.0.0.0/16"}, {"FromPort", 5432}, {"ToPort", 5432}})})}}));
  EXPECT_EQ(nlb.security_groups().size(), 1U);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, TerminatesTlsOn443AndForwardsTcpTo80) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  auto& https = nlb.add_listener("Https", {.port = 443, .certificates = {kCert}});
  auto& tg = https.add_targets("Web", {.port = 80, .targets = {Target::instance_id("i-0123456789abcdef0")},
                                       .health_check = {.interval_seconds = 10}});
  EXPECT_EQ(https.protocol(), Protocol::Tls);
  EXPECT_EQ(tg.node().path(), "Test/Lb/Https/WebGroup");
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                            Match::object_like({{"Scheme", "internet-facing"},
                                                {"Subnets", Match::array_equals({"subnet-0aaa0001", "subnet-0aaa0002"})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 443},
                                                {"Protocol", "TLS"},
                                                {"Certificates", Match::array_equals({Match::object_equals({{"CertificateArn", kCert}})})},
                                                {"SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"},
                                                {"DefaultActions", Match::array_equals({Match::object_like({{"Type", "forward"}})})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Port", 80},
                                                {"Protocol", "TCP"},
                                                {"TargetType", "instance"},
                                                {"VpcId", "vpc-0a1b2c3d4e5f60718"},
                                                {"HealthCheckIntervalSeconds", 10},
                                                {"Targets", Match::array_equals({Match::object_equals({{"Id", "i-0123456789abcdef0"}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_with({Match::object_like(
                                                     {{"CidrIp", "0.0.0.0/0"}, {"FromPort", 443}, {"IpProtocol", "tcp"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, RestrictsAnSshListenerToTheListedCidrs) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  nlb.add_listener("Ssh", {.port = 22, .allow_from = {cdk::ec2::Peer::ipv4("203.0.113.0/24"),
                                                      cdk::ec2::Peer::ipv4("198.51.100.7/32")}})
      .add_targets("Ssh", {.targets = {Target::instance_id("i-0123456789abcdef0")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({{"Port", 22}, {"Protocol", "TCP"},
                                                                                        {"SslPolicy", Match::absent()}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"Port", 22}}));
  t.has_resource_properties(
      "AWS::EC2::SecurityGroup",
      Match::object_like({{"SecurityGroupIngress",
                           Match::array_equals({Match::object_like({{"CidrIp", "203.0.113.0/24"}, {"FromPort", 22}, {"ToPort", 22}}),
                                                Match::object_like({{"CidrIp", "198.51.100.7/32"}, {"FromPort", 22}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, ClosedListenerOpensNothing) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 8080, .open = false}).add_targets("App", {.targets = {Target::ip("10.0.3.4")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::EC2::SecurityGroup", Match::object_like({{"SecurityGroupIngress", Match::absent()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, SetsCrossZoneAndDeletionProtectionAttributes) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc, .deletion_protection = true, .cross_zone_enabled = true});
  nlb.add_listener("Tcp", {.port = 80}).add_targets("Web", {.targets = {Target::ip("10.0.3.4")}});
  Template::from_stack(stack).has_resource_properties(
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      Match::object_like({{"LoadBalancerAttributes",
                           Match::array_equals({Match::object_equals({{"Key", "deletion_protection.enabled"}, {"Value", "true"}}),
                                                Match::object_equals({{"Key", "load_balancing.cross_zone.enabled"}, {"Value", "true"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, UdpListenerMakesUdpTargetGroupsAndOpensUdp) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Dns", {.port = 53, .protocol = Protocol::Udp})
      .add_targets("Dns", {.targets = {Target::ip("10.0.3.4"), Target::ip("10.0.4.4", 5353)}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Protocol", "UDP"},
                                                {"TargetType", "ip"},
                                                {"Targets", Match::array_equals({Match::object_equals({{"Id", "10.0.3.4"}}),
                                                                                 Match::object_equals({{"Id", "10.0.4.4"}, {"Port", 5353}})})}}));
  // In on UDP 53; out to each target on its port: UDP for traffic, TCP for the health checks.
  t.has_resource_properties(
      "AWS::EC2::SecurityGroup",
      Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like({{"IpProtocol", "udp"}, {"FromPort", 53}})})},
                          {"SecurityGroupEgress",
                           Match::array_equals({Match::object_like({{"CidrIp", "10.0.3.4/32"}, {"IpProtocol", "tcp"}, {"FromPort", 53}}),
                                                Match::object_like({{"CidrIp", "10.0.3.4/32"}, {"IpProtocol", "udp"}, {"FromPort", 53}}),
                                                Match::object_like({{"CidrIp", "10.0.4.4/32"}, {"IpProtocol", "tcp"}, {"FromPort", 5353}}),
                                                Match::object_like({{"CidrIp", "10.0.4.4/32"}, {"IpProtocol", "udp"}, {"FromPort", 5353}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, ExtraCertificatesBecomeAListenerCertificate) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  const std::string second = std::string(kCert) + "7";
  nlb.add_listener("Tls", {.port = 443, .certificates = {kCert, second}, .ssl_policy = std::string(cdk::elbv2::SslPolicy::tls13)})
      .add_targets("Web", {.port = 80, .targets = {Target::ip("10.0.3.4")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Certificates", Match::array_equals({Match::object_equals({{"CertificateArn", kCert}})})},
                                                {"SslPolicy", "ELBSecurityPolicy-TLS13-1-3-2021-06"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::ListenerCertificate",
                            Match::object_like({{"Certificates", Match::array_equals({Match::object_equals({{"CertificateArn", second}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, UsesGivenSecurityGroupsAndAName) {
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Sg", {.vpc = vpc, .description = "lb"});
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc, .security_groups = {sg}, .load_balancer_name = "matomo-nlb"});
  nlb.add_listener("Tcp", {.port = 80}).add_targets("Web", {.targets = {Target::ip("10.0.3.4")}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match::object_like({{"Name", "matomo-nlb"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(NetworkLoadBalancerTest, IsAnAliasTargetWithTheDualstackName) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  const cdk::route53::IAliasRecordTarget& target = nlb;
  auto alias = target.alias_target();
  EXPECT_EQ(alias.hosted_zone_id, nlb.canonical_hosted_zone_id());
  EXPECT_THAT(alias.dns_name.to_string(), HasSubstr("dualstack."));
  EXPECT_THAT(alias.dns_name.to_string(), HasSubstr("DNSName"));
}

TEST_F(NetworkLoadBalancerTest, RefusesANameLongerThan32CharactersNamingThePath) {
  const std::string msg = error_of([&] {
    stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc, .load_balancer_name = "a-load-balancer-name-that-is-too-long"});
  });
  EXPECT_THAT(msg, HasSubstr("Test/Lb"));
  EXPECT_THAT(msg, HasSubstr("at most 32"));
}

TEST_F(NetworkLoadBalancerTest, RefusesNamesWithBadCharactersOrTheInternalPrefix) {
  EXPECT_THAT(error_of([&] { stack.add<NetworkLoadBalancer>("A", {.vpc = vpc, .load_balancer_name = "my_lb"}); }),
              HasSubstr("Test/A"));
  EXPECT_THAT(error_of([&] { stack.add<NetworkLoadBalancer>("B", {.vpc = vpc, .load_balancer_name = "-lb"}); }),
              HasSubstr("hyphen"));
  EXPECT_THAT(error_of([&] { stack.add<NetworkLoadBalancer>("C", {.vpc = vpc, .load_balancer_name = "internal-lb"}); }),
              HasSubstr("internal-"));
}

TEST_F(NetworkLoadBalancerTest, RefusesAMissingVpc) {
  EXPECT_THAT(error_of([&] { stack.add<NetworkLoadBalancer>("Lb", {}); }), HasSubstr("Test/Lb: a load balancer needs a VPC"));
}

TEST_F(NetworkLoadBalancerTest, RefusesAnInternetFacingLoadBalancerInPrivateSubnets) {
  const std::string msg = error_of([&] {
    stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true,
                                          .vpc_subnets = cdk::ec2::SubnetSelection{.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress}});
  });
  EXPECT_THAT(msg, HasSubstr("Test/Lb"));
  EXPECT_THAT(msg, HasSubstr("not public"));
}

TEST_F(NetworkLoadBalancerTest, RefusesTlsWithoutCertificateAndCertificatesWithoutTls) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  EXPECT_THAT(error_of([&] { nlb.add_listener("A", {.port = 443, .protocol = Protocol::Tls}); }),
              HasSubstr("Test/Lb/A: a TLS listener needs a certificate"));
  EXPECT_THAT(error_of([&] { nlb.add_listener("B", {.port = 443, .protocol = Protocol::Tcp, .certificates = {kCert}}); }),
              HasSubstr("Test/Lb/B: certificates were given to a TCP listener"));
  EXPECT_THAT(error_of([&] { nlb.add_listener("C", {.port = 80, .ssl_policy = "ELBSecurityPolicy-2016-08"}); }),
              HasSubstr("Test/Lb/C: an SSL policy"));
}

TEST_F(NetworkLoadBalancerTest, RefusesHttpListenersBadPortsAndRules) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  EXPECT_THAT(error_of([&] { nlb.add_listener("Http", {.port = 80, .protocol = Protocol::Http}); }),
              HasSubstr("Test/Lb/Http: a Network Load Balancer listener cannot use HTTP"));
  EXPECT_THAT(error_of([&] { nlb.add_listener("Zero", {}); }), HasSubstr("Test/Lb/Zero: listener port 0"));
  auto& l = nlb.add_listener("Tcp", {.port = 80});
  EXPECT_THAT(error_of([&] {
                l.add_targets("Web", {.targets = {Target::ip("10.0.3.4")}, .priority = 1,
                                      .conditions = {cdk::elbv2::ListenerCondition::path_patterns({"/a"})}});
              }),
              HasSubstr("Test/Lb/Tcp: add_targets('Web'): Network Load Balancer listeners have no rules"));
}

TEST_F(NetworkLoadBalancerTest, ListenerWithoutTargetsFailsSynthesis) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 80});
  try {
    Template::from_stack(stack);
    FAIL() << "synthesis should fail";
  } catch (const cdk::SynthError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Test/Lb/Tcp: the listener has no default action"));
  }
}

TEST_F(NetworkLoadBalancerTest, AnHttpTargetGroupCannotServeANetworkListener) {
  auto& nlb = stack.add<NetworkLoadBalancer>("Lb", {.vpc = vpc});
  auto& tg = stack.add<cdk::elbv2::TargetGroup>("Tg", {.port = 80, .vpc_id = vpc.vpc_id(), .targets = {Target::ip("10.0.3.4")}});
  EXPECT_THAT(error_of([&] { nlb.add_listener("Tcp", {.port = 80, .default_target_groups = {tg}}); }),
              HasSubstr("Test/Tg: an HTTP/HTTPS target group cannot serve a Network Load Balancer"));
}

}  // namespace
