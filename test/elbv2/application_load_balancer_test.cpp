#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
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
using cdk::elbv2::ApplicationLoadBalancer;
using cdk::elbv2::ListenerAction;
using cdk::elbv2::ListenerCondition;
using cdk::elbv2::Protocol;
using cdk::elbv2::Target;
using cdk::testing::error_of;
using ::testing::HasSubstr;

using cdk::testing::kCert;

struct ApplicationLoadBalancerTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ec2::ImportedVpc& vpc = cdk::testing::imported_vpc(stack);
};

TEST_F(ApplicationLoadBalancerTest, HttpsListenerForwardsToInstancesAndOpensOnlyItsPort) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  auto& https = alb.add_listener("Https", {.certificates = {kCert}});
  https.add_targets("Web", {.port = 80, .targets = {Target::instance_id("i-0123456789abcdef0")},
                            .health_check = {.path = "/health", .healthy_http_codes = "200-299"}});
  EXPECT_EQ(https.port(), 443);
  EXPECT_EQ(https.protocol(), Protocol::Https);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                            Match::object_like({{"Type", "application"},
                                                {"Scheme", "internet-facing"},
                                                {"LoadBalancerAttributes",
                                                 Match::array_with({Match::object_equals(
                                                     {{"Key", "routing.http.drop_invalid_header_fields.enabled"}, {"Value", "true"}})})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                            Match::object_like({{"Port", 443}, {"Protocol", "HTTPS"},
                                                {"SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"Port", 80}, {"Protocol", "HTTP"}, {"TargetType", "instance"},
                                                {"HealthCheckPath", "/health"},
                                                {"Matcher", Match::object_equals({{"HttpCode", "200-299"}})}}));
  // Only 443 in, from anywhere (internet-facing); the group allows no other outbound traffic.
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like(
                                                     {{"CidrIp", "0.0.0.0/0"}, {"FromPort", 443}, {"ToPort", 443}})})},
                                                {"SecurityGroupEgress", Match::array_equals({Match::object_like(
                                                     {{"CidrIp", "255.255.255.255/32"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, InternalListenersOpenToTheVpcOnly) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {.port = 8080}).add_targets("Api", {.targets = {Target::ip("10.0.3.4")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                            Match::object_like({{"Scheme", "internal"}, {"Subnets", Match::array_equals({"subnet-0bbb0001", "subnet-0bbb0002"})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener", Match::object_like({{"Port", 8080}, {"Protocol", "HTTP"}}));
  // HTTP targets listen on 80 unless told otherwise, whatever the listener's port (as in the CDK).
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"Port", 80}, {"TargetType", "ip"}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like(
                                                     {{"CidrIp", "10.0.0.0/16"}, {"FromPort", 8080}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, TargetPortFollowsTheTargetProtocol) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& l = alb.add_listener("Https", {.certificates = {kCert}});
  auto& plain = l.add_targets("Plain", {.targets = {Target::ip("10.0.3.4")}});
  auto& tls = l.add_targets("Tls", {.protocol = Protocol::Https, .targets = {Target::ip("10.0.3.5")}, .priority = 1,
                                    .conditions = {ListenerCondition::path_patterns({"/secure/*"})}});
  EXPECT_EQ(plain.port(), 80);
  EXPECT_EQ(plain.protocol(), Protocol::Http);
  EXPECT_EQ(tls.port(), 443);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"Port", 443}, {"Protocol", "HTTPS"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, AddRedirectSendsHttpToHttps) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Https", {.certificates = {kCert}}).add_targets("Web", {.port = 80, .targets = {Target::ip("10.0.3.4")}});
  auto& redirect = alb.add_redirect();
  EXPECT_EQ(redirect.node().id(), "Redirect80To443");
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::Listener",
      Match::object_like({{"Port", 80},
                          {"Protocol", "HTTP"},
                          {"DefaultActions", Match::array_equals({Match::object_equals(
                                                 {{"Type", "redirect"},
                                                  {"RedirectConfig", Match::object_equals({{"Port", "443"}, {"Protocol", "HTTPS"},
                                                                                           {"StatusCode", "HTTP_301"}})}})})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress",
                                                 Match::array_equals({Match::object_like({{"FromPort", 443}}),
                                                                      Match::object_like({{"FromPort", 80}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, RoutesByPathAndHostWithPriorities) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  auto& l = alb.add_listener("Https", {.certificates = {kCert}});
  l.add_targets("Web", {.port = 80, .targets = {Target::ip("10.0.3.4")}});
  l.add_targets("Api", {.port = 8080, .targets = {Target::ip("10.0.3.5")}, .priority = 10,
                        .conditions = {ListenerCondition::path_patterns({"/api/*"})}});
  l.add_action("Old", {.priority = 20, .conditions = {ListenerCondition::host_headers({"old.example.com"})},
                       .action = ListenerAction::fixed_response(410, "text/plain", "gone")});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
  t.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::ListenerRule",
      Match::object_like({{"Priority", 10},
                          {"Conditions", Match::array_equals({Match::object_equals(
                                             {{"Field", "path-pattern"}, {"PathPatternConfig", Match::object_equals({{"Values", Match::array_equals({"/api/*"})}})}})})},
                          {"Actions", Match::array_equals({Match::object_like({{"Type", "forward"}, {"TargetGroupArn", Match::any_value()}})})}}));
  t.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::ListenerRule",
      Match::object_like({{"Priority", 20},
                          {"Conditions", Match::array_equals({Match::object_like({{"Field", "host-header"}})})},
                          {"Actions", Match::array_equals({Match::object_like(
                                          {{"Type", "fixed-response"},
                                           {"FixedResponseConfig", Match::object_equals({{"StatusCode", "410"}, {"ContentType", "text/plain"},
                                                                                         {"MessageBody", "gone"}})}})})}}));
  EXPECT_NE(stack.node().try_find("Alb/Https/ApiRule"), nullptr);
  EXPECT_NE(stack.node().try_find("Alb/Https/ApiGroup"), nullptr);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, SetsIdleTimeoutAccessLogsAndDeletionProtection) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc,
                                                          .deletion_protection = true,
                                                          .idle_timeout_seconds = 120,
                                                          .access_logs = cdk::elbv2::AccessLogs{.bucket_name = "my-alb-logs", .prefix = "web"}});
  alb.add_listener("Http", {}).add_targets("Web", {.targets = {Target::ip("10.0.3.4")}});
  auto t = Template::from_stack(stack);
  auto attr = [](const char* k, const char* v) { return Match::object_equals({{"Key", k}, {"Value", v}}); };
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                            Match::object_like({{"LoadBalancerAttributes",
                                                 Match::array_with({attr("deletion_protection.enabled", "true"),
                                                                    attr("idle_timeout.timeout_seconds", "120"),
                                                                    attr("access_logs.s3.enabled", "true"),
                                                                    attr("access_logs.s3.bucket", "my-alb-logs"),
                                                                    attr("access_logs.s3.prefix", "web")})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, RefusesHttpsWithoutCertificateAndTcp) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  EXPECT_THAT(error_of([&] { alb.add_listener("A", {.port = 443}); }), HasSubstr("Test/Alb/A: a HTTPS listener needs a certificate"));
  EXPECT_THAT(error_of([&] { alb.add_listener("B", {.port = 80, .protocol = Protocol::Tcp}); }),
              HasSubstr("Test/Alb/B: an Application Load Balancer listener cannot use TCP"));
  EXPECT_THAT(error_of([&] { alb.add_listener("C", {.port = 80, .protocol = Protocol::Http, .certificates = {kCert}}); }),
              HasSubstr("Test/Alb/C: certificates were given to a HTTP listener"));
}

TEST_F(ApplicationLoadBalancerTest, RefusesBadRules) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& l = alb.add_listener("Http", {});
  l.add_targets("Web", {.targets = {Target::ip("10.0.3.4")}});
  EXPECT_THAT(error_of([&] { l.add_targets("Api", {.targets = {Target::ip("10.0.3.5")}, .priority = 1}); }),
              HasSubstr("Test/Alb/Http: add_targets('Api'): priority and conditions go together"));
  EXPECT_THAT(error_of([&] { l.add_targets("Other", {.targets = {Target::ip("10.0.3.5")}}); }),
              HasSubstr("Test/Alb/Http: the listener has a default action already"));
  l.add_action("A", {.priority = 5, .conditions = {ListenerCondition::path_patterns({"/a"})},
                     .action = ListenerAction::fixed_response(200)});
  EXPECT_THAT(error_of([&] {
                l.add_action("B", {.priority = 5, .conditions = {ListenerCondition::path_patterns({"/b"})},
                                   .action = ListenerAction::fixed_response(200)});
              }),
              HasSubstr("Test/Alb/Http/BRule: priority 5 is used by another rule of Test/Alb/Http"));
  EXPECT_THAT(error_of([&] {
                l.add_action("C", {.priority = 50001, .conditions = {ListenerCondition::path_patterns({"/c"})},
                                   .action = ListenerAction::fixed_response(200)});
              }),
              HasSubstr("Test/Alb/Http/CRule: rule priority 50001 is out of range"));
  EXPECT_THAT(error_of([&] {
                l.add_action("D", {.priority = 6, .conditions = {ListenerCondition::path_patterns({"/1", "/2", "/3", "/4", "/5", "/6"})},
                                   .action = ListenerAction::fixed_response(200)});
              }),
              HasSubstr("at most 5 values"));
  EXPECT_THAT(error_of([&] {
                l.add_action("E", {.priority = 7, .conditions = {ListenerCondition::path_patterns({"/e"})},
                                   .action = ListenerAction::fixed_response(700)});
              }),
              HasSubstr("Test/Alb/Http/ERule: fixed response status code 700"));
}

TEST_F(ApplicationLoadBalancerTest, RefusesBadLoadBalancerSettings) {
  EXPECT_THAT(error_of([&] { stack.add<ApplicationLoadBalancer>("A", {.vpc = vpc, .idle_timeout_seconds = 0}); }),
              HasSubstr("Test/A: idle timeout 0s is out of range"));
  EXPECT_THAT(error_of([&] {
                stack.add<ApplicationLoadBalancer>("B", {.vpc = vpc, .vpc_subnets = cdk::ec2::SubnetSelection{.availability_zones = {"eu-west-1a"}}});
              }),
              HasSubstr("Test/B: an Application Load Balancer needs subnets in at least two Availability Zones"));
  EXPECT_THAT(error_of([&] {
                stack.add<ApplicationLoadBalancer>("C", {.vpc = vpc, .access_logs = cdk::elbv2::AccessLogs{.bucket_name = "b", .prefix = "/x"}});
              }),
              HasSubstr("Test/C: access log prefix"));
}

TEST_F(ApplicationLoadBalancerTest, ChecksHealthChecksAtSynthesis) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {}).add_targets("Web", {.targets = {Target::ip("10.0.3.4")},
                                                   .health_check = {.protocol = Protocol::Tcp, .interval_seconds = 5, .timeout_seconds = 6}});
  try {
    Template::from_stack(stack);
    FAIL() << "synthesis should fail";
  } catch (const cdk::SynthError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Test/Alb/Http/WebGroup: health check protocol TCP is not supported"));
    EXPECT_THAT(e.what(), HasSubstr("health check timeout (6s) must be shorter than the interval (5s)"));
  }
}

TEST_F(ApplicationLoadBalancerTest, TargetGroupNamesRespectTheLengthLimit) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& l = alb.add_listener("Http", {});
  EXPECT_THAT(error_of([&] {
                l.add_targets("Web", {.targets = {Target::ip("10.0.3.4")}, .target_group_name = "web-target-group-with-a-very-long-name"});
              }),
              HasSubstr("Test/Alb/Http/WebGroup: target group name 'web-target-group-with-a-very-long-name' is 38 characters long"));
  l.add_targets("Web", {.targets = {Target::ip("10.0.3.4")}, .target_group_name = "web-tg"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup", Match::object_like({{"Name", "web-tg"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ApplicationLoadBalancerTest, MixingInstanceAndIpTargetsIsAnError) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& l = alb.add_listener("Http", {});
  EXPECT_THAT(error_of([&] {
                l.add_targets("Web", {.targets = {Target::ip("10.0.3.4"), Target::instance_id("i-0123456789abcdef0")}});
              }),
              HasSubstr("Test/Alb/Http/WebGroup: target group has target type 'ip' and cannot take a target of type 'instance'"));
}

TEST_F(ApplicationLoadBalancerTest, TargetGroupWithoutTargetsOrTypeFailsSynthesis) {
  auto& alb = stack.add<ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {}).add_targets("Web", {});
  try {
    Template::from_stack(stack);
    FAIL() << "synthesis should fail";
  } catch (const cdk::SynthError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Test/Alb/Http/WebGroup: the target group's target type is unknown"));
  }
}

}  // namespace
