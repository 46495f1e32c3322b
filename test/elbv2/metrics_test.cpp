// The CloudWatch metrics of load balancers and target groups. Names, statistics
// and periods are aws-cdk-lib 2.278.0's (ApplicationLoadBalancer,
// NetworkLoadBalancer and target group metric methods).
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/elbv2/cfn_load_balancer.hpp>
#include <cdk/elbv2/cfn_target_group.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::elbv2::HttpCodeElb;
using cdk::elbv2::HttpCodeTarget;
using cdk::elbv2::Target;
using cdk::testing::expect_error;
namespace cw = cdk::cloudwatch;

struct Expected {
  std::string name;
  std::string statistic;
};

void expect_metrics(const std::vector<std::pair<cw::Metric, Expected>>& cases, const char* namespace_) {
  for (const auto& [metric, expected] : cases) {
    SCOPED_TRACE(expected.name);
    EXPECT_EQ(metric.namespace_, namespace_);
    EXPECT_EQ(metric.metric_name, expected.name);
    EXPECT_EQ(metric.statistic, expected.statistic);
    EXPECT_EQ(metric.period_seconds, 300);
  }
}

Match get_att(const std::string& logical_id, const char* attribute) {
  return Match::object_equals({{"Fn::GetAtt", Match::array_equals({logical_id, attribute})}});
}

struct LoadBalancerMetricsTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ec2::ImportedVpc& vpc = cdk::testing::imported_vpc(stack);
};

