#pragma once
// Internal: from a list of scaling steps to the two step scaling policies and
// their alarms, as the AWS CDK computes them (aws-autoscaling-common's
// normalizeIntervals and findAlarmThresholds), shared by the Auto Scaling
// group's and Application Auto Scaling's StepScalingPolicy. Not a public header.
#include <cdk/autoscaling/scaling_interval.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/optional.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdk::autoscaling::detail {

/// One StepAdjustment, its bounds relative to the alarm threshold (none = unbounded).
struct StepAdjustment {
  std::optional<double> lower_bound;
  std::optional<double> upper_bound;
  std::int64_t adjustment = 0;
};

/// One side of the policy: the alarm threshold and the policy's adjustments.
struct StepSide {
  double threshold = 0;
  std::vector<StepAdjustment> adjustments;
};

/// The scale-in (lower) and scale-out (upper) sides; at least one is set.
struct StepPlan {
  std::optional<StepSide> lower;
  std::optional<StepSide> upper;
};

/// What both step policies take, whatever the service.
struct StepInputs {
  const cloudwatch::Metric& metric;
  const std::vector<ScalingInterval>& steps;
  AdjustmentType adjustment_type;
  std::optional<std::int64_t> min_adjustment_magnitude;
  std::int64_t evaluation_periods;
  std::int64_t datapoints_to_alarm;
};

/// The most steps a policy takes (the AWS CDK's limit).
inline constexpr std::size_t max_steps = 40;

/// Checks the inputs and computes the plan; throws cdk::Error naming `path`
/// before anything is made.
StepPlan plan_step_scaling(const std::string& path, const StepInputs& in);

/// The aggregation a step policy renders: `given` when set, else the one the AWS
/// CDK picks from the metric's statistic (Minimum and Maximum as they are,
/// everything else Average; none for a math expression).
std::optional<MetricAggregationType> aggregation_of(const Optional<MetricAggregationType>& given,
                                                    const cloudwatch::Metric& metric);

/// The props of `<id>/LowerAlarm` (<= threshold) or `<id>/UpperAlarm` (>= threshold).
cloudwatch::AlarmProps step_alarm_props(const StepInputs& in, double threshold, bool upper);

/// For scale_on_queue_depth: puts the queue's metric into `metric` (which must
/// be empty: an error at `path` otherwise) and, when `steps` is empty, the AWS
/// CDK's queue processing steps (<= 0: -1, >= 100: +1, >= 500: +5).
void use_queue_depth(const std::string& path, cloudwatch::Metric queue_metric, cloudwatch::Metric& metric,
                     std::vector<ScalingInterval>& steps);

}  // namespace cdk::autoscaling::detail
