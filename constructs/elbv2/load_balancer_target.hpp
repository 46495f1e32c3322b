#pragma once
/// What a load balancer sends traffic to.
///
/// `ILoadBalancerTarget` is for constructs that register themselves with a
/// target group (an AutoScalingGroup, later an ECS service). `Target` is one
/// entry of `add_targets(...).targets`: such a construct, an EC2 instance (any
/// construct with `instance_id()`), or an IP address.
///
///   listener.add_targets("Web", {.port = 80, .targets = {asg, instance,
///       cdk::elbv2::Target::ip("10.0.1.15", 8080)}});
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

#include <concepts>
#include <optional>
#include <type_traits>

namespace cdk::ec2 {
class IConnectable;
}

namespace cdk::elbv2 {

class TargetGroup;

/// A construct that attaches itself to target groups.
class ILoadBalancerTarget {
 public:
  virtual ~ILoadBalancerTarget() = default;
  /// Registers with the group: sets its target type, adds itself to the group
  /// (TargetGroupARNs of an Auto Scaling group, Targets of the group) and lets
  /// the group's load balancers reach it (TargetGroup::register_connectable).
  virtual void attach_to_target_group(TargetGroup& target_group) = 0;
};

/// One target of a target group.
class Target {
 public:
  /// An AutoScalingGroup, an ECS service, ...
  Target(ILoadBalancerTarget& target) : custom_(&target) {}  // NOLINT: implicit by design

  /// An EC2 instance: any construct with `instance_id()` (cdk::ec2::Instance).
  /// When it is also an ec2::IConnectable, the load balancer's security group
  /// is allowed into it on the target port.
  template <class I>
    requires(!std::is_convertible_v<I*, ILoadBalancerTarget*>) && requires(const I& i) {
      { i.instance_id() } -> std::convertible_to<Value>;
    }
  Target(I& instance) : id_(instance.instance_id()), type_(Kind::Instance) {  // NOLINT
    if constexpr (std::is_convertible_v<I*, ec2::IConnectable*>) connectable_ = &instance;
  }

  /// An instance by id ("i-0123..." or a token), without security group handling.
  static Target instance_id(Value id, std::optional<int> port = {});
  /// An IP address; `availability_zone` "all" for addresses outside the VPC.
  static Target ip(Value address, std::optional<int> port = {}, Value availability_zone = {});

  /// Adds this target to the group (used by TargetGroup).
  void attach(TargetGroup& group) const;

 private:
  enum class Kind : std::uint8_t { Custom, Instance, Ip };
  Target(Kind kind, Value id, std::optional<int> port, Value az)
      : id_(std::move(id)), port_(port), az_(std::move(az)), type_(kind) {}

  ILoadBalancerTarget* custom_ = nullptr;
  ec2::IConnectable* connectable_ = nullptr;
  Value id_;
  std::optional<int> port_;
  Value az_;
  Kind type_ = Kind::Custom;
};

}  // namespace cdk::elbv2

CDKPP_EXTERN_VECTOR(cdk::elbv2::Target);
