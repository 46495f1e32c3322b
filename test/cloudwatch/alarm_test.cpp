// cloudwatch::Alarm and Metric.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace cw = cdk::cloudwatch;

class AlarmTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cw::Metric cpu{.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization",
                 .dimensions = {{"AutoScalingGroupName", "web"}}};
};

TEST_F(AlarmTest, RendersTheMetricThresholdAndCdkDefaults) {
  stack.add<cw::Alarm>("HighCpu", {.metric = cpu, .threshold = 80, .evaluation_periods = 3});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_equals({
      {"ComparisonOperator", "GreaterThanOrEqualToThreshold"}, {"EvaluationPeriods", 3}, {"Threshold", 80},
      {"Namespace", "AWS/EC2"}, {"MetricName", "CPUUtilization"},
      {"Dimensions", Match::array_equals({Match::object_equals({{"Name", "AutoScalingGroupName"}, {"Value", "web"}})})},
      {"Statistic", "Average"}, {"Period", 300}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlarmTest, RendersOperatorMissingDataDatapointsActionsAndPercentiles) {
  const std::string topic = "arn:aws:sns:eu-west-1:123456789012:alerts";
  auto& alarm = stack.add<cw::Alarm>("Latency", {
      .metric = {.namespace_ = "AWS/ApplicationELB", .metric_name = "TargetResponseTime", .statistic = "p99",
                 .period_seconds = 60, .unit = "Seconds"},
      .threshold = 0.5, .evaluation_periods = 5, .datapoints_to_alarm = 3,
      .comparison_operator = cw::ComparisonOperator::GreaterThanThreshold,
      .treat_missing_data = cw::TreatMissingData::NotBreaching,
      .alarm_name = "web-latency", .alarm_description = "p99 latency over 500 ms", .alarm_actions = {topic}});
  alarm.add_ok_action(topic);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"AlarmName", "web-latency"}, {"AlarmDescription", "p99 latency over 500 ms"},
      {"ComparisonOperator", "GreaterThanThreshold"}, {"DatapointsToAlarm", 3}, {"Threshold", 0.5},
      {"TreatMissingData", "notBreaching"}, {"ExtendedStatistic", "p99"}, {"Statistic", Match::absent()},
      {"Period", 60}, {"Unit", "Seconds"},
      {"AlarmActions", Match::array_equals({topic})}, {"OKActions", Match::array_equals({topic})}}));
  EXPECT_EQ(alarm.alarm_arn().name(), "Arn");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AlarmTest, MetricWithChangesStatisticAndPeriodOnly) {
  auto max = cpu.with("Maximum", 60);
  EXPECT_EQ(max.statistic, "Maximum");
  EXPECT_EQ(max.period_seconds, 60);
  EXPECT_EQ(max.metric_name, "CPUUtilization");
  EXPECT_EQ(cpu.with("Sum").period_seconds, 300);
}

TEST_F(AlarmTest, RejectsWhatCloudWatchWouldRefuseNamingThePath) {
  auto bad = [&](const char* id, cw::AlarmProps p, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<cw::Alarm>(id, std::move(p)); }, std::string("Stack/") + id, text);
  };
  bad("NoThreshold", {.metric = cpu}, "threshold");
  bad("NoMetric", {.threshold = 1}, "namespace");
  bad("ZeroPeriods", {.metric = cpu, .threshold = 1, .evaluation_periods = 0}, "at least 1");
  bad("TooManyPoints", {.metric = cpu, .threshold = 1, .evaluation_periods = 2, .datapoints_to_alarm = 3}, "datapoints_to_alarm");
  bad("OddPeriod", {.metric = cpu.with("Average", 45), .threshold = 1}, "45");
  bad("BadStat", {.metric = cpu.with("Mean"), .threshold = 1}, "Mean");
  bad("TooLong", {.metric = cpu.with("Average", 86400), .threshold = 1, .evaluation_periods = 8}, "seven days");
  auto& ok = stack.add<cw::Alarm>("Ok", {.metric = cpu, .threshold = 1});
  for (int i = 0; i < 5; ++i) ok.add_alarm_action("arn:aws:sns:eu-west-1:123456789012:t" + std::to_string(i));
  EXPECT_THAT([&] { ok.add_alarm_action("arn:aws:sns:eu-west-1:123456789012:t5"); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("already has 5")));
}

}  // namespace
