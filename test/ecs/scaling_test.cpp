// ECS task count scaling on any metric: step scaling (scale_on_metric,
// scale_on_queue_depth) and custom-metric target tracking. Expected logical
// ids, policy names and bounds come from aws-cdk-lib 2.278.0 synthesizing the
// same app (stack Test, service Worker, queue Jobs).
#include <cdk/app.hpp>
#include <cdk/applicationautoscaling/cfn_scalable_target.hpp>
#include <cdk/applicationautoscaling/cfn_scaling_policy.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "ecs/worker_scaling_fixture.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::autoscaling::AdjustmentType;
using cdk::autoscaling::ScalingInterval;
using cdk::testing::expect_error;

struct Step {
  std::optional<double> lower;
  std::optional<double> upper;
  std::int64_t change;
};

Match steps_are(const std::vector<Step>& steps) {
  std::vector<Match> items;
  for (const auto& s : steps) {
    std::vector<Match::Field> fields;
    if (s.lower) fields.emplace_back("MetricIntervalLowerBound", *s.lower);
    if (s.upper) fields.emplace_back("MetricIntervalUpperBound", *s.upper);
    fields.emplace_back("ScalingAdjustment", s.change);
    items.push_back(Match::object_equals(std::move(fields)));
  }
  return Match::array_equals(std::move(items));
}

struct TaskScalingTest : cdk::testing::WorkerScalingFixture {};

