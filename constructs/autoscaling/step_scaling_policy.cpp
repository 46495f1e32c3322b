#include <cdk/autoscaling/step_scaling_policy.hpp>

#include <cdk/autoscaling/cfn_scaling_policy.hpp>
#include <cdk/autoscaling/detail/step_intervals.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/error.hpp>

namespace cdk::autoscaling {

namespace {

// `<id>/LowerPolicy` or `<id>/UpperPolicy`: the AWS CDK's StepScalingAction.
CfnScalingPolicy& make_policy(Construct& scope, std::string_view id, const StepScalingPolicy::Props& props,
                              const detail::StepSide& side) {
  const auto& p = props.policy;
  CfnScalingPolicy::Props l1;
  l1.adjustment_type = adjustment_type_name(p.adjustment_type);
  l1.auto_scaling_group_name = props.auto_scaling_group_name;
  if (p.estimated_instance_warmup_seconds) l1.estimated_instance_warmup = *p.estimated_instance_warmup_seconds;
  if (auto aggregation = detail::aggregation_of(p.metric_aggregation_type, p.metric))
    l1.metric_aggregation_type = metric_aggregation_type_name(*aggregation);
  if (p.min_adjustment_magnitude) l1.min_adjustment_magnitude = *p.min_adjustment_magnitude;
  l1.policy_type = "StepScaling";
  for (const auto& a : side.adjustments) {
    CfnScalingPolicy::StepAdjustmentProperty step;
    if (a.lower_bound) step.metric_interval_lower_bound = *a.lower_bound;
    if (a.upper_bound) step.metric_interval_upper_bound = *a.upper_bound;
    step.scaling_adjustment = a.adjustment;
    l1.step_adjustments.push_back(std::move(step));
  }
  return scope.add<Construct>(id).add<CfnScalingPolicy>("Resource", std::move(l1));
}

}  // namespace

StepScalingPolicy::StepScalingPolicy(Construct& scope, std::string_view id, const Props& props) : Construct(scope, id) {
  const auto path = node().path();
  const auto& p = props.policy;
  if (props.auto_scaling_group_name.is_null()) throw Error(path, "a step scaling policy needs its group's name");
  if (p.estimated_instance_warmup_seconds && *p.estimated_instance_warmup_seconds < 0)
    throw Error(path, "estimated instance warmup is negative", "use 0 seconds or more");
  const detail::StepInputs in{p.metric, p.scaling_steps, p.adjustment_type, p.min_adjustment_magnitude,
                              p.evaluation_periods, p.datapoints_to_alarm};
  const auto plan = detail::plan_step_scaling(path, in);
  if (plan.lower) {
    lower_policy_ = &make_policy(*this, "LowerPolicy", props, *plan.lower);
    auto alarm = detail::step_alarm_props(in, plan.lower->threshold, false);
    alarm.alarm_actions = {lower_policy_->ref()};
    lower_alarm_ = &add<cloudwatch::Alarm>("LowerAlarm", std::move(alarm));
  }
  if (plan.upper) {
    upper_policy_ = &make_policy(*this, "UpperPolicy", props, *plan.upper);
    auto alarm = detail::step_alarm_props(in, plan.upper->threshold, true);
    alarm.alarm_actions = {upper_policy_->ref()};
    upper_alarm_ = &add<cloudwatch::Alarm>("UpperAlarm", std::move(alarm));
  }
}

}  // namespace cdk::autoscaling
