#include <cdk/autoscaling/auto_scaling_group.hpp>

#include <cdk/autoscaling/cfn_auto_scaling_group.hpp>
#include <cdk/autoscaling/cfn_scaling_policy.hpp>
#include <cdk/autoscaling/detail/step_intervals.hpp>
#include <cdk/ec2/cfn_launch_template.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/elbv2/base_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/cfn_instance_profile.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sqs/queue.hpp>
#include <cdk/tags.hpp>

namespace cdk::autoscaling {

namespace {
const char* spot_strategy(SpotAllocationStrategy s) {
  switch (s) {
    case SpotAllocationStrategy::PriceCapacityOptimized: return "price-capacity-optimized";
    case SpotAllocationStrategy::CapacityOptimized: return "capacity-optimized";
    case SpotAllocationStrategy::CapacityOptimizedPrioritized: return "capacity-optimized-prioritized";
    case SpotAllocationStrategy::LowestPrice: return "lowest-price";
  }
  return "price-capacity-optimized";
}

// The CDK's default: max(min, desired), and 1 for a group that may shrink to 0.
int max_capacity_of(const AutoScalingGroupProps& props) {
  const int min = props.min_capacity;
  return props.max_capacity.value_or(std::max(min, props.desired_capacity.value_or(min == 0 ? 1 : min)));
}

// The encrypted root volume on the image's (or the given) root device.
ec2::CfnLaunchTemplate::BlockDeviceMappingProperty root_device_mapping(const RootVolume& volume, std::string device) {
  ec2::CfnLaunchTemplate::EbsProperty ebs;
  ebs.encrypted = true;
  ebs.delete_on_termination = true;
  ebs.volume_type = ec2::ebs_volume_type_name(volume.volume_type);
  if (volume.size_gib) ebs.volume_size = *volume.size_gib;
  if (!volume.kms_key_id.is_null()) ebs.kms_key_id = volume.kms_key_id;
  ec2::CfnLaunchTemplate::BlockDeviceMappingProperty root;
  root.device_name = std::move(device);
  root.ebs = std::move(ebs);
  return root;
}

CfnAutoScalingGroup::MixedInstancesPolicyProperty mixed_instances(
    const MixedInstancesPolicy& m, CfnAutoScalingGroup::LaunchTemplateSpecificationProperty spec) {
  CfnAutoScalingGroup::InstancesDistributionProperty dist;
  dist.on_demand_base_capacity = m.on_demand_base_capacity;
  dist.on_demand_percentage_above_base_capacity = m.on_demand_percentage_above_base_capacity;
  dist.spot_allocation_strategy = spot_strategy(m.spot_allocation_strategy);
  if (!m.spot_max_price.empty()) dist.spot_max_price = m.spot_max_price;
  CfnAutoScalingGroup::LaunchTemplateProperty ltp;
  ltp.launch_template_specification = std::move(spec);
  for (const auto& t : m.instance_types) ltp.overrides.emplace_back().instance_type = t;
  return {.instances_distribution = std::move(dist), .launch_template = std::move(ltp)};
}

Value rolling_update_policy(const RollingUpdate& r) {
  Value::Map ru{{"MaxBatchSize", r.max_batch_size}, {"MinInstancesInService", r.min_instances_in_service}};
  if (r.pause_time_seconds) ru.emplace_back("PauseTime", "PT" + std::to_string(*r.pause_time_seconds) + "S");
  if (!r.suspend_processes.empty()) ru.emplace_back("SuspendProcesses", Value(r.suspend_processes));
  if (r.wait_on_resource_signals) ru.emplace_back("WaitOnResourceSignals", true);
  return Value::map({{"AutoScalingRollingUpdate", Value(std::move(ru))},
                     {"AutoScalingScheduledAction", Value::map({{"IgnoreUnmodifiedGroupSizeProperties", true}})}});
}
}  // namespace

AutoScalingGroup::AutoScalingGroup(Construct& scope, std::string_view id, const AutoScalingGroupProps& props)
    : Construct(scope, id), health_check_(props.health_check), min_(props.min_capacity), max_(max_capacity_of(props)) {
  check(props);
  ec2::SecurityGroup& sg = make_security_group(props);
  make_role(props);
  make_launch_template(props, sg);
  make_group(props);
  apply_health_check();
  render_user_data();
  Tags::of(*this).add("Name", node().path());
}

void AutoScalingGroup::check(const AutoScalingGroupProps& props) const {
  const std::string path = node().path();
  if (!props.vpc) throw Error(path, "an Auto Scaling group needs a VPC", "set .vpc");
  if (props.instance_type.empty()) throw Error(path, "an Auto Scaling group needs an instance type", "set .instance_type, e.g. \"t3.small\"");
  check_capacity(props);
  if (health_check_ && health_check_->grace_seconds < 0) {
    throw Error(path, "health check grace period is negative", "use 0 seconds or more");
  }
  if (const auto& m = props.mixed_instances_policy) {
    if (m->on_demand_base_capacity < 0) throw Error(path, "on-demand base capacity is negative", "use 0 or more");
    if (m->on_demand_percentage_above_base_capacity < 0 || m->on_demand_percentage_above_base_capacity > 100) {
      throw Error(path,
                  "on-demand percentage above base capacity " + std::to_string(m->on_demand_percentage_above_base_capacity) +
                      " is out of range",
                  "use 0-100");
    }
    if (m->instance_types.size() > 40) throw Error(path, "a mixed instances policy takes at most 40 instance types", "drop some");
  }
  if (props.rolling_update) {
    if (props.rolling_update->max_batch_size < 1) throw Error(path, "rolling update max batch size must be 1 or more", "raise it");
    if (props.rolling_update->min_instances_in_service < 0 || props.rolling_update->min_instances_in_service >= max_) {
      throw Error(path,
                  "rolling update keeps " + std::to_string(props.rolling_update->min_instances_in_service) +
                      " instances in service, but the group has at most " + std::to_string(max_),
                  "make min_instances_in_service smaller than max_capacity");
    }
  }
  if (props.root_volume.size_gib && (*props.root_volume.size_gib < 1 || *props.root_volume.size_gib > 16384)) {
    throw Error(path, "root volume size " + std::to_string(*props.root_volume.size_gib) + " GiB is out of range", "use 1-16384");
  }
}

// min <= desired <= max, as the CDK checks.
void AutoScalingGroup::check_capacity(const AutoScalingGroupProps& props) const {
  const std::string path = node().path();
  if (min_ < 0) throw Error(path, "min capacity " + std::to_string(min_) + " is negative", "use 0 or more");
  if (max_ < min_) {
    throw Error(path, "min capacity (" + std::to_string(min_) + ") is above max capacity (" + std::to_string(max_) + ")",
                "make min_capacity <= max_capacity");
  }
  if (max_ == 0) throw Error(path, "max capacity is 0: the group can never run an instance", "set max_capacity to 1 or more");
  if (props.desired_capacity && (*props.desired_capacity < min_ || *props.desired_capacity > max_)) {
    throw Error(path,
                "desired capacity (" + std::to_string(*props.desired_capacity) + ") is outside min..max (" +
                    std::to_string(min_) + ".." + std::to_string(max_) + ")",
                "make min_capacity <= desired_capacity <= max_capacity");
  }
}

// Security group and role, as the CDK names them.
ec2::SecurityGroup& AutoScalingGroup::make_security_group(const AutoScalingGroupProps& props) {
  ec2::SecurityGroup* sg = props.security_group.get();
  if (sg == nullptr) sg = &add<ec2::SecurityGroup>("InstanceSecurityGroup", ec2::SecurityGroupProps{.vpc = props.vpc});
  connections_.add_security_group(*sg);
  return *sg;
}

void AutoScalingGroup::make_role(const AutoScalingGroupProps& props) {
  role_ = props.role.get();
  if (role_ == nullptr) {
    role_ = &add<iam::Role>("InstanceRole", iam::RoleProps{.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  }
}

// The instance profile (`<asg>/InstanceProfile`, as aws-cdk-lib makes it) and the
// launch template (the CDK's LaunchTemplate construct: `LaunchTemplate/Resource`).
void AutoScalingGroup::make_launch_template(const AutoScalingGroupProps& props, ec2::SecurityGroup& sg) {
  iam::CfnInstanceProfile::Props profile_props;
  profile_props.roles = {role_->role_name()};
  auto& profile = add<iam::CfnInstanceProfile>("InstanceProfile", std::move(profile_props));
  auto& lt = add<Construct>("LaunchTemplate");
  const ec2::MachineImageConfig image = props.machine_image.get_image(lt);
  user_data_ = props.user_data.value_or(image.user_data);
  os_type_ = image.os_type;
  const std::string root_device = !props.root_volume.device_name.empty() ? props.root_volume.device_name : image.root_device_name;
  if (root_device.empty()) {
    throw Error(node().path(), "the root device of the machine image is unknown, so its volume cannot be encrypted",
                "set .root_volume.device_name to the AMI's root device (\"/dev/xvda\", \"/dev/sda1\", ...)");
  }
  ec2::CfnLaunchTemplate::LaunchTemplateDataProperty data;
  data.image_id = image.image_id;
  data.instance_type = props.instance_type;
  data.iam_instance_profile.emplace().arn = profile.attr_arn();
  data.security_group_ids = {sg.security_group_id()};
  if (!props.key_name.empty()) data.key_name = props.key_name;
  if (props.detailed_monitoring) data.monitoring.emplace().enabled = true;
  if (props.require_imdsv2) data.metadata_options.emplace().http_tokens = "required";
  data.block_device_mappings.push_back(root_device_mapping(props.root_volume, root_device));
  ec2::CfnLaunchTemplate::Props lt_props;
  lt_props.launch_template_data = std::move(data);
  launch_template_ = &lt.add<ec2::CfnLaunchTemplate>("Resource", std::move(lt_props));
  launch_template_->node().add_dependency(*role_);
}

void AutoScalingGroup::make_group(const AutoScalingGroupProps& props) {
  CfnAutoScalingGroup::Props l1;
  if (!props.auto_scaling_group_name.empty()) l1.auto_scaling_group_name = props.auto_scaling_group_name;
  l1.min_size = std::to_string(min_);
  l1.max_size = std::to_string(max_);
  if (props.desired_capacity) l1.desired_capacity = std::to_string(*props.desired_capacity);
  l1.vpc_zone_identifier = props.vpc->select_subnets(props.vpc_subnets.value_or(ec2::SubnetSelection{})).subnet_ids();
  if (props.cooldown_seconds) l1.cooldown = std::to_string(*props.cooldown_seconds);
  if (props.default_instance_warmup_seconds) l1.default_instance_warmup = *props.default_instance_warmup_seconds;
  if (props.capacity_rebalance) l1.capacity_rebalance = *props.capacity_rebalance;
  CfnAutoScalingGroup::LaunchTemplateSpecificationProperty spec;
  spec.launch_template_id = launch_template_->ref();
  spec.version = launch_template_->attr_latest_version_number();
  if (const auto& m = props.mixed_instances_policy) {
    l1.mixed_instances_policy = mixed_instances(*m, std::move(spec));
  } else {
    l1.launch_template = std::move(spec);
  }
  resource_ = &add<CfnAutoScalingGroup>("ASG", std::move(l1));
  if (props.rolling_update) resource_->set_update_policy(rolling_update_policy(*props.rolling_update));
}

Value AutoScalingGroup::auto_scaling_group_name() const { return resource_->ref(); }
Value AutoScalingGroup::auto_scaling_group_arn() const { return resource_->attr_auto_scaling_group_arn(); }

void AutoScalingGroup::add_to_principal_policy(const iam::PolicyStatement& statement) { role_->add_to_policy(statement); }

void AutoScalingGroup::add_user_data(const std::vector<Value>& commands) {
  user_data_.add_commands(commands);
  render_user_data();
}

void AutoScalingGroup::render_user_data() {
  launch_template_->props().launch_template_data->user_data = user_data_.render_base64();
}

void AutoScalingGroup::apply_health_check() {
  auto& p = resource_->props();
  std::optional<HealthCheck> hc = health_check_;
  if (!hc && !target_group_arns_.empty()) hc = HealthCheck::elb();
  if (!hc) return;
  p.health_check_type = hc->type == HealthCheck::Type::Elb ? "ELB" : "EC2";
  p.health_check_grace_period = hc->grace_seconds;
}

void AutoScalingGroup::attach_to_target_group(elbv2::TargetGroup& target_group) {
  target_group.set_target_type(elbv2::TargetType::Instance);
  target_group_arns_.push_back(target_group.target_group_arn());
  resource_->props().target_group_arns = Value(target_group_arns_);
  target_group.register_connectable(*this);
  if (target_group.is_application()) alb_target_groups_.push_back(&target_group);
  apply_health_check();
}

TargetTrackingScalingPolicy& AutoScalingGroup::scale_on_cpu_utilization(std::string_view id, CpuUtilizationScalingProps props) {
  const double t = props.target_utilization_percent;
  if (!(t > 0 && t <= 100)) {
    throw Error(node().path(), "CPU utilization target " + std::to_string(t) + "% is out of range", "use a percentage in (0, 100]");
  }
  return add<TargetTrackingScalingPolicy>("ScalingPolicy" + std::string(id),
                                          TargetTrackingScalingPolicy::Props{
                                              .auto_scaling_group_name = auto_scaling_group_name(),
                                              .predefined_metric = "ASGAverageCPUUtilization",
                                              .target_value = t,
                                              .disable_scale_in = props.disable_scale_in,
                                              .estimated_instance_warmup_seconds = props.estimated_instance_warmup_seconds});
}

TargetTrackingScalingPolicy& AutoScalingGroup::scale_on_request_count(std::string_view id, RequestCountScalingProps props) {
  const std::string path = node().path();
  if (alb_target_groups_.size() != 1) {
    throw Error(path,
                alb_target_groups_.empty()
                    ? "scale_on_request_count needs the group to be a target of an Application Load Balancer"
                    : "scale_on_request_count needs the group to be a target of exactly one Application Load Balancer target group",
                alb_target_groups_.empty() ? "add it first: listener.add_targets(\"...\", {.targets = {asg}})"
                                           : "scale on the metric of one target group with a custom policy instead");
  }
  elbv2::TargetGroup& tg = *alb_target_groups_.front();
  elbv2::BaseLoadBalancer* lb = tg.load_balancer();
  if (lb == nullptr) {
    throw Error(path, "the group's target group is not attached to a listener yet",
                "add the target group to a listener before scale_on_request_count");
  }
  if (!(props.target_requests_per_minute > 0)) {
    throw Error(path, "the request count target must be above 0", "set target_requests_per_minute");
  }
  auto& policy = add<TargetTrackingScalingPolicy>(
      "ScalingPolicy" + std::string(id),
      TargetTrackingScalingPolicy::Props{
          .auto_scaling_group_name = auto_scaling_group_name(),
          .predefined_metric = "ALBRequestCountPerTarget",
          // app/<lb-name>/<id>/targetgroup/<tg-name>/<id>
          .resource_label = Fn::join("/", {lb->load_balancer_full_name(), tg.target_group_full_name()}),
          .target_value = props.target_requests_per_minute,
          .disable_scale_in = props.disable_scale_in,
          .estimated_instance_warmup_seconds = props.estimated_instance_warmup_seconds});
  // The metric exists only once the target group is attached to the load balancer.
  for (CfnResource* r : tg.attached_by()) policy.cfn().add_depends_on(*r);
  return policy;
}

TargetTrackingScalingPolicy& AutoScalingGroup::scale_to_track_metric(std::string_view id, MetricTargetTrackingProps props) {
  return add<TargetTrackingScalingPolicy>("ScalingPolicy" + std::string(id),
                                          TargetTrackingScalingPolicy::Props{
                                              .auto_scaling_group_name = auto_scaling_group_name(),
                                              .custom_metric = std::move(props.metric),
                                              .target_value = props.target_value,
                                              .disable_scale_in = props.disable_scale_in,
                                              .estimated_instance_warmup_seconds = props.estimated_instance_warmup_seconds});
}

StepScalingPolicy& AutoScalingGroup::scale_on_metric(std::string_view id, StepScalingProps props) {
  return add<StepScalingPolicy>(id, StepScalingPolicy::Props{.auto_scaling_group_name = auto_scaling_group_name(),
                                                             .policy = std::move(props)});
}

StepScalingPolicy& AutoScalingGroup::scale_on_queue_depth(std::string_view id, const sqs::Queue& queue, StepScalingProps props) {
  detail::use_queue_depth(node().path() + "/" + std::string(id), queue.metric_approximate_number_of_messages_visible(),
                          props.metric, props.scaling_steps);
  return scale_on_metric(id, std::move(props));
}

ScheduledAction& AutoScalingGroup::scale_on_schedule(std::string_view id, ScheduledActionProps props) {
  return add<ScheduledAction>("ScheduledAction" + std::string(id),
                              ScheduledAction::Props{.auto_scaling_group_name = auto_scaling_group_name(),
                                                     .action = std::move(props)});
}

}  // namespace cdk::autoscaling
