// Step scaling of an Auto Scaling group on a math expression: the alarms watch
// the expression through Metrics and the policies leave MetricAggregationType
// out, as aws-cdk-lib 2.278.0 does for a MathExpression.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
namespace cw = cdk::cloudwatch;

TEST(StepScalingMathTest, AGroupScalesOnAnExpressionOfItsMetrics) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = cdk::testing::imported_vpc(stack);
  auto& web = stack.add<cdk::autoscaling::AutoScalingGroup>(
      "Web", {.vpc = vpc, .instance_type = "t3.small",
              .machine_image = cdk::ec2::MachineImage::generic_linux({{"eu-west-1", "ami-0123456789abcdef0"}}),
              .min_capacity = 1, .max_capacity = 4, .root_volume = {.device_name = "/dev/xvda"}});
  const cw::Metric in{.namespace_ = "AWS/EC2", .metric_name = "NetworkIn",
                      .dimensions = {{"AutoScalingGroupName", web.auto_scaling_group_name()}}, .statistic = "Sum"};
  cw::Metric out = in;
  out.metric_name = "NetworkOut";
  web.scale_on_metric("Traffic", {.metric = cw::MathExpression{.expression = "(rx + tx) / 300",
                                                               .using_metrics = {{"rx", in}, {"tx", out}},
                                                               .label = "bytes/s"},
                                  .scaling_steps = {{.upper = 1e5, .change = -1}, {.lower = 1e6, .change = +1}}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::AutoScaling::ScalingPolicy", 2);
  t.all_resources_properties("AWS::AutoScaling::ScalingPolicy",
                             Match::object_like({{"PolicyType", "StepScaling"}, {"MetricAggregationType", Match::absent()}}));
  t.all_resources_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like({{"MetricName", Match::absent()},
                          {"Metrics", Match::array_with({Match::object_equals({{"Expression", "(rx + tx) / 300"},
                                                                               {"Id", "expr_1"},
                                                                               {"Label", "bytes/s"},
                                                                               {"ReturnData", true}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(StepScalingMathTest, AGroupTracksAnExpressionThroughCustomizedMetricSpecificationMetrics) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = cdk::testing::imported_vpc(stack);
  auto& web = stack.add<cdk::autoscaling::AutoScalingGroup>(
      "Web", {.vpc = vpc, .instance_type = "t3.small",
              .machine_image = cdk::ec2::MachineImage::generic_linux({{"eu-west-1", "ami-0123456789abcdef0"}}),
              .min_capacity = 1, .max_capacity = 4, .root_volume = {.device_name = "/dev/xvda"}});
  const cw::Metric sessions{.namespace_ = "Shop", .metric_name = "Sessions", .statistic = "Sum"};
  web.scale_to_track_metric("PerInstance", {.metric = cw::MathExpression{.expression = "sessions / 4",
                                                                         .using_metrics = {{"sessions", sessions}}},
                                            .target_value = 200});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::AutoScaling::ScalingPolicy",
      Match::object_like(
          {{"PolicyType", "TargetTrackingScaling"},
           {"TargetTrackingConfiguration",
            Match::object_like(
                {{"CustomizedMetricSpecification",
                  Match::object_equals(
                      {{"Metrics",
                        Match::array_equals(
                            {Match::object_equals({{"Expression", "sessions / 4"}, {"Id", "expr_1"}, {"ReturnData", true}}),
                             Match::object_equals(
                                 {{"Id", "sessions"},
                                  {"MetricStat",
                                   Match::object_equals({{"Metric", Match::object_equals({{"MetricName", "Sessions"},
                                                                                           {"Namespace", "Shop"}})},
                                                         {"Stat", "Sum"}})},
                                  {"ReturnData", false}})})}})},
                 {"TargetValue", 200}})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
