#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/route53/a_record.hpp>
#include <cdk/route53/hosted_zone.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::elbv2::HealthCheck;
using cdk::elbv2::ListenerAction;
using cdk::elbv2::ListenerCondition;
using cdk::elbv2::Protocol;
using cdk::elbv2::Target;
using cdk::elbv2::TargetGroup;
using cdk::testing::error_of;
using ::testing::HasSubstr;

struct TargetGroupTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ec2::ImportedVpc& vpc = cdk::testing::imported_vpc(stack);
  /// Synthesis errors of the stack, one per line.
  std::string synth_errors() {
    try {
      Template::from_stack(stack);
    } catch (const cdk::SynthError& e) {
      return e.what();
    }
    return "(no error)";
  }
};

TEST_F(TargetGroupTest, StandaloneGroupServesAListenerWithDeregistrationDelayAndHttpHealthCheck) {
  auto& tg = stack.add<TargetGroup>("Tg", {.protocol = Protocol::Tcp, .port = 8080, .vpc = vpc,
                                           .target_type = cdk::elbv2::TargetType::Ip,
                                           .health_check = {.protocol = Protocol::Http, .path = "/ping", .port = "8081",
                                                            .healthy_threshold_count = 3, .unhealthy_threshold_count = 3},
                                           .deregistration_delay_seconds = 30});
  tg.add_target(Target::ip("192.168.1.5", 8080, "all"));
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 80, .default_target_groups = {tg}});
  EXPECT_EQ(tg.load_balancer(), &nlb);
  EXPECT_EQ(tg.attached_by().size(), 1U);
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::TargetGroup",
      Match::object_like({{"TargetType", "ip"},
                          {"HealthCheckProtocol", "HTTP"},
                          {"HealthCheckPath", "/ping"},
                          {"HealthCheckPort", "8081"},
                          {"HealthyThresholdCount", 3},
                          {"UnhealthyThresholdCount", 3},
                          {"TargetGroupAttributes", Match::array_equals({Match::object_equals(
                                                        {{"Key", "deregistration_delay.timeout_seconds"}, {"Value", "30"}})})},
                          {"Targets", Match::array_equals({Match::object_equals(
                                          {{"Id", "192.168.1.5"}, {"Port", 8080}, {"AvailabilityZone", "all"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TargetGroupTest, LoadBalancerIsAnAliasRecordTarget) {
  auto& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  nlb.add_listener("Tcp", {.port = 80}).add_targets("Web", {.targets = {Target::ip("10.0.3.4")}});
  stack.add<cdk::route53::ARecord>("Analytics", {.zone = zone, .record_name = "analytics",
                                                 .target = cdk::route53::RecordTarget::alias(nlb)});
  Template::from_stack(stack).has_resource_properties(
      "AWS::Route53::RecordSet",
      Match::object_like({{"AliasTarget", Match::object_like({{"DNSName", Match::any_value()},
                                                              {"HostedZoneId", Match::object_like({{"Fn::GetAtt", Match::array_equals(
                                                                  {Match::any_value(), "CanonicalHostedZoneID"})}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TargetGroupTest, RefusesMissingOrBadSettings) {
  EXPECT_THAT(error_of([&] { stack.add<TargetGroup>("A", {.vpc = vpc}); }), HasSubstr("Test/A: a target group needs a port"));
  EXPECT_THAT(error_of([&] { stack.add<TargetGroup>("B", {.port = 80}); }), HasSubstr("Test/B: a target group needs the VPC"));
  EXPECT_THAT(error_of([&] { stack.add<TargetGroup>("C", {.port = 70000, .vpc = vpc}); }), HasSubstr("Test/C: target group port 70000"));
  EXPECT_THAT(error_of([&] { stack.add<TargetGroup>("D", {.port = 80, .vpc = vpc, .deregistration_delay_seconds = 4000}); }),
              HasSubstr("Test/D: deregistration delay 4000s is out of range"));
  EXPECT_THAT(error_of([&] { stack.add<TargetGroup>("E", {.port = 80, .vpc = vpc, .target_group_name = "web_tg"}); }),
              HasSubstr("Test/E: target group name 'web_tg' contains '_'"));
  EXPECT_THAT(error_of([&] { stack.add<TargetGroup>("F", {.port = 80, .vpc = vpc, .targets = {Target::ip("10.0.0.1", 0)}}); }),
              HasSubstr("Test/F: target port 0 is out of range"));
}

TEST_F(TargetGroupTest, ReportsHealthCheckProblemsAtSynthesis) {
  stack.add<TargetGroup>("Tcp", {.protocol = Protocol::Tcp, .port = 80, .vpc = vpc,
                                 .health_check = {.path = "/x", .healthy_http_codes = "200"}, .targets = {Target::ip("10.0.0.1")}});
  stack.add<TargetGroup>("Udp", {.protocol = Protocol::Udp, .port = 53, .vpc = vpc,
                                 .health_check = {.protocol = Protocol::Udp}, .targets = {Target::ip("10.0.0.1")}});
  stack.add<TargetGroup>("Ranges", {.port = 80, .vpc = vpc,
                                    .health_check = {.path = "health", .port = "http", .interval_seconds = 400,
                                                     .timeout_seconds = 1, .healthy_threshold_count = 11,
                                                     .unhealthy_threshold_count = 1},
                                    .targets = {Target::ip("10.0.0.1")}});
  const std::string errors = synth_errors();
  EXPECT_THAT(errors, HasSubstr("Test/Tcp: a health check path needs an HTTP or HTTPS health check"));
  EXPECT_THAT(errors, HasSubstr("Test/Tcp: healthy HTTP codes need an HTTP or HTTPS health check"));
  EXPECT_THAT(errors, HasSubstr("Test/Udp: health check protocol UDP is not supported by a Network Load Balancer target group"));
  EXPECT_THAT(errors, HasSubstr("Test/Ranges: health check path 'health' must start with '/'"));
  EXPECT_THAT(errors, HasSubstr("Test/Ranges: health check port 'http' must be 1-65535"));
  EXPECT_THAT(errors, HasSubstr("Test/Ranges: health check interval is 400; it must be 5-300"));
  EXPECT_THAT(errors, HasSubstr("Test/Ranges: health check timeout is 1; it must be 2-120"));
  EXPECT_THAT(errors, HasSubstr("Test/Ranges: healthy threshold count is 11"));
  EXPECT_THAT(errors, HasSubstr("Test/Ranges: unhealthy threshold count is 1"));
}

TEST_F(TargetGroupTest, RefusesBadActionsAndConditions) {
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& l = alb.add_listener("Http", {.default_action = ListenerAction::fixed_response(404)});
  auto rule = [&](const char* id, int priority, std::vector<ListenerCondition> conditions, std::optional<ListenerAction> action) {
    return error_of([&] { l.add_action(id, {.priority = priority, .conditions = std::move(conditions), .action = std::move(action)}); });
  };
  const auto path = ListenerCondition::path_patterns({"/p"});
  EXPECT_THAT(rule("A", 1, {path}, ListenerAction::forward({})), HasSubstr("Test/Alb/Http/ARule: a forward action needs at least one target group"));
  EXPECT_THAT(rule("B", 2, {path}, ListenerAction::redirect({.path = "x"})), HasSubstr("Test/Alb/Http/BRule: redirect path 'x' must start with '/'"));
  EXPECT_THAT(rule("C", 3, {path}, ListenerAction::redirect({.protocol = "FTP"})), HasSubstr("redirect protocol 'FTP' must be HTTP or HTTPS"));
  EXPECT_THAT(rule("D", 4, {path}, ListenerAction::fixed_response(200, "text/plain", std::string(1025, 'x'))),
              HasSubstr("a fixed response body can be at most 1024 characters"));
  EXPECT_THAT(rule("E", 5, {ListenerCondition::host_headers({})}, ListenerAction::fixed_response(200)),
              HasSubstr("Test/Alb/Http/ERule: a host-header condition needs at least one value"));
  EXPECT_THAT(rule("F", 6, {path, path, path, path, path, path}, ListenerAction::fixed_response(200)),
              HasSubstr("Test/Alb/Http/FRule: a listener rule can have at most 5 conditions"));
  EXPECT_THAT(rule("G", 7, {path}, std::nullopt), HasSubstr("Test/Alb/Http: add_action('G') needs an action"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::elbv2::ApplicationListenerRule>("R", {.priority = 1, .conditions = {path},
                                                                                  .action = ListenerAction::fixed_response(200)}); }),
              HasSubstr("Test/R: a listener rule needs a listener"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::elbv2::ApplicationListenerRule>("S", {.listener = l, .priority = 9,
                                                                                  .action = ListenerAction::fixed_response(200)}); }),
              HasSubstr("Test/S: a listener rule needs at least one condition"));
  EXPECT_THAT(error_of([&] { l.add_action("H", {.action = ListenerAction::fixed_response(200)}); }),
              HasSubstr("Test/Alb/Http: the listener has a default action already"));
  // What is left is valid: a fixed 404 by default, and the rules above that failed left nothing behind.
  Template::from_stack(stack).resource_count_is("AWS::ElasticLoadBalancingV2::ListenerRule", 0);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TargetGroupTest, RefusesBadListenerSetups) {
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& tg = stack.add<TargetGroup>("Tg", {.port = 80, .vpc = vpc, .targets = {Target::ip("10.0.0.1")}});
  EXPECT_THAT(error_of([&] {
                alb.add_listener("A", {.default_target_groups = {tg}, .default_action = ListenerAction::fixed_response(200)});
              }),
              HasSubstr("Test/Alb/A: both default_action and default_target_groups were given"));
  EXPECT_THAT(error_of([&] { alb.add_redirect({.target_protocol = Protocol::Tcp}); }),
              HasSubstr("Test/Alb/Redirect80To443: a redirect goes to HTTP or HTTPS"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::elbv2::ApplicationListener>("L", {.port = 80}); }),
              HasSubstr("Test/L: a listener needs a load balancer"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::elbv2::NetworkListener>("N", {.port = 80}); }),
              HasSubstr("Test/N: a listener needs a load balancer"));
  EXPECT_THAT(error_of([&] { stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc, .security_groups = {nullptr}}); }),
              HasSubstr("Test/Nlb: a null security group was given"));
  auto& nlb_tg = stack.add<TargetGroup>("NlbTg", {.protocol = Protocol::Tcp, .port = 80, .vpc = vpc, .targets = {Target::ip("10.0.0.1")}});
  EXPECT_THAT(error_of([&] { alb.add_listener("B", {.default_target_groups = {nlb_tg}}); }),
              HasSubstr("Test/NlbTg: a TCP/TLS/UDP target group cannot serve an Application Load Balancer"));
}

}  // namespace
