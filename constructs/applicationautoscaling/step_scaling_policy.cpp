#include <cdk/applicationautoscaling/step_scaling_policy.hpp>

#include <cdk/applicationautoscaling/cfn_scaling_policy.hpp>
#include <cdk/autoscaling/detail/step_intervals.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/error.hpp>
#include <cdk/names.hpp>

namespace cdk::applicationautoscaling {

namespace {

// `<id>/LowerPolicy` or `<id>/UpperPolicy`: the AWS CDK's StepScalingAction,
// named (PolicyName is required) by its unique id as there.
CfnScalingPolicy& make_policy(Construct& scope, std::string_view id, const StepScalingPolicy::Props& props,
                              const autoscaling::detail::StepSide& side) {
  const auto& p = props.policy;
  CfnScalingPolicy::StepScalingPolicyConfigurationProperty config;
  config.adjustment_type = autoscaling::adjustment_type_name(p.adjustment_type);
  if (p.cooldown_seconds) config.cooldown = *p.cooldown_seconds;
  if (auto aggregation = autoscaling::detail::aggregation_of(p.metric_aggregation_type, p.metric))
    config.metric_aggregation_type = autoscaling::metric_aggregation_type_name(*aggregation);
  if (p.min_adjustment_magnitude) config.min_adjustment_magnitude = *p.min_adjustment_magnitude;
  for (const auto& a : side.adjustments) {
    CfnScalingPolicy::StepAdjustmentProperty step;
    if (a.lower_bound) step.metric_interval_lower_bound = *a.lower_bound;
    if (a.upper_bound) step.metric_interval_upper_bound = *a.upper_bound;
    step.scaling_adjustment = a.adjustment;
    config.step_adjustments.push_back(std::move(step));
  }
  auto& holder = scope.add<Construct>(id);
  CfnScalingPolicy::Props l1;
  l1.policy_name = Names::unique_id(holder);
  l1.policy_type = "StepScaling";
  l1.scaling_target_id = props.scaling_target_id;
  l1.step_scaling_policy_configuration = std::move(config);
  return holder.add<CfnScalingPolicy>("Resource", std::move(l1));
}

}  // namespace

StepScalingPolicy::StepScalingPolicy(Construct& scope, std::string_view id, const Props& props) : Construct(scope, id) {
  const auto path = node().path();
  const auto& p = props.policy;
  if (props.scaling_target_id.is_null()) throw Error(path, "a step scaling policy needs its scalable target");
  if (p.cooldown_seconds && *p.cooldown_seconds < 0)
    throw Error(path, "cooldown_seconds is negative", "use 0 seconds or more");
  const autoscaling::detail::StepInputs in{p.metric,           p.scaling_steps,      p.adjustment_type,
                                           p.min_adjustment_magnitude, p.evaluation_periods, p.datapoints_to_alarm};
  const auto plan = autoscaling::detail::plan_step_scaling(path, in);
  if (plan.lower) {
    lower_policy_ = &make_policy(*this, "LowerPolicy", props, *plan.lower);
    auto alarm = autoscaling::detail::step_alarm_props(in, plan.lower->threshold, false);
    alarm.alarm_actions = {lower_policy_->ref()};
    lower_alarm_ = &add<cloudwatch::Alarm>("LowerAlarm", std::move(alarm));
  }
  if (plan.upper) {
    upper_policy_ = &make_policy(*this, "UpperPolicy", props, *plan.upper);
    auto alarm = autoscaling::detail::step_alarm_props(in, plan.upper->threshold, true);
    alarm.alarm_actions = {upper_policy_->ref()};
    upper_alarm_ = &add<cloudwatch::Alarm>("UpperAlarm", std::move(alarm));
  }
}

}  // namespace cdk::applicationautoscaling
