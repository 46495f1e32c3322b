#pragma once
/// Step scaling of an Application Auto Scaling target (an ECS service's task
/// count, say) on any CloudWatch metric: the AWS CDK's
/// aws_applicationautoscaling.StepScalingPolicy. Made by
/// `ecs::ScalableTaskCount::scale_on_metric` and `scale_on_queue_depth`:
///
///   auto& scaling = worker.auto_scale_task_count({.min_capacity = 1, .max_capacity = 20});
///   scaling.scale_on_metric("Backlog", {
///       .metric = jobs.metric_approximate_number_of_messages_visible(),
///       .scaling_steps = {{.upper = 0, .change = -1}, {.lower = 100, .change = +1}, {.lower = 500, .change = +5}},
///       .cooldown_seconds = 60});
///
/// makes, at the AWS CDK's construct ids under the scalable target,
/// `<id>/LowerPolicy` (an AWS::ApplicationAutoScaling::ScalingPolicy with a
/// StepScalingPolicyConfiguration) with `<id>/LowerAlarm` (messages <= 0), and
/// `<id>/UpperPolicy` with `<id>/UpperAlarm` (messages >= 100; steps [0, 400)
/// +1 and [400, ...) +5 relative to it). A side without steps is left out. See
/// autoscaling/scaling_interval.hpp for how steps become the two sides. On a
/// cloudwatch::MathExpression the alarms watch the expression and the policies
/// leave MetricAggregationType out, as in the AWS CDK.
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

namespace cdk::applicationautoscaling {

class CfnScalingPolicy;

/// What step scaling of an Application Auto Scaling target takes (the AWS CDK's BasicStepScalingPolicyProps).
struct StepScalingProps {
  cloudwatch::Metric metric{};                                  ///< the metric or MathExpression the alarms watch; required
  List<autoscaling::ScalingInterval> scaling_steps{};           ///< 2-40 steps around one no-change band; required
  autoscaling::AdjustmentType adjustment_type = autoscaling::AdjustmentType::ChangeInCapacity;  ///< default ChangeInCapacity
  Optional<std::int64_t> cooldown_seconds{};                    ///< wait after a scaling activity, 0 or more; default not set (the service's)
  Optional<std::int64_t> min_adjustment_magnitude{};            ///< PercentChangeInCapacity only: at least this many; default not set
  std::int64_t evaluation_periods = 1;                          ///< alarm periods compared with the threshold; default 1
  std::int64_t datapoints_to_alarm = 0;                         ///< breaching periods (of evaluation_periods) that alarm; default all of them
  Optional<autoscaling::MetricAggregationType> metric_aggregation_type{};       ///< default from the statistic: Minimum, Maximum, else Average
};

/// Two AWS::ApplicationAutoScaling::ScalingPolicy resources of type StepScaling
/// and the alarms that run them (either side may be missing, not both).
class StepScalingPolicy : public Construct {
 public:
  struct Props {
    Value scaling_target_id{};  ///< {"Ref": the AWS::ApplicationAutoScaling::ScalableTarget}; required
    StepScalingProps policy{};  ///< required
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

}  // namespace cdk::applicationautoscaling
