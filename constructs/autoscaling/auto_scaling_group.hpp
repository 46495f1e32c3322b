#pragma once
/// cdk::autoscaling::AutoScalingGroup: EC2 instances from a launch template
/// (never the deprecated launch configuration), the AWS CDK's AutoScalingGroup.
///
///   auto& web = stack.add<cdk::autoscaling::AutoScalingGroup>("Web", {
///       .vpc = vpc, .instance_type = "t3.small",
///       .machine_image = cdk::ec2::MachineImage::latest_amazon_linux_2023(),
///       .min_capacity = 1, .max_capacity = 4,
///       .mixed_instances_policy = cdk::autoscaling::MixedInstancesPolicy{   // 1 on-demand, the rest spot
///           .on_demand_base_capacity = 1, .on_demand_percentage_above_base_capacity = 0,
///           .instance_types = {"t3.small", "t3a.small"}}});
///   listener.add_targets("Web", {.port = 80, .targets = {web}});   // health check type becomes ELB
///   web.scale_on_request_count("Requests", {.target_requests_per_minute = 1000});
///   web.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 60});
///   workers.scale_on_queue_depth("Backlog", jobs);   // step scaling on the queue's visible messages
///   workers.scale_on_metric("Age", {.metric = jobs.metric_approximate_age_of_oldest_message(),
///                                   .scaling_steps = {{.upper = 60, .change = -1}, {.lower = 300, .change = +2}}});
///   web.scale_to_track_metric("Sessions", {.metric = sessions_per_instance, .target_value = 200});
///   web.connections().allow_from(bastion, cdk::ec2::Port::tcp(22));
///   bucket.grant_read(web);   // an iam::IGrantable: its instance role
///
/// What it makes, at the AWS CDK's construct ids: `<id>/InstanceSecurityGroup`
/// (unless one is given; all outbound allowed, nothing inbound),
/// `<id>/InstanceRole` (ec2.amazonaws.com; unless one is given),
/// `<id>/InstanceProfile`, `<id>/LaunchTemplate` (the launch
/// template), and `<id>/ASG` (the group). Secure defaults: IMDSv2 required,
/// encrypted root volume, private subnets, no SSH key. Every resource gets a
/// Name tag with the construct path (propagated to instances). With an image
/// whose root device is unknown (generic_linux), give root_volume.device_name:
/// the group refuses to run without an encrypted root volume.
/// Not supported: warm pools, lifecycle hooks, signals.
#include <cdk/autoscaling/scaling_policy.hpp>
#include <cdk/autoscaling/step_scaling_policy.hpp>
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/ec2/block_device.hpp>
#include <cdk/ec2/connections.hpp>
#include <cdk/ec2/ivpc.hpp>
#include <cdk/ec2/machine_image.hpp>
#include <cdk/ec2/user_data.hpp>
#include <cdk/elbv2/load_balancer_target.hpp>
#include <cdk/iam/grantable.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cdk::ec2 {
class SecurityGroup;
class CfnLaunchTemplate;
}  // namespace cdk::ec2
namespace cdk::iam {
class Role;
}
namespace cdk::elbv2 {
class TargetGroup;
}
namespace cdk::sqs {
class Queue;
}

