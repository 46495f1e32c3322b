#pragma once
/// Scaling of an AutoScalingGroup: target tracking policies and scheduled
/// actions (AWS::AutoScaling::ScalingPolicy / ScheduledAction), made with
/// `asg.scale_on_cpu_utilization(...)`, `scale_on_request_count(...)`,
/// `scale_to_track_metric(...)` and `scale_on_schedule(...)` at the AWS CDK's
/// construct ids ("ScalingPolicy<id>", "ScheduledAction<id>"). Step scaling
/// on a metric is in step_scaling_policy.hpp.
#include <cdk/autoscaling/schedule.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/construct.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <string>
#include <vector>

namespace cdk::autoscaling {

class CfnScalingPolicy;
class CfnScheduledAction;


struct CpuUtilizationScalingProps {
  double target_utilization_percent = 0;            ///< average CPU to keep, 1-100; required
  bool disable_scale_in = false;                    ///< default false
  Optional<int> estimated_instance_warmup_seconds{};       ///< default: the group's
};

struct RequestCountScalingProps {
  double target_requests_per_minute = 0;            ///< requests per target per minute; required
  bool disable_scale_in = false;                    ///< default false
  Optional<int> estimated_instance_warmup_seconds{};       ///< default: the group's
};

/// Target tracking on any metric that moves with the group's size (the AWS CDK's MetricTargetTrackingProps).
struct MetricTargetTrackingProps {
  cloudwatch::Metric metric{};                      ///< Average, Minimum, Maximum, Sum or SampleCount (no percentiles), or a MathExpression; its period is not used; required
  double target_value = 0;                          ///< the value to keep the metric at, above 0; required
  bool disable_scale_in = false;                    ///< default false
  Optional<int> estimated_instance_warmup_seconds{};       ///< default: the group's
};

struct ScheduledActionProps {
  Optional<Schedule> schedule{};        ///< when; required
  Optional<int> min_capacity{};         ///< at least one of min, max and desired; default unchanged
  Optional<int> max_capacity{};         ///< default unchanged
  Optional<int> desired_capacity{};///< default unchanged
  std::string time_zone{};              ///< IANA name, e.g. "Europe/Dublin"; default UTC
  std::string start_time{};             ///< ISO 8601 UTC, e.g. "2026-01-01T00:00:00Z"; default none
  std::string end_time{};               ///< default none
};

/// A target tracking AWS::AutoScaling::ScalingPolicy.
class TargetTrackingScalingPolicy : public Construct {
 public:
  struct Props {
    Value auto_scaling_group_name{};    ///< required
    std::string predefined_metric{};    ///< ASGAverageCPUUtilization, ALBRequestCountPerTarget, ...; required unless custom_metric
    Optional<cloudwatch::Metric> custom_metric{};       ///< instead of predefined_metric (CustomizedMetricSpecification); default none
    Value resource_label{};             ///< for ALBRequestCountPerTarget; default none
    double target_value = 0;            ///< required
    bool disable_scale_in = false;      ///< default false
    Optional<int> estimated_instance_warmup_seconds{};       ///< default not set
  };
  TargetTrackingScalingPolicy(Construct& scope, std::string_view id, const Props& props);
  /// {"Ref": policy}: its ARN.
  [[nodiscard]] Value policy_arn() const;
  [[nodiscard]] CfnScalingPolicy& cfn() noexcept { return *resource_; }

 private:
  CfnScalingPolicy* resource_ = nullptr;
};

/// An AWS::AutoScaling::ScheduledAction.
class ScheduledAction : public Construct {
 public:
  struct Props {
    Value auto_scaling_group_name{};  ///< required
    ScheduledActionProps action{};    ///< required
  };
  ScheduledAction(Construct& scope, std::string_view id, const Props& props);
  [[nodiscard]] CfnScheduledAction& cfn() noexcept { return *resource_; }

 private:
  CfnScheduledAction* resource_ = nullptr;
};

}  // namespace cdk::autoscaling
