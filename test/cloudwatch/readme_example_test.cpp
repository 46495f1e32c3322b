// The README's CloudWatch example, as written there: it compiles, synthesizes
// and is cfn-lint clean.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cloudwatch/cloudwatch.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/logs/log_group.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

#include <chrono>

#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;

TEST(CloudWatchReadme, TheExampleAlarmsOnCpuAndOnAnErrorRateAndDrawsThem) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Shop", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("api", {.image = cdk::ecs::ContainerImage::from_registry("busybox")});
  auto& api = stack.add<cdk::ecs::FargateService>("Api", {.cluster = cluster, .task_definition = task});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& logs = stack.add<cdk::logs::LogGroup>("Logs", {});
  // --- as in README.md ("L2 constructs", the CloudWatch example) ---
  namespace cw = cdk::cloudwatch;
  const auto cpu = api.metric_cpu_utilization();   // AWS/ECS CPUUtilization of the service
  auto& high_cpu = stack.add<cw::Alarm>("HighCpu", {.metric = cpu, .threshold = 80});
  const cw::MathExpression error_rate{
      .expression = "100 * errors / requests",
      .using_metrics = {{"errors", alb.metric_http_code_target(cdk::elbv2::HttpCodeTarget::Target5xxCount)},
                        {"requests", alb.metric_request_count()}},
      .label = "5xx (%)", .period_seconds = 60};
  stack.add<cw::Alarm>("Errors", {.metric = error_rate, .threshold = 5, .evaluation_periods = 3});
  auto& ops = stack.add<cw::Dashboard>("Ops", {.dashboard_name = "shop-ops", .default_interval = std::chrono::hours(6)});
  ops.add_widgets(cw::GraphWidget{.title = "API CPU", .left = {cpu, cpu.with("Maximum")}, .width = 12,
                                  .left_y_axis = {.min = 0, .max = 100}},
                  cw::GraphWidget{.title = "Errors", .left = {error_rate}, .width = 12});
  ops.add_widgets(cw::AlarmStatusWidget{.alarms = {high_cpu}, .width = 12},
                  cw::LogQueryWidget{.log_group_names = {logs.log_group_name()},
                                     .query_lines = {"fields @timestamp, @message", "filter @message like /ERROR/"},
                                     .width = 12});
  // ---
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::CloudWatch::Alarm", 2);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"Metrics", Match::any_value()}}));
  t.resource_count_is("AWS::CloudWatch::Dashboard", 1);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
