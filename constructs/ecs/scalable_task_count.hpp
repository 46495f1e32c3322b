#pragma once
/// cdk::ecs::ScalableTaskCount: Application Auto Scaling of a service's desired
/// count, made by `service.auto_scale_task_count({...})` (`<Service>/TaskCount`,
/// the scalable target at `<Service>/TaskCount/Target`).
///
///   auto& scaling = worker.auto_scale_task_count({.min_capacity = 1, .max_capacity = 20});
///   scaling.scale_on_cpu_utilization("Cpu", {.target_percent = 60});
///   scaling.scale_on_queue_depth("Backlog", jobs);                        // steps on visible messages
///   scaling.scale_on_metric("Age", {.metric = jobs.metric_approximate_age_of_oldest_message(),
///                                   .scaling_steps = {{.upper = 30, .change = -1}, {.lower = 300, .change = +2}}});
///   scaling.scale_to_track_custom_metric("PerTask", {.metric = backlog_per_task, .target_value = 10});
///
/// Every policy sits under the scalable target as in the AWS CDK
/// (`TaskCount/Target/<id>/...`), so its logical id matches aws-cdk-lib's.
#include <cdk/applicationautoscaling/step_scaling_policy.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/construct.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>

namespace cdk::elbv2 {
class TargetGroup;
}
namespace cdk::applicationautoscaling {
class CfnScalableTarget;
}
namespace cdk::sqs {
class Queue;
}

namespace cdk::ecs {

class BaseService;

struct CpuScalingProps {
  double target_percent = 70;                      ///< average CPU to keep; default 70
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};
struct MemoryScalingProps {
  double target_percent = 70;                      ///< average memory to keep; default 70
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};
struct RequestCountScalingProps {
  double requests_per_target = 0;                  ///< ALB requests per task to keep; required
  Ptr<elbv2::TargetGroup> target_group{};          ///< an ALB target group this service is attached to; required
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};
/// Target tracking on any metric that moves with the number of tasks (the AWS CDK's TrackCustomMetricProps).
struct TrackCustomMetricProps {
  cloudwatch::Metric metric{};                     ///< Average, Minimum, Maximum, Sum or SampleCount (no percentiles), or a MathExpression; its period is not used; required
  double target_value = 0;                         ///< the value to keep the metric at, above 0; required
  bool disable_scale_in = false;                   ///< default false
  std::int64_t scale_in_cooldown_seconds = 300;    ///< default 300
  std::int64_t scale_out_cooldown_seconds = 300;   ///< default 300
};

struct TaskCountProps {
  std::int64_t min_capacity = 1;  ///< default 1
  std::int64_t max_capacity = 0;  ///< required, >= min_capacity
};

class ScalableTaskCount : public Construct {
 public:
  ScalableTaskCount(Construct& scope, std::string_view id, BaseService& service, const TaskCountProps& props);
  void scale_on_cpu_utilization(std::string_view id, CpuScalingProps props = {});
  void scale_on_memory_utilization(std::string_view id, MemoryScalingProps props = {});
  void scale_on_request_count(std::string_view id, RequestCountScalingProps props);
  /// Keeps any metric at the target (CustomizedMetricSpecification), at `Target/<id>`.
  void scale_to_track_custom_metric(std::string_view id, TrackCustomMetricProps props);
  /// Step scaling on any metric: a scale-in policy and alarm below the steps'
  /// no-change band, a scale-out policy and alarm above it, at `Target/<id>/...`
  /// (see applicationautoscaling/step_scaling_policy.hpp).
  applicationautoscaling::StepScalingPolicy& scale_on_metric(std::string_view id,
                                                             applicationautoscaling::StepScalingProps props);
  /// scale_on_metric on the queue's ApproximateNumberOfMessagesVisible (Maximum
  /// over five minutes); leave props.metric empty. Steps default to the AWS
  /// CDK's QueueProcessingService: 0 messages -1, 100 or more +1, 500 or more +5.
  applicationautoscaling::StepScalingPolicy& scale_on_queue_depth(std::string_view id, const sqs::Queue& queue,
                                                                  applicationautoscaling::StepScalingProps props = {});
  [[nodiscard]] applicationautoscaling::CfnScalableTarget& cfn_target() noexcept { return *target_; }

 private:
  Construct* target_scope_ = nullptr;
  applicationautoscaling::CfnScalableTarget* target_ = nullptr;
};

}  // namespace cdk::ecs
