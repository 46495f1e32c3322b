#include <cdk/autoscaling/scaling_policy.hpp>

#include <cdk/autoscaling/cfn_scaling_policy.hpp>
#include <cdk/autoscaling/cfn_scheduled_action.hpp>
#include <cdk/autoscaling/detail/tracked_metric.hpp>
#include <cdk/error.hpp>

#include <sstream>

namespace cdk::autoscaling {

TargetTrackingScalingPolicy::TargetTrackingScalingPolicy(Construct& scope, std::string_view id, const Props& props)
    : Construct(scope, id) {
  const std::string path = node().path();
  if (!(props.target_value > 0)) {
    throw Error(path, "a target tracking policy needs a target value above 0", "set the target");
  }
  if (props.estimated_instance_warmup_seconds && *props.estimated_instance_warmup_seconds < 0) {
    throw Error(path, "estimated instance warmup is negative", "use 0 seconds or more");
  }
  if (props.custom_metric.has_value() == !props.predefined_metric.empty())
    throw Error(path, "a target tracking policy tracks either a predefined metric or a custom one",
                "set one of predefined_metric and custom_metric");
  if (props.custom_metric) detail::check_tracked_metric(path, *props.custom_metric);
  CfnScalingPolicy::Props l1;
  l1.auto_scaling_group_name = props.auto_scaling_group_name;
  l1.policy_type = "TargetTrackingScaling";
  if (props.estimated_instance_warmup_seconds) l1.estimated_instance_warmup = *props.estimated_instance_warmup_seconds;
  CfnScalingPolicy::TargetTrackingConfigurationProperty tt;
  if (props.custom_metric) {
    tt.customized_metric_specification =
        detail::customized_metric<CfnScalingPolicy::CustomizedMetricSpecificationProperty>(*props.custom_metric);
  } else {
    CfnScalingPolicy::PredefinedMetricSpecificationProperty metric;
    metric.predefined_metric_type = props.predefined_metric;
    if (!props.resource_label.is_null()) metric.resource_label = props.resource_label;
    tt.predefined_metric_specification = std::move(metric);
  }
  tt.target_value = props.target_value;
  if (props.disable_scale_in) tt.disable_scale_in = true;
  l1.target_tracking_configuration = std::move(tt);
  resource_ = &add<CfnScalingPolicy>("Resource", std::move(l1));
}

Value TargetTrackingScalingPolicy::policy_arn() const { return resource_->ref(); }

ScheduledAction::ScheduledAction(Construct& scope, std::string_view id, const Props& props) : Construct(scope, id) {
  const std::string path = node().path();
  const ScheduledActionProps& a = props.action;
  if (!a.schedule) throw Error(path, "a scheduled action needs a schedule", "set .schedule (Schedule::cron(...))");
  std::istringstream fields(a.schedule->expression_string());
  int n = 0;
  for (std::string f; fields >> f;) ++n;
  if (n != 5) {
    throw Error(path, "schedule '" + a.schedule->expression_string() + "' has " + std::to_string(n) + " fields",
                "use a five-field cron expression: minute hour day month weekday");
  }
  if (!a.min_capacity && !a.max_capacity && !a.desired_capacity) {
    throw Error(path, "a scheduled action changes nothing", "set at least one of min_capacity, max_capacity, desired_capacity");
  }
  for (const auto* v : {&a.min_capacity, &a.max_capacity, &a.desired_capacity}) {
    if (*v && **v < 0) throw Error(path, "a scheduled capacity is negative", "use 0 or more");
  }
  if (a.min_capacity && a.max_capacity && *a.min_capacity > *a.max_capacity) {
    throw Error(path,
                "scheduled min capacity " + std::to_string(*a.min_capacity) + " is above max capacity " +
                    std::to_string(*a.max_capacity),
                "make min_capacity <= max_capacity");
  }
  CfnScheduledAction::Props l1;
  l1.auto_scaling_group_name = props.auto_scaling_group_name;
  l1.recurrence = a.schedule->expression_string();
  if (a.min_capacity) l1.min_size = *a.min_capacity;
  if (a.max_capacity) l1.max_size = *a.max_capacity;
  if (a.desired_capacity) l1.desired_capacity = *a.desired_capacity;
  if (!a.time_zone.empty()) l1.time_zone = a.time_zone;
  if (!a.start_time.empty()) l1.start_time = a.start_time;
  if (!a.end_time.empty()) l1.end_time = a.end_time;
  resource_ = &add<CfnScheduledAction>("Resource", std::move(l1));
}

}  // namespace cdk::autoscaling