TEST_F(TaskScalingTest, QueueDepthStepsMakeTheAwsCdksPoliciesAndAlarms) {
  auto& policy = scaling.scale_on_metric("QueueDepth", {.metric = jobs.metric_approximate_number_of_messages_visible(),
                                                        .scaling_steps = {{.upper = 0, .change = -1},
                                                                          {.lower = 100, .change = +1},
                                                                          {.lower = 500, .change = +5}},
                                                        .cooldown_seconds = 60});
  auto t = Template::from_stack(stack);
  const auto target = t.logical_id(scaling.cfn_target());
  EXPECT_EQ(target, "WorkerTaskCountTarget0A0DE0B5");
  EXPECT_EQ(t.logical_id(*policy.lower_policy()), "WorkerTaskCountTargetQueueDepthLowerPolicyE3866CD8");
  EXPECT_EQ(t.logical_id(policy.lower_alarm()->cfn_alarm()), "WorkerTaskCountTargetQueueDepthLowerAlarmBD480E13");
  EXPECT_EQ(t.logical_id(*policy.upper_policy()), "WorkerTaskCountTargetQueueDepthUpperPolicyE57FA0F1");
  EXPECT_EQ(t.logical_id(policy.upper_alarm()->cfn_alarm()), "WorkerTaskCountTargetQueueDepthUpperAlarm5C99048C");
  t.resource_count_is("AWS::ApplicationAutoScaling::ScalingPolicy", 2);
  t.resource_count_is("AWS::CloudWatch::Alarm", 2);
  t.has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_equals({{"PolicyName", "TestWorkerTaskCountTargetQueueDepthLowerPolicyC193E9C5"},
                            {"PolicyType", "StepScaling"},
                            {"ScalingTargetId", Match::object_equals({{"Ref", target}})},
                            {"StepScalingPolicyConfiguration",
                             Match::object_equals({{"AdjustmentType", "ChangeInCapacity"},
                                                   {"Cooldown", 60},
                                                   {"MetricAggregationType", "Maximum"},
                                                   {"StepAdjustments", steps_are({{std::nullopt, 0, -1}})}})}}));
  t.has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_like({{"PolicyName", "TestWorkerTaskCountTargetQueueDepthUpperPolicy568D847C"},
                          {"StepScalingPolicyConfiguration",
                           Match::object_like({{"StepAdjustments", steps_are({{0, 400, 1}, {400, std::nullopt, 5}})}})}}));
  const auto queue_name = Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(jobs.cfn_queue()), "QueueName"})}});
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_equals({{"AlarmActions", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(*policy.lower_policy())}})})},
                            {"AlarmDescription", "Lower threshold scaling alarm"},
                            {"ComparisonOperator", "LessThanOrEqualToThreshold"},
                            {"Dimensions", Match::array_equals({Match::object_equals({{"Name", "QueueName"}, {"Value", queue_name}})})},
                            {"EvaluationPeriods", 1},
                            {"MetricName", "ApproximateNumberOfMessagesVisible"},
                            {"Namespace", "AWS/SQS"},
                            {"Period", 300},
                            {"Statistic", "Maximum"},
                            {"Threshold", 0}}));
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like({{"AlarmActions", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(*policy.upper_policy())}})})},
                          {"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
                          {"Threshold", 100}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskScalingTest, ScaleOnQueueDepthDefaultsToTheQueueProcessingServiceSteps) {
  scaling.scale_on_queue_depth("Backlog", jobs);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ApplicationAutoScaling::ScalingPolicy", 2);
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                            Match::object_like({{"StepScalingPolicyConfiguration",
                                                 Match::object_like({{"Cooldown", Match::absent()},
                                                                     {"StepAdjustments", steps_are({{0, 400, 1}, {400, std::nullopt, 5}})}})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"MetricName", "ApproximateNumberOfMessagesVisible"}, {"Threshold", 100}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"MetricName", "ApproximateNumberOfMessagesVisible"}, {"Threshold", 0}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskScalingTest, OneSidedStepListsMakeOneSide) {
  auto& up = scaling.scale_on_metric("Up", {.metric = jobs.metric_approximate_age_of_oldest_message(),
                                            .scaling_steps = {{.lower = 300, .change = 2}, {.lower = 900, .change = 4}},
                                            .adjustment_type = AdjustmentType::ChangeInCapacity});
  auto& down = scaling.scale_on_metric("Down", {.metric = jobs.metric_approximate_number_of_messages_visible(),
                                                .scaling_steps = {{.upper = 5, .change = 1}, {.lower = 5, .upper = 50, .change = 2}},
                                                .adjustment_type = AdjustmentType::ExactCapacity});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(up.lower_policy(), nullptr);
  ASSERT_NE(up.upper_policy(), nullptr);
  EXPECT_EQ(down.upper_policy(), nullptr);
  ASSERT_NE(down.lower_policy(), nullptr);
  t.resource_count_is("AWS::ApplicationAutoScaling::ScalingPolicy", 2);
  t.resource_count_is("AWS::CloudWatch::Alarm", 2);
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                            Match::object_like({{"StepScalingPolicyConfiguration",
                                                 Match::object_like({{"AdjustmentType", "ChangeInCapacity"},
                                                                     {"StepAdjustments", steps_are({{0, 600, 2}, {600, std::nullopt, 4}})}})}}));
  // Absolute steps below an uncovered top: the scale-in side ends at the top of the steps (50).
  t.has_resource_properties("AWS::ApplicationAutoScaling::ScalingPolicy",
                            Match::object_like({{"StepScalingPolicyConfiguration",
                                                 Match::object_like({{"AdjustmentType", "ExactCapacity"},
                                                                     {"StepAdjustments", steps_are({{-45, 0, 2}, {std::nullopt, -45, 1}})}})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"MetricName", "ApproximateAgeOfOldestMessage"},
                                                                          {"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
                                                                          {"Threshold", 300}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"MetricName", "ApproximateNumberOfMessagesVisible"},
                                                                          {"ComparisonOperator", "LessThanOrEqualToThreshold"},
                                                                          {"Threshold", 50}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskScalingTest, PredefinedMetricPoliciesSitUnderTheScalableTargetAsInTheAwsCdk) {
  scaling.scale_on_cpu_utilization("Cpu", {.target_percent = 60});
  scaling.scale_on_memory_utilization("Memory", {.target_percent = 70});
  auto t = Template::from_stack(stack);
  auto ids = t.find_resources("AWS::ApplicationAutoScaling::ScalingPolicy");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_THAT(ids, ::testing::UnorderedElementsAre(::testing::StartsWith("WorkerTaskCountTargetCpu"),
                                                   ::testing::StartsWith("WorkerTaskCountTargetMemory")));
  EXPECT_NE(stack.node().try_find("Worker/TaskCount/Target/Cpu/Resource"), nullptr);
}

TEST_F(TaskScalingTest, TracksACustomMetric) {
  scaling.scale_to_track_custom_metric(
      "Custom", {.metric = {.namespace_ = "App", .metric_name = "Backlog", .dimensions = {{"Queue", "x"}}, .statistic = "Sum", .unit = "Count"},
                 .target_value = 50, .disable_scale_in = true, .scale_in_cooldown_seconds = 120, .scale_out_cooldown_seconds = 30});
  auto t = Template::from_stack(stack);
  const auto ids = t.find_resources("AWS::ApplicationAutoScaling::ScalingPolicy");
  EXPECT_EQ(ids, std::vector<std::string>{"WorkerTaskCountTargetCustomDCBF5E53"});  // aws-cdk-lib's
  t.has_resource_properties(
      "AWS::ApplicationAutoScaling::ScalingPolicy",
      Match::object_equals(
          {{"PolicyName", "TestWorkerTaskCountTargetCustom0B6E8126"},
           {"PolicyType", "TargetTrackingScaling"},
           {"ScalingTargetId", Match::object_equals({{"Ref", t.logical_id(scaling.cfn_target())}})},
           {"TargetTrackingScalingPolicyConfiguration",
            Match::object_equals({{"CustomizedMetricSpecification",
                                   Match::object_equals({{"Dimensions", Match::array_equals({Match::object_equals({{"Name", "Queue"}, {"Value", "x"}})})},
                                                         {"MetricName", "Backlog"},
                                                         {"Namespace", "App"},
                                                         {"Statistic", "Sum"},
                                                         {"Unit", "Count"}})},
                                  {"DisableScaleIn", true},
                                  {"ScaleInCooldown", 120},
                                  {"ScaleOutCooldown", 30},
                                  {"TargetValue", 50}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TaskScalingTest, BadInputIsAnErrorNamingThePathBeforeAnythingIsMade) {
  const std::string target = "Test/Worker/TaskCount/Target/";
  const auto depth = jobs.metric_approximate_number_of_messages_visible();
  const std::vector<ScalingInterval> good = {{.upper = 0, .change = -1}, {.lower = 100, .change = 1}};
  expect_error([&] { scaling.scale_on_metric("One", {.metric = depth, .scaling_steps = {{.lower = 10, .change = 1}}}); },
               target + "One", "step scaling needs at least 2 steps, got 1");
  expect_error([&] {
    scaling.scale_on_metric("Gaps", {.metric = depth, .scaling_steps = {{.upper = 10, .change = -1}, {.lower = 20, .upper = 30, .change = 1}, {.lower = 40, .change = 2}}});
  }, target + "Gaps", "more than one range without a change");
  expect_error([&] { scaling.scale_on_metric("Cool", {.metric = depth, .scaling_steps = good, .cooldown_seconds = -1}); },
               target + "Cool", "cooldown_seconds is negative");
  expect_error([&] { scaling.scale_on_metric("NoMetric", {.scaling_steps = good}); }, target + "NoMetric", "step scaling needs a metric");
  expect_error([&] { scaling.scale_on_metric("Stat", {.metric = depth.with("median"), .scaling_steps = good}); }, target + "Stat",
               "statistic \"median\" is not one CloudWatch knows");
  expect_error([&] { scaling.scale_on_queue_depth("Both", jobs, {.metric = depth}); }, target + "Both",
               "a metric was given too");
  expect_error([&] { scaling.scale_to_track_custom_metric("P90", {.metric = depth.with("p90"), .target_value = 5}); }, target + "P90",
               "target tracking cannot follow statistic \"p90\"");
  expect_error([&] { scaling.scale_to_track_custom_metric("Zero", {.metric = depth}); }, target + "Zero",
               "the scaling target must be positive");
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ApplicationAutoScaling::ScalingPolicy", 0);
  t.resource_count_is("AWS::CloudWatch::Alarm", 0);
}

}  // namespace
