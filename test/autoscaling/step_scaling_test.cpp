// Step scaling and custom-metric target tracking of Auto Scaling groups.
// Expected bounds, thresholds and logical ids come from aws-cdk-lib 2.278.0
// (StepScalingPolicy / normalizeIntervals / findAlarmThresholds) run on the
// same step lists and construct paths.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/autoscaling/cfn_auto_scaling_group.hpp>
#include <cdk/autoscaling/cfn_scaling_policy.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/example_ids.hpp"
#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::autoscaling::AdjustmentType;
using cdk::autoscaling::AutoScalingGroup;
using cdk::autoscaling::MetricAggregationType;
using cdk::autoscaling::ScalingInterval;
using cdk::testing::expect_error;

using cdk::testing::kAmi;

// One expected StepAdjustment: bounds relative to the threshold, absent when unbounded.
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

struct StepScalingTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ec2::ImportedVpc& vpc = cdk::testing::imported_vpc(stack);
  AutoScalingGroup& web = stack.add<AutoScalingGroup>(
      "Web", {.vpc = vpc, .instance_type = "t3.small",
              .machine_image = cdk::ec2::MachineImage::generic_linux({{"eu-west-1", kAmi}}),
              .min_capacity = 1, .max_capacity = 4,
              .root_volume = {.device_name = "/dev/xvda"}});

  static cdk::cloudwatch::Metric cpu_of(const AutoScalingGroup& group) {
    return {.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization",
            .dimensions = {{"AutoScalingGroupName", group.auto_scaling_group_name()}}};
  }
  cdk::cloudwatch::Metric cpu() const { return cpu_of(web); }

  // Checks one side of a step policy: its policy's adjustments and its alarm's threshold and action.
  static void expect_side(const Template& t, const cdk::autoscaling::CfnScalingPolicy* policy,
                          cdk::cloudwatch::Alarm* alarm, double threshold, const std::vector<Step>& steps,
                          bool upper) {
    ASSERT_NE(policy, nullptr);
    ASSERT_NE(alarm, nullptr);
    const auto policy_id = t.logical_id(*policy);
    t.has_resource_properties("AWS::AutoScaling::ScalingPolicy",
                              Match::object_like({{"PolicyType", "StepScaling"}, {"StepAdjustments", steps_are(steps)}}));
    EXPECT_EQ(t.find_resources("AWS::AutoScaling::ScalingPolicy", Match::object_like({{"StepAdjustments", steps_are(steps)}})),
              std::vector<std::string>{policy_id});
    const auto alarms = t.find_resources(
        "AWS::CloudWatch::Alarm",
        Match::object_like({{"AlarmActions", Match::array_equals({Match::object_equals({{"Ref", policy_id}})})},
                            {"Threshold", threshold},
                            {"ComparisonOperator", upper ? "GreaterThanOrEqualToThreshold" : "LessThanOrEqualToThreshold"},
                            {"EvaluationPeriods", 1}}));
    EXPECT_EQ(alarms, std::vector<std::string>{t.logical_id(alarm->cfn_alarm())});
  }
};

