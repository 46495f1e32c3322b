// ECS task count step scaling on a math expression and the service's metric
// helpers. The alarms' Metrics and the absent MetricAggregationType are what
// aws-cdk-lib 2.278.0 synthesizes for scaleOnMetric with a MathExpression.
#include <cdk/app.hpp>
#include <cdk/applicationautoscaling/cfn_scaling_policy.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "ecs/worker_scaling_fixture.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace cw = cdk::cloudwatch;

struct ScalingMathTest : cdk::testing::WorkerScalingFixture {};

TEST_F(ScalingMathTest, TheServiceMetricsAreAwsCdkLibsCpuAndMemoryOfTheService) {
  const auto cpu = worker.metric_cpu_utilization();
  EXPECT_EQ(cpu.namespace_, "AWS/ECS");
  EXPECT_EQ(cpu.metric_name, "CPUUtilization");
  EXPECT_EQ(cpu.statistic, "Average");
  EXPECT_EQ(cpu.period_seconds, 300);
  ASSERT_EQ(cpu.dimensions.size(), 2U);
  EXPECT_EQ(cpu.dimensions[0].first, "ClusterName");
  EXPECT_EQ(cpu.dimensions[0].second, cluster.cluster_name());
  EXPECT_EQ(cpu.dimensions[1].first, "ServiceName");
  EXPECT_EQ(cpu.dimensions[1].second, worker.service_name());
  EXPECT_EQ(worker.metric_memory_utilization().metric_name, "MemoryUtilization");
  EXPECT_EQ(worker.metric("CPUUtilization", "Maximum").statistic, "Maximum");
}

TEST_F(ScalingMathTest, StepScalingOnAnExpressionAlarmsOnItAndLeavesTheAggregationOut) {
  const cw::MathExpression busiest{.expression = "MAX([cpu, memory])",
                                   .using_metrics = {{"cpu", worker.metric_cpu_utilization()},
                                                     {"memory", worker.metric_memory_utilization()}},
                                   .period_seconds = 60};
  auto& policy = scaling.scale_on_metric("Busy", {.metric = busiest,
                                                  .scaling_steps = {{.upper = 20, .change = -1}, {.lower = 70, .change = +2}}});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(policy.upper_alarm()->cfn_alarm()), "WorkerTaskCountTargetBusyUpperAlarmDD1B7AC1");
  t.all_resources_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                             Match::object_like({{"StepScalingPolicyConfiguration",
                                                  Match::object_like({{"MetricAggregationType", Match::absent()}})}}));
  const auto stat = [&](const char* id, const char* name) {
    return Match::object_equals(
        {{"Id", id},
         {"MetricStat", Match::object_equals({{"Metric", Match::object_like({{"MetricName", name}, {"Namespace", "AWS/ECS"}})},
                                              {"Period", 60},
                                              {"Stat", "Average"}})},
         {"ReturnData", false}});
  };
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like({{"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
                          {"Threshold", 70},
                          {"Namespace", Match::absent()},
                          {"Period", Match::absent()},
                          {"Metrics", Match::array_equals({Match::object_equals({{"Expression", "MAX([cpu, memory])"},
                                                                                 {"Id", "expr_1"},
                                                                                 {"ReturnData", true}}),
                                                           stat("cpu", "CPUUtilization"),
                                                           stat("memory", "MemoryUtilization")})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            Match::object_like({{"ComparisonOperator", "LessThanOrEqualToThreshold"}, {"Threshold", 20}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ScalingMathTest, TargetTrackingFollowsAnExpressionThroughCustomizedMetricSpecificationMetrics) {
  scaling.scale_to_track_custom_metric(
      "PerTask",
      {.metric = cw::MathExpression{.expression = "backlog / 10",
                                    .using_metrics = {{"backlog", jobs.metric_approximate_number_of_messages_visible()}},
                                    .label = "backlog per task"},
       .target_value = 5});
  auto t = Template::from_stack(stack);
  const auto queue_name =
      Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(jobs.cfn_queue()), "QueueName"})}});
  t.has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_like(
          {{"PolicyType", "TargetTrackingScaling"},
           {"TargetTrackingScalingPolicyConfiguration",
            Match::object_like(
                {{"TargetValue", 5},
                 {"CustomizedMetricSpecification",
                  Match::object_equals(
                      {{"Metrics",
                        Match::array_equals(
                            {Match::object_equals({{"Expression", "backlog / 10"},
                                                   {"Id", "expr_1"},
                                                   {"Label", "backlog per task"},
                                                   {"ReturnData", true}}),
                             Match::object_equals(
                                 {{"Id", "backlog"},
                                  {"MetricStat",
                                   Match::object_equals(
                                       {{"Metric", Match::object_equals(
                                                       {{"Dimensions", Match::array_equals({Match::object_equals(
                                                                           {{"Name", "QueueName"}, {"Value", queue_name}})})},
                                                        {"MetricName", "ApproximateNumberOfMessagesVisible"},
                                                        {"Namespace", "AWS/SQS"}})},
                                        {"Stat", "Maximum"}})},
                                  {"ReturnData", false}})})}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ScalingMathTest, SearchInScalingAndQueueDepthWithAMetricAreErrors) {
  expect_error(
      [&] {
        scaling.scale_on_metric("Search", {.metric = cw::SearchExpression{.expression = "SEARCH('{AWS/ECS} CPU', 'Average')"},
                                           .scaling_steps = {{.upper = 20, .change = -1}, {.lower = 70, .change = +1}}});
      },
      "Test/Worker/TaskCount/Target/Search", "CloudWatch alarms take no SEARCH expression");
  expect_error(
      [&] {
        scaling.scale_to_track_custom_metric(
            "Track", {.metric = cw::MathExpression{.expression = "Cpu * 2", .using_metrics = {{"Cpu", worker.metric_cpu_utilization()}}},
                      .target_value = 50});
      },
      "Test/Worker/TaskCount/Target/Track", "the id \"Cpu\" in the expression \"Cpu * 2\" is not a valid CloudWatch id");
  expect_error(
      [&] {
        scaling.scale_on_queue_depth("Depth", jobs,
                                     {.metric = cw::MathExpression{.expression = "TIME_SERIES(1)"}});
      },
      "Test/Worker/TaskCount/Target/Depth", "a metric was given too");
}

}  // namespace
