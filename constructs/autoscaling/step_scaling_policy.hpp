#pragma once
/// Step scaling of an AutoScalingGroup on any CloudWatch metric, made with
/// `asg.scale_on_metric(...)` (the AWS CDK's StepScalingPolicy):
///
///   web.scale_on_metric("Cpu", {
///       .metric = {.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization",
///                  .dimensions = {{"AutoScalingGroupName", web.auto_scaling_group_name()}}},
///       .scaling_steps = {{.upper = 10, .change = -1}, {.lower = 50, .change = +1}, {.lower = 70, .change = +3}}});
///
/// makes, at the AWS CDK's construct ids, `<group>/<id>/LowerPolicy` (an
/// AWS::AutoScaling::ScalingPolicy of type StepScaling) with `<id>/LowerAlarm`
/// (metric <= 10), and `<id>/UpperPolicy` with `<id>/UpperAlarm` (metric >= 50,
/// steps [0, 20) +1 and [20, ...) +3 relative to it). A side without steps is
/// left out. See scaling_interval.hpp for how steps become the two sides.
/// On a cloudwatch::MathExpression the alarms watch the expression and the
/// policies leave MetricAggregationType out, as in the AWS CDK.
#include <cdk/autoscaling/scaling_interval.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/construct.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <vector>

namespace cdk::cloudwatch {
class Alarm;
}

namespace cdk::autoscaling {

class CfnScalingPolicy;

/// What `AutoScalingGroup::scale_on_metric` takes. No cooldown: CloudFormation
/// takes one for simple scaling only (the AWS CDK ignores it here with a warning);
/// the instance warmup plays its part.
struct StepScalingProps {
  cloudwatch::Metric metric{};                         ///< the metric or MathExpression the alarms watch; required
  List<ScalingInterval> scaling_steps{};               ///< 2-40 steps around one no-change band; required
  AdjustmentType adjustment_type = AdjustmentType::ChangeInCapacity;  ///< default ChangeInCapacity
  Optional<std::int64_t> min_adjustment_magnitude{};       ///< PercentChangeInCapacity only: at least this many instances; default not set
  std::int64_t evaluation_periods = 1;                 ///< alarm periods compared with the threshold; default 1
  std::int64_t datapoints_to_alarm = 0;                ///< breaching periods (of evaluation_periods) that alarm; default all of them
  Optional<MetricAggregationType> metric_aggregation_type{};       ///< default from the statistic: Minimum, Maximum, else Average
  Optional<std::int64_t> estimated_instance_warmup_seconds{};       ///< before a new instance's metrics count; default the group's
};

/// Two AWS::AutoScaling::ScalingPolicy resources of type StepScaling and the
/// alarms that run them (either side may be missing, not both).
class StepScalingPolicy : public Construct {
 public:
  struct Props {
    Value auto_scaling_group_name{};  ///< required
    StepScalingProps policy{};        ///< required
  };
  StepScalingPolicy(Construct& scope, std::string_view id, const Props& props);

  /// The scale-in side (`LowerPolicy`, `LowerAlarm`), or nullptr without steps below the no-change band.
  [[nodiscard]] CfnScalingPolicy* lower_policy() const noexcept { return lower_policy_; }
  [[nodiscard]] cloudwatch::Alarm* lower_alarm() const noexcept { return lower_alarm_; }
  /// The scale-out side (`UpperPolicy`, `UpperAlarm`), or nullptr without steps above it.
  [[nodiscard]] CfnScalingPolicy* upper_policy() const noexcept { return upper_policy_; }
  [[nodiscard]] cloudwatch::Alarm* upper_alarm() const noexcept { return upper_alarm_; }

 private:
  CfnScalingPolicy* lower_policy_ = nullptr;
  cloudwatch::Alarm* lower_alarm_ = nullptr;
  CfnScalingPolicy* upper_policy_ = nullptr;
  cloudwatch::Alarm* upper_alarm_ = nullptr;
};

}  // namespace cdk::autoscaling