TEST_F(StepScalingTest, StepsAroundANoChangeBandBecomeALowerAndAnUpperPolicyWithAlarms) {
  auto& policy = web.scale_on_metric("Cpu", {.metric = cpu(),
                                             .scaling_steps = {{.upper = 10, .change = -1},
                                                               {.lower = 50, .change = +1},
                                                               {.lower = 70, .change = +3}},
                                             .estimated_instance_warmup_seconds = 120});
  auto t = Template::from_stack(stack);
  // aws-cdk-lib's logical ids for Test/Web/Cpu/{Lower,Upper}{Policy,Alarm}.
  EXPECT_EQ(t.logical_id(*policy.lower_policy()), "WebCpuLowerPolicyAE0A485C");
  EXPECT_EQ(t.logical_id(policy.lower_alarm()->cfn_alarm()), "WebCpuLowerAlarm2AE383B3");
  EXPECT_EQ(t.logical_id(*policy.upper_policy()), "WebCpuUpperPolicy9326A120");
  EXPECT_EQ(t.logical_id(policy.upper_alarm()->cfn_alarm()), "WebCpuUpperAlarm50C3D8EF");
  t.resource_count_is("AWS::AutoScaling::ScalingPolicy", 2);
  t.resource_count_is("AWS::CloudWatch::Alarm", 2);
  t.all_resources_properties("AWS::AutoScaling::ScalingPolicy",
                             Match::object_like({{"AdjustmentType", "ChangeInCapacity"},
                                                 {"AutoScalingGroupName", Match::object_equals({{"Ref", t.logical_id(web.cfn())}})},
                                                 {"EstimatedInstanceWarmup", 120},
                                                 {"MetricAggregationType", "Average"},
                                                 {"PolicyType", "StepScaling"},
                                                 {"Cooldown", Match::absent()}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            Match::object_like({{"AlarmDescription", "Lower threshold scaling alarm"},
                                                {"MetricName", "CPUUtilization"},
                                                {"Namespace", "AWS/EC2"},
                                                {"Statistic", "Average"},
                                                {"Period", 300}}));
  expect_side(t, policy.lower_policy(), policy.lower_alarm(), 10, {{std::nullopt, 0, -1}}, false);
  expect_side(t, policy.upper_policy(), policy.upper_alarm(), 50, {{0, 20, 1}, {20, std::nullopt, 3}}, true);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StepScalingTest, OnlyUpperStepsMakeOnlyAScaleOutPolicy) {
  auto& policy = web.scale_on_metric("OnlyUp", {.metric = cpu(), .scaling_steps = {{.lower = 50, .change = 1}, {.lower = 80, .change = 3}}});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(policy.lower_policy(), nullptr);
  EXPECT_EQ(policy.lower_alarm(), nullptr);
  EXPECT_EQ(t.logical_id(*policy.upper_policy()), "WebOnlyUpUpperPolicy2F297F0D");
  t.resource_count_is("AWS::AutoScaling::ScalingPolicy", 1);
  t.resource_count_is("AWS::CloudWatch::Alarm", 1);
  expect_side(t, policy.upper_policy(), policy.upper_alarm(), 50, {{0, 30, 1}, {30, std::nullopt, 3}}, true);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StepScalingTest, OnlyLowerStepsMakeOnlyAScaleInPolicy) {
  auto& policy = web.scale_on_metric(
      "OnlyDown", {.metric = cpu(), .scaling_steps = {{.upper = 20, .change = -2}, {.lower = 20, .upper = 40, .change = -1}}});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(policy.upper_policy(), nullptr);
  t.resource_count_is("AWS::AutoScaling::ScalingPolicy", 1);
  t.resource_count_is("AWS::CloudWatch::Alarm", 1);
  expect_side(t, policy.lower_policy(), policy.lower_alarm(), 40, {{-20, 0, -1}, {std::nullopt, -20, -2}}, false);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StepScalingTest, BoundsFollowTheAwsCdkForOtherStepLists) {
  struct Case {
    const char* id;
    std::vector<ScalingInterval> steps;
    AdjustmentType type;
    double lower_threshold;
    std::vector<Step> lower;
    double upper_threshold;
    std::vector<Step> upper;
  };
  const std::vector<Case> cases = {
      // Absolute capacities: 0 is a capacity, not "no change"; without a band the thresholds meet in the middle.
      {"Exact", {{.upper = 10, .change = 1}, {.lower = 10, .upper = 20, .change = 2}, {.lower = 20, .change = 5}},
       AdjustmentType::ExactCapacity, 10, {{std::nullopt, 0, 1}}, 10, {{0, 10, 2}, {10, std::nullopt, 5}}},
      // A relative step of 0 is the no-change band.
      {"ZeroMid", {{.upper = 10, .change = -1}, {.lower = 10, .upper = 50, .change = 0}, {.lower = 50, .change = 1}},
       AdjustmentType::ChangeInCapacity, 10, {{std::nullopt, 0, -1}}, 50, {{0, std::nullopt, 1}}},
      {"NoGap", {{.upper = 10, .change = -1}, {.lower = 10, .change = 1}},
       AdjustmentType::ChangeInCapacity, 10, {{std::nullopt, 0, -1}}, 10, {{0, std::nullopt, 1}}},
      // Given in any order; missing bounds come from the neighbours.
      {"Unsorted", {{.lower = 80, .change = 4}, {.upper = 30, .change = -1}, {.lower = 60, .upper = 80, .change = 2}},
       AdjustmentType::ChangeInCapacity, 30, {{std::nullopt, 0, -1}}, 60, {{0, 20, 2}, {20, std::nullopt, 4}}},
      {"FourNoGap",
       {{.upper = 10, .change = -2}, {.lower = 10, .upper = 20, .change = -1}, {.lower = 20, .upper = 30, .change = 1}, {.lower = 30, .change = 2}},
       AdjustmentType::PercentChangeInCapacity, 20, {{-10, 0, -1}, {std::nullopt, -10, -2}}, 20, {{0, 10, 1}, {10, std::nullopt, 2}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    cdk::App app2;
    auto& s = app2.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
    auto& group = s.add<AutoScalingGroup>(
        "Web", {.vpc = cdk::testing::imported_vpc(s), .instance_type = "t3.small",
                .machine_image = cdk::ec2::MachineImage::generic_linux({{"eu-west-1", kAmi}}),
                .root_volume = {.device_name = "/dev/xvda"}});
    auto& policy = group.scale_on_metric(c.id, {.metric = cpu_of(group), .scaling_steps = c.steps, .adjustment_type = c.type});
    auto t = Template::from_stack(s);
    t.all_resources_properties("AWS::AutoScaling::ScalingPolicy",
                               Match::object_like({{"AdjustmentType", cdk::autoscaling::adjustment_type_name(c.type)}}));
    expect_side(t, policy.lower_policy(), policy.lower_alarm(), c.lower_threshold, c.lower, false);
    expect_side(t, policy.upper_policy(), policy.upper_alarm(), c.upper_threshold, c.upper, true);
  }
}

TEST_F(StepScalingTest, QueueDepthScalingWatchesTheQueuesVisibleMessages) {
  auto& jobs = stack.add<cdk::sqs::Queue>("Jobs");
  auto& policy = web.scale_on_queue_depth("Backlog", jobs, {.evaluation_periods = 3, .datapoints_to_alarm = 2});
  auto t = Template::from_stack(stack);
  t.all_resources_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like({{"MetricName", "ApproximateNumberOfMessagesVisible"},
                          {"Namespace", "AWS/SQS"},
                          {"Statistic", "Maximum"},
                          {"EvaluationPeriods", 3},
                          {"DatapointsToAlarm", 2},
                          {"Dimensions", Match::array_equals({Match::object_like({{"Name", "QueueName"}})})}}));
  // The Maximum statistic makes the policies aggregate by Maximum too.
  t.all_resources_properties("AWS::AutoScaling::ScalingPolicy", Match::object_like({{"MetricAggregationType", "Maximum"}}));
  ASSERT_NE(policy.lower_policy(), nullptr);
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy", Match::object_like({{"StepAdjustments", steps_are({{std::nullopt, 0, -1}})}}));
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy",
                            Match::object_like({{"StepAdjustments", steps_are({{0, 400, 1}, {400, std::nullopt, 5}})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"Threshold", 0}, {"ComparisonOperator", "LessThanOrEqualToThreshold"}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({{"Threshold", 100}, {"ComparisonOperator", "GreaterThanOrEqualToThreshold"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StepScalingTest, PercentStepsTakeAMinimumMagnitudeAndAnExplicitAggregation) {
  web.scale_on_metric("Pct", {.metric = cpu().with("Maximum", 60),
                              .scaling_steps = {{.upper = 20, .change = -10}, {.lower = 80, .change = 50}},
                              .adjustment_type = AdjustmentType::PercentChangeInCapacity,
                              .min_adjustment_magnitude = 2,
                              .metric_aggregation_type = MetricAggregationType::Average});
  auto t = Template::from_stack(stack);
  t.all_resources_properties("AWS::AutoScaling::ScalingPolicy",
                             Match::object_like({{"AdjustmentType", "PercentChangeInCapacity"},
                                                 {"MinAdjustmentMagnitude", 2},
                                                 {"MetricAggregationType", "Average"}}));
  t.all_resources_properties("AWS::CloudWatch::Alarm", Match::object_like({{"Statistic", "Maximum"}, {"Period", 60}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StepScalingTest, TracksACustomMetric) {
  auto& policy = web.scale_to_track_metric(
      "Track", {.metric = cpu(), .target_value = 40, .disable_scale_in = true, .estimated_instance_warmup_seconds = 90});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(policy.cfn()), "WebScalingPolicyTrack6BD4C5DF");  // aws-cdk-lib's
  t.has_resource_properties(
      "AWS::AutoScaling::ScalingPolicy",
      Match::object_equals(
          {{"AutoScalingGroupName", Match::object_equals({{"Ref", t.logical_id(web.cfn())}})},
           {"EstimatedInstanceWarmup", 90},
           {"PolicyType", "TargetTrackingScaling"},
           {"TargetTrackingConfiguration",
            Match::object_equals({{"CustomizedMetricSpecification",
                                   Match::object_equals({{"Dimensions", Match::array_equals({Match::object_equals(
                                                                            {{"Name", "AutoScalingGroupName"},
                                                                             {"Value", Match::object_equals({{"Ref", t.logical_id(web.cfn())}})}})})},
                                                         {"MetricName", "CPUUtilization"},
                                                         {"Namespace", "AWS/EC2"},
                                                         {"Statistic", "Average"}})},
                                  {"DisableScaleIn", true},
                                  {"TargetValue", 40}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StepScalingTest, BadStepsAreOneLineErrorsNamingThePathAndNothingIsMade) {
  using V = std::vector<ScalingInterval>;
  struct Case {
    const char* id;
    V steps;
    AdjustmentType type;
    const char* text;
  };
  const std::vector<Case> cases = {
      {"One", {{.lower = 50, .change = 1}}, AdjustmentType::ChangeInCapacity, "at least 2 steps, got 1"},
      {"NoBounds", {{.upper = 10, .change = -1}, {.change = 1}}, AdjustmentType::ChangeInCapacity, "step 2 has neither a lower nor an upper bound"},
      {"Overlap", {{.lower = 0, .upper = 20, .change = -1}, {.lower = 10, .upper = 30, .change = 1}}, AdjustmentType::ChangeInCapacity,
       "step 1 [0, 20) and step 2 [10, 30) overlap"},
      {"TwoGaps", {{.upper = 10, .change = -1}, {.lower = 20, .upper = 30, .change = 1}, {.lower = 40, .change = 2}},
       AdjustmentType::ChangeInCapacity, "more than one range without a change: the no-change range [10, 20) and the no-change range [30, 40)"},
      {"Unknown", {{.upper = 20, .change = -1}, {.lower = 10, .change = 1}}, AdjustmentType::ChangeInCapacity,
       "cannot tell where step 2 starts and ends"},
      {"Empty", {{.lower = 30, .upper = 30, .change = -1}, {.lower = 50, .change = 1}}, AdjustmentType::ChangeInCapacity,
       "step 1 is empty"},
      {"Negative", {{.upper = -5, .change = -1}, {.lower = 50, .change = 1}}, AdjustmentType::ChangeInCapacity,
       "step 1 has a negative or infinite bound"},
      {"Nothing", {{.upper = 10, .change = 0}, {.lower = 10, .change = 0}}, AdjustmentType::ChangeInCapacity, "the steps change nothing"},
      {"ExactBelowZero", {{.upper = 10, .change = -1}, {.lower = 10, .change = 2}}, AdjustmentType::ExactCapacity,
       "step 1 sets a negative capacity (-1)"},
      {"TooMany", V(41, ScalingInterval{.lower = 1, .change = 1}), AdjustmentType::ChangeInCapacity, "at most 40 steps, got 41"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    expect_error([&] { web.scale_on_metric(c.id, {.metric = cpu(), .scaling_steps = c.steps, .adjustment_type = c.type}); },
                 std::string("Test/Web/") + c.id, c.text);
  }
  const V good = {{.upper = 10, .change = -1}, {.lower = 50, .change = 1}};
  expect_error([&] { web.scale_on_metric("NoMetric", {.scaling_steps = good}); }, "Test/Web/NoMetric", "needs a metric");
  expect_error([&] { web.scale_on_metric("Periods", {.metric = cpu(), .scaling_steps = good, .evaluation_periods = 0}); },
               "Test/Web/Periods", "evaluation_periods must be at least 1");
  expect_error([&] { web.scale_on_metric("Points", {.metric = cpu(), .scaling_steps = good, .evaluation_periods = 2, .datapoints_to_alarm = 3}); },
               "Test/Web/Points", "datapoints_to_alarm 3 is not within 1-2");
  expect_error([&] { web.scale_on_metric("Magnitude", {.metric = cpu(), .scaling_steps = good, .min_adjustment_magnitude = 2}); },
               "Test/Web/Magnitude", "min_adjustment_magnitude applies to AdjustmentType::PercentChangeInCapacity only");
  expect_error([&] { web.scale_on_metric("Period", {.metric = cpu().with("Average", 45), .scaling_steps = good}); },
               "Test/Web/Period", "metric period 45 s");
  expect_error([&] { web.scale_on_metric("Warmup", {.metric = cpu(), .scaling_steps = good, .estimated_instance_warmup_seconds = -1}); },
               "Test/Web/Warmup", "estimated instance warmup is negative");
  auto& jobs = stack.add<cdk::sqs::Queue>("Jobs");
  expect_error([&] { web.scale_on_queue_depth("Both", jobs, {.metric = cpu()}); }, "Test/Web/Both",
               "scale_on_queue_depth watches the queue's visible messages, and a metric was given too");
  expect_error([&] { web.scale_to_track_metric("P99", {.metric = cpu().with("p99"), .target_value = 1}); },
               "Test/Web/ScalingPolicyP99", "target tracking cannot follow statistic \"p99\"");
  expect_error([&] { web.scale_to_track_metric("NoMetric", {.target_value = 1}); }, "Test/Web/ScalingPolicyNoMetric",
               "the tracked metric needs a namespace and a metric name");
  expect_error([&] { web.scale_to_track_metric("Zero", {.metric = cpu()}); }, "Test/Web/ScalingPolicyZero",
               "needs a target value above 0");
  // Nothing was left behind by the failed calls.
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::AutoScaling::ScalingPolicy", 0);
  t.resource_count_is("AWS::CloudWatch::Alarm", 0);
  EXPECT_EQ(web.node().try_find_child("One"), nullptr);
}

}  // namespace
