#include <cdk/ecs/scalable_task_count.hpp>

#include <cdk/applicationautoscaling/cfn_scalable_target.hpp>
#include <cdk/applicationautoscaling/cfn_scaling_policy.hpp>
#include <cdk/autoscaling/detail/step_intervals.hpp>
#include <cdk/autoscaling/detail/tracked_metric.hpp>
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/names.hpp>
#include <cdk/sqs/queue.hpp>

namespace cdk::ecs {

namespace {

using applicationautoscaling::CfnScalingPolicy;
using TrackingConfig = CfnScalingPolicy::TargetTrackingScalingPolicyConfigurationProperty;

// A target tracking policy at `<scope>/<id>` on the scalable target; the
// caller has set the metric of `tt`.
void add_tracking_policy(Construct& scope, std::string_view id, const Value& target_ref, TrackingConfig tt, double target,
                         std::int64_t in, std::int64_t out, const std::vector<CfnResource*>& depends_on) {
  if (target <= 0) throw Error(scope.node().path() + "/" + std::string(id), "the scaling target must be positive");
  auto& holder = scope.add<Construct>(id);
  tt.scale_in_cooldown = in;
  tt.scale_out_cooldown = out;
  tt.target_value = target;
  CfnScalingPolicy::Props p;
  p.policy_name = Names::unique_id(holder);
  p.policy_type = "TargetTrackingScaling";
  p.scaling_target_id = target_ref;
  p.target_tracking_scaling_policy_configuration = std::move(tt);
  auto& policy = holder.add<CfnScalingPolicy>("Resource", std::move(p));
  for (auto* d : depends_on) policy.add_depends_on(*d);
}

TrackingConfig predefined(std::string metric, Value resource_label = {}) {
  TrackingConfig tt;
  CfnScalingPolicy::PredefinedMetricSpecificationProperty pm;
  pm.predefined_metric_type = std::move(metric);
  if (!resource_label.is_null()) pm.resource_label = std::move(resource_label);
  tt.predefined_metric_specification = std::move(pm);
  return tt;
}

// The AWS CDK's renderCustomMetric: the metric without its period.
TrackingConfig customized(const cloudwatch::Metric& m) {
  TrackingConfig tt;
  tt.customized_metric_specification =
      autoscaling::detail::customized_metric<CfnScalingPolicy::CustomizedMetricSpecificationProperty>(m);
  return tt;
}

}  // namespace

ScalableTaskCount::ScalableTaskCount(Construct& scope, std::string_view id, BaseService& service, const TaskCountProps& props)
    : Construct(scope, id) {
  if (props.min_capacity < 0 || props.max_capacity < 1 || props.max_capacity < props.min_capacity)
    throw Error(node().path(), "task auto scaling needs 0 <= min_capacity <= max_capacity and max_capacity >= 1",
                "e.g. {.min_capacity = 2, .max_capacity = 10}");
  using applicationautoscaling::CfnScalableTarget;
  target_scope_ = &add<Construct>("Target");
  CfnScalableTarget::Props p;
  p.max_capacity = props.max_capacity;
  p.min_capacity = props.min_capacity;
  p.resource_id = Fn::join("", {"service/", service.cluster().cluster_name(), "/", service.service_name()});
  // The ECS service-linked role of Application Auto Scaling, as the AWS CDK uses.
  p.role_arn = Fn::join("", {"arn:", Aws::partition(), ":iam::", Aws::account_id(),
                             ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                             "AWSServiceRoleForApplicationAutoScaling_ECSService"});
  p.scalable_dimension = "ecs:service:DesiredCount";
  p.service_namespace = "ecs";
  target_ = &target_scope_->add<CfnScalableTarget>("Resource", std::move(p));
  // Tags on scalable targets are newer than cfn-lint's schema (as for elbv2
  // listeners): inherited tags stay off them.
  target_->tags() = TagManager();
}

void ScalableTaskCount::scale_on_cpu_utilization(std::string_view id, CpuScalingProps props) {
  if (props.target_percent > 100) throw Error(target_scope_->node().path() + "/" + std::string(id), "CPU target above 100%");
  add_tracking_policy(*target_scope_, id, target_->ref(), predefined("ECSServiceAverageCPUUtilization"), props.target_percent,
                      props.scale_in_cooldown_seconds, props.scale_out_cooldown_seconds, {});
}

void ScalableTaskCount::scale_on_memory_utilization(std::string_view id, MemoryScalingProps props) {
  if (props.target_percent > 100) throw Error(target_scope_->node().path() + "/" + std::string(id), "memory target above 100%");
  add_tracking_policy(*target_scope_, id, target_->ref(), predefined("ECSServiceAverageMemoryUtilization"), props.target_percent,
                      props.scale_in_cooldown_seconds, props.scale_out_cooldown_seconds, {});
}

void ScalableTaskCount::scale_on_request_count(std::string_view id, RequestCountScalingProps props) {
  const auto path = target_scope_->node().path() + "/" + std::string(id);
  if (!props.target_group) throw Error(path, "request count scaling needs a target group", "set .target_group = group");
  auto* lb = props.target_group->load_balancer();
  if (!lb || !props.target_group->is_application())
    throw Error(path, "the target group is not attached to an Application Load Balancer",
                "attach the group to an ALB listener first (ALBRequestCountPerTarget needs one)");
  auto label = Fn::join("/", {lb->load_balancer_full_name(), props.target_group->target_group_full_name()});
  add_tracking_policy(*target_scope_, id, target_->ref(), predefined("ALBRequestCountPerTarget", label), props.requests_per_target,
                      props.scale_in_cooldown_seconds, props.scale_out_cooldown_seconds, props.target_group->attached_by());
}

void ScalableTaskCount::scale_to_track_custom_metric(std::string_view id, TrackCustomMetricProps props) {
  autoscaling::detail::check_tracked_metric(target_scope_->node().path() + "/" + std::string(id), props.metric);
  auto tt = customized(props.metric);
  if (props.disable_scale_in) tt.disable_scale_in = true;
  add_tracking_policy(*target_scope_, id, target_->ref(), std::move(tt), props.target_value,
                      props.scale_in_cooldown_seconds, props.scale_out_cooldown_seconds, {});
}

applicationautoscaling::StepScalingPolicy& ScalableTaskCount::scale_on_metric(std::string_view id,
                                                                              applicationautoscaling::StepScalingProps props) {
  return target_scope_->add<applicationautoscaling::StepScalingPolicy>(
      id, {.scaling_target_id = target_->ref(), .policy = std::move(props)});
}

applicationautoscaling::StepScalingPolicy& ScalableTaskCount::scale_on_queue_depth(
    std::string_view id, const sqs::Queue& queue, applicationautoscaling::StepScalingProps props) {
  autoscaling::detail::use_queue_depth(target_scope_->node().path() + "/" + std::string(id),
                                       queue.metric_approximate_number_of_messages_visible(), props.metric,
                                       props.scaling_steps);
  return scale_on_metric(id, std::move(props));
}

}  // namespace cdk::ecs