TEST_F(LoadBalancerMetricsTest, ApplicationLoadBalancerMetricsAreAwsCdkLibsOnItsFullName) {
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  expect_metrics({{alb.metric_http_code_elb(HttpCodeElb::Elb5xxCount), {"HTTPCode_ELB_5XX_Count", "Sum"}},
                  {alb.metric_http_code_elb(HttpCodeElb::Elb4xxCount), {"HTTPCode_ELB_4XX_Count", "Sum"}},
                  {alb.metric_http_code_target(HttpCodeTarget::Target5xxCount), {"HTTPCode_Target_5XX_Count", "Sum"}},
                  {alb.metric_http_code_target(HttpCodeTarget::Target2xxCount), {"HTTPCode_Target_2XX_Count", "Sum"}},
                  {alb.metric_target_response_time(), {"TargetResponseTime", "Average"}},
                  {alb.metric_request_count(), {"RequestCount", "Sum"}},
                  {alb.metric_active_connection_count(), {"ActiveConnectionCount", "Sum"}},
                  {alb.metric_new_connection_count(), {"NewConnectionCount", "Sum"}},
                  {alb.metric_rejected_connection_count(), {"RejectedConnectionCount", "Sum"}},
                  {alb.metric_target_connection_error_count(), {"TargetConnectionErrorCount", "Sum"}},
                  {alb.metric_client_tls_negotiation_error_count(), {"ClientTLSNegotiationErrorCount", "Sum"}},
                  {alb.metric_target_tls_negotiation_error_count(), {"TargetTLSNegotiationErrorCount", "Sum"}},
                  {alb.metric_processed_bytes(), {"ProcessedBytes", "Sum"}},
                  {alb.metric_consumed_lcus(), {"ConsumedLCUs", "Sum"}},
                  {alb.metric_http_redirect_count(), {"HTTP_Redirect_Count", "Sum"}},
                  {alb.metric_http_fixed_response_count(), {"HTTP_Fixed_Response_Count", "Sum"}},
                  {alb.metric("RuleEvaluations"), {"RuleEvaluations", "Sum"}}},
                 "AWS/ApplicationELB");
  stack.add<cw::Alarm>("Errors", {.metric = alb.metric_http_code_elb(HttpCodeElb::Elb5xxCount), .threshold = 1});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like({{"Namespace", "AWS/ApplicationELB"},
                          {"MetricName", "HTTPCode_ELB_5XX_Count"},
                          {"Dimensions", Match::array_equals({Match::object_equals(
                                             {{"Name", "LoadBalancer"},
                                              {"Value", get_att(t.logical_id(alb.cfn()), "LoadBalancerFullName")}})})},
                          {"Statistic", "Sum"},
                          {"Period", 300}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LoadBalancerMetricsTest, NetworkLoadBalancerMetricsAreAwsCdkLibs) {
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  expect_metrics({{nlb.metric_active_flow_count(), {"ActiveFlowCount", "Average"}},
                  {nlb.metric_new_flow_count(), {"NewFlowCount", "Sum"}},
                  {nlb.metric_processed_bytes(), {"ProcessedBytes", "Sum"}},
                  {nlb.metric_consumed_lcus(), {"ConsumedLCUs", "Sum"}},
                  {nlb.metric_tcp_client_reset_count(), {"TCP_Client_Reset_Count", "Sum"}},
                  {nlb.metric_tcp_elb_reset_count(), {"TCP_ELB_Reset_Count", "Sum"}},
                  {nlb.metric_tcp_target_reset_count(), {"TCP_Target_Reset_Count", "Sum"}}},
                 "AWS/NetworkELB");
  EXPECT_EQ(nlb.metric_new_flow_count().dimensions.at(0).second, nlb.load_balancer_full_name());
}

TEST_F(LoadBalancerMetricsTest, TargetGroupMetricsNameTheLoadBalancerAndTheGroup) {
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& tg = alb.add_listener("Http", {.port = 80})
                 .add_targets("Web", {.port = 80, .targets = {Target::instance_id("i-0123456789abcdef0")}});
  expect_metrics({{tg.metric_healthy_host_count(), {"HealthyHostCount", "Average"}},
                  {tg.metric_unhealthy_host_count(), {"UnHealthyHostCount", "Average"}},
                  {tg.metric_http_code_target(HttpCodeTarget::Target4xxCount), {"HTTPCode_Target_4XX_Count", "Sum"}},
                  {tg.metric_request_count(), {"RequestCount", "Sum"}},
                  {tg.metric_request_count_per_target(), {"RequestCountPerTarget", "Sum"}},
                  {tg.metric_target_response_time(), {"TargetResponseTime", "Average"}},
                  {tg.metric_target_connection_error_count(), {"TargetConnectionErrorCount", "Sum"}},
                  {tg.metric_target_tls_negotiation_error_count(), {"TargetTLSNegotiationErrorCount", "Sum"}}},
                 "AWS/ApplicationELB");
  stack.add<cw::Alarm>("Unhealthy", {.metric = tg.metric_unhealthy_host_count(), .threshold = 1});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like(
          {{"MetricName", "UnHealthyHostCount"},
           {"Dimensions",
            Match::array_equals(
                {Match::object_equals({{"Name", "LoadBalancer"},
                                       {"Value", get_att(t.logical_id(alb.cfn()), "LoadBalancerFullName")}}),
                 Match::object_equals({{"Name", "TargetGroup"},
                                       {"Value", get_att(t.logical_id(tg.cfn()), "TargetGroupFullName")}})})},
           {"Statistic", "Average"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LoadBalancerMetricsTest, ANetworkGroupHasHostCountsOnlyAndAGroupNeedsALoadBalancer) {
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Nlb", {.vpc = vpc});
  auto& tg = nlb.add_listener("Tcp", {.port = 5432}).add_targets("Db", {.targets = {Target::ip("10.0.5.10")}});
  const auto healthy = tg.metric_healthy_host_count();
  EXPECT_EQ(healthy.namespace_, "AWS/NetworkELB");
  ASSERT_EQ(healthy.dimensions.size(), 2U);
  EXPECT_EQ(healthy.dimensions[0].second, nlb.load_balancer_full_name());
  EXPECT_EQ(healthy.dimensions[1].second, tg.target_group_full_name());
  expect_error([&] { (void)tg.metric_target_response_time(); }, "Test/Nlb/Tcp/DbGroup",
               "metric_target_response_time is a metric of HTTP/HTTPS target groups, and this one is TCP");
  auto& alone = stack.add<cdk::elbv2::TargetGroup>("Alone", {.port = 80, .vpc = vpc, .targets = {Target::ip("10.0.5.11")}});
  expect_error([&] { (void)alone.metric_unhealthy_host_count(); }, "Test/Alone",
               "the target group's metric UnHealthyHostCount needs a load balancer, and none forwards here yet");
}

}  // namespace