namespace cdk::autoscaling {

class CfnAutoScalingGroup;

/// How the group decides an instance is unhealthy.
struct HealthCheck {
  enum class Type : std::uint8_t { Ec2, Elb };
  Type type = Type::Ec2;     ///< default EC2 status checks
  int grace_seconds = 300;   ///< time after launch before checks count; default 300
  static HealthCheck ec2(int grace_seconds = 300) { return {Type::Ec2, grace_seconds}; }
  /// The load balancers' health checks too (the group must be a load balancer target).
  static HealthCheck elb(int grace_seconds = 300) { return {Type::Elb, grace_seconds}; }
};

/// Which spot pools a mixed group launches from.
enum class SpotAllocationStrategy : std::uint8_t {
  PriceCapacityOptimized,  ///< AWS's recommendation: cheap pools unlikely to be interrupted
  CapacityOptimized,
  CapacityOptimizedPrioritized,
  LowestPrice,
};

/// On-demand and spot instances of several types. The launch template's
/// instance type is the first choice; `instance_types` override it.
struct MixedInstancesPolicy {
  int on_demand_base_capacity = 0;                      ///< on-demand instances before any spot; default 0
  int on_demand_percentage_above_base_capacity = 100;   ///< 0-100: the rest on-demand vs spot; default 100
  SpotAllocationStrategy spot_allocation_strategy = SpotAllocationStrategy::PriceCapacityOptimized;  ///< default price-capacity-optimized
  List<std::string> instance_types{};                   ///< instance type overrides, in priority order; default: the group's type only
  std::string spot_max_price{};                         ///< USD per hour; default: the on-demand price
};

/// UpdatePolicy AutoScalingRollingUpdate: replace instances in batches when the launch template changes.
struct RollingUpdate {
  int max_batch_size = 1;                     ///< default 1
  int min_instances_in_service = 0;           ///< default 0
  Optional<int> pause_time_seconds{};         ///< wait between batches; default 0 (not set)
  bool wait_on_resource_signals = false;      ///< default false
  List<std::string> suspend_processes{"HealthCheck", "ReplaceUnhealthy", "AZRebalance",
                                      "AlarmNotification", "ScheduledActions", "InstanceRefresh"};  ///< default: the AWS CDK's list
};

/// The root volume of each instance (always encrypted).
struct RootVolume {
  std::string device_name{};              ///< the AMI's root device ("/dev/xvda", "/dev/sda1"); default: the image's (known for Amazon Linux)
  Optional<int> size_gib{};               ///< default: the AMI's snapshot size
  ec2::EbsDeviceVolumeType volume_type = ec2::EbsDeviceVolumeType::Gp3;  ///< default gp3
  Value kms_key_id{};                     ///< default: the AWS managed key
};

struct AutoScalingGroupProps {
  Ptr<ec2::IVpc> vpc{};                               ///< required
  std::string instance_type{};                        ///< e.g. "t3.small"; required
  ec2::MachineImage machine_image = ec2::MachineImage::latest_amazon_linux_2023();  ///< the AMI; default: latest Amazon Linux 2023 (as ec2::Instance)
  Optional<ec2::UserData> user_data{};                ///< the script run at boot; default: the image's (an empty shell script)
  Optional<ec2::SubnetSelection> vpc_subnets{};       ///< default: private subnets
  int min_capacity = 1;                               ///< default 1
  Optional<int> max_capacity{};                       ///< default max(min_capacity, desired_capacity)
  Optional<int> desired_capacity{};                   ///< default not set (the group keeps its size across deploys)
  Ptr<ec2::SecurityGroup> security_group{};           ///< default: a new group
  Ptr<iam::Role> role{};                              ///< default: a new role for ec2.amazonaws.com
  std::string key_name{};                             ///< an EC2 key pair for SSH; default none
  bool require_imdsv2 = true;                         ///< HttpTokens required; default true
  RootVolume root_volume{};                           ///< default encrypted gp3 on /dev/xvda
  bool detailed_monitoring = false;                   ///< 1-minute CloudWatch metrics; default false
  Optional<HealthCheck> health_check{};               ///< default EC2, or ELB (grace 300s) once attached to a target group
  Optional<MixedInstancesPolicy> mixed_instances_policy{};       ///< default: on-demand only
  Optional<bool> capacity_rebalance{};                ///< replace spot instances at risk; default not set
  Optional<RollingUpdate> rolling_update{};           ///< default none (CloudFormation changes only the template)
  Optional<int> cooldown_seconds{};                   ///< default 300 (not set)
  Optional<int> default_instance_warmup_seconds{};       ///< default not set
  std::string auto_scaling_group_name{};              ///< default generated by CloudFormation
};

class AutoScalingGroup : public Construct,
                         public ec2::IConnectable,
                         public iam::IGrantable,
                         public elbv2::ILoadBalancerTarget {
 public:
  using Props = AutoScalingGroupProps;
  AutoScalingGroup(Construct& scope, std::string_view id, const AutoScalingGroupProps& props);

  /// {"Ref": group}: its name.
  [[nodiscard]] Value auto_scaling_group_name() const;
  /// Fn::GetAtt AutoScalingGroupARN.
  [[nodiscard]] Value auto_scaling_group_arn() const;
  [[nodiscard]] iam::Role& role() const noexcept { return *role_; }
  [[nodiscard]] ec2::Connections& connections() override { return connections_; }
  void add_to_principal_policy(const iam::PolicyStatement& statement) override;
  void attach_to_target_group(elbv2::TargetGroup& target_group) override;

  /// Keeps the average CPU at the target (ASGAverageCPUUtilization).
  TargetTrackingScalingPolicy& scale_on_cpu_utilization(std::string_view id, CpuUtilizationScalingProps props);
  /// Keeps the requests per instance at the target (ALBRequestCountPerTarget);
  /// the group must be a target of exactly one Application Load Balancer target group.
  TargetTrackingScalingPolicy& scale_on_request_count(std::string_view id, RequestCountScalingProps props);
  /// Keeps any metric that moves with the group's size at the target
  /// (CustomizedMetricSpecification), at `<group>/ScalingPolicy<id>`.
  TargetTrackingScalingPolicy& scale_to_track_metric(std::string_view id, MetricTargetTrackingProps props);
  /// Step scaling on any metric: a scale-in policy and alarm below the steps'
  /// no-change band, a scale-out policy and alarm above it, at `<group>/<id>/...`
  /// (see step_scaling_policy.hpp).
  StepScalingPolicy& scale_on_metric(std::string_view id, StepScalingProps props);
  /// scale_on_metric on the queue's ApproximateNumberOfMessagesVisible (Maximum
  /// over five minutes); leave props.metric empty. Steps default to the AWS
  /// CDK's queue processing service: 0 messages -1, 100 or more +1, 500 or more +5.
  StepScalingPolicy& scale_on_queue_depth(std::string_view id, const sqs::Queue& queue, StepScalingProps props = {});
  ScheduledAction& scale_on_schedule(std::string_view id, ScheduledActionProps props);
  /// Appends commands to the user data (the script run at boot).
  void add_user_data(const std::vector<Value>& commands);
  [[nodiscard]] const ec2::UserData& user_data() const noexcept { return user_data_; }
  /// The operating system of the machine image (what user data others add must be written for).
  [[nodiscard]] ec2::OperatingSystemType os_type() const noexcept { return os_type_; }

  /// The L1 AWS::AutoScaling::AutoScalingGroup and AWS::EC2::LaunchTemplate (escape hatches).
  [[nodiscard]] CfnAutoScalingGroup& cfn() noexcept { return *resource_; }
  [[nodiscard]] ec2::CfnLaunchTemplate& launch_template() noexcept { return *launch_template_; }

 private:
  void check(const AutoScalingGroupProps& props) const;
  void check_capacity(const AutoScalingGroupProps& props) const;
  ec2::SecurityGroup& make_security_group(const AutoScalingGroupProps& props);
  void make_role(const AutoScalingGroupProps& props);
  void make_launch_template(const AutoScalingGroupProps& props, ec2::SecurityGroup& sg);
  void make_group(const AutoScalingGroupProps& props);
  void apply_health_check();
  void render_user_data();

  ec2::Connections connections_;
  iam::Role* role_ = nullptr;
  CfnAutoScalingGroup* resource_ = nullptr;
  ec2::CfnLaunchTemplate* launch_template_ = nullptr;
  std::optional<HealthCheck> health_check_;
  std::vector<Value> target_group_arns_;
  std::vector<elbv2::TargetGroup*> alb_target_groups_;
  ec2::UserData user_data_ = ec2::UserData::for_linux();
  ec2::OperatingSystemType os_type_ = ec2::OperatingSystemType::Linux;
  int min_ = 1;
  int max_ = 1;
};

}  // namespace cdk::autoscaling

