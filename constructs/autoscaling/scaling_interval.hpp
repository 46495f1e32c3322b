#pragma once
/// What step scaling is written in, for Auto Scaling groups and for Application
/// Auto Scaling (ECS services) alike: the steps of a metric and the capacity
/// change of each (the AWS CDK's ScalingInterval, AdjustmentType and
/// MetricAggregationType).
///
///   .scaling_steps = {{.upper = 10, .change = -1},    // metric <= 10: one less
///                     {.lower = 50, .change = +1},    // 50 <= metric < 70: one more
///                     {.lower = 70, .change = +3}},   // metric >= 70: three more
///
/// A step gives a lower bound, an upper bound or both; a missing bound is the
/// neighbouring step's (the lowest step starts at 0, the highest has no end).
/// Uncovered ranges and relative changes of 0 change nothing. The steps below
/// the "no change" band become a scale-in policy on an alarm at its lower edge,
/// those above a scale-out policy on an alarm at its upper edge.
#include <cdk/container_instances.hpp>
#include <cdk/optional.hpp>

#include <cstdint>

namespace cdk::autoscaling {

/// How a step's change is read.
enum class AdjustmentType : std::uint8_t {
  ChangeInCapacity,         ///< add (or remove) this many instances or tasks
  PercentChangeInCapacity,  ///< add (or remove) this percentage of the current capacity
  ExactCapacity,            ///< set the capacity to this number
};

/// CloudFormation's spelling: "ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity".
constexpr const char* adjustment_type_name(AdjustmentType t) noexcept {
  switch (t) {
    case AdjustmentType::ChangeInCapacity: return "ChangeInCapacity";
    case AdjustmentType::PercentChangeInCapacity: return "PercentChangeInCapacity";
    case AdjustmentType::ExactCapacity: return "ExactCapacity";
  }
  return "ChangeInCapacity";
}

/// How the data points of one alarm period are combined for a step policy.
enum class MetricAggregationType : std::uint8_t { Average, Minimum, Maximum };

/// CloudFormation's spelling: "Average", "Minimum", "Maximum".
constexpr const char* metric_aggregation_type_name(MetricAggregationType t) noexcept {
  switch (t) {
    case MetricAggregationType::Average: return "Average";
    case MetricAggregationType::Minimum: return "Minimum";
    case MetricAggregationType::Maximum: return "Maximum";
  }
  return "Average";
}

/// One step: a range of the metric [lower, upper) and the change made in it.
struct ScalingInterval {
  Optional<double> lower{};       ///< inclusive; default the step below's upper bound (0 for the lowest step)
  Optional<double> upper{};       ///< exclusive; default the step above's lower bound (no end for the highest step)
  std::int64_t change = 0;        ///< the adjustment (negative scales in); 0 = no change unless ExactCapacity; default 0
};

}  // namespace cdk::autoscaling

CDKPP_EXTERN_VECTOR(cdk::autoscaling::ScalingInterval);
