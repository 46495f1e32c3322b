#pragma once
/// cdk::codedeploy::LoadBalancer: where an in-place server deployment takes
/// each instance out of traffic while it updates: a Classic Load Balancer by
/// name, or an Application/Network Load Balancer target group.
///
///   .load_balancers = {cdk::codedeploy::LoadBalancer::target_group(web_group)}
///   .load_balancers = {cdk::codedeploy::LoadBalancer::classic("legacy-elb")}
#include <cdk/container_instances.hpp>
#include <cdk/value.hpp>

namespace cdk::elbv2 {
class TargetGroup;
}

namespace cdk::codedeploy {

class LoadBalancer {
 public:
  /// A Classic Load Balancer by name.
  static LoadBalancer classic(Value load_balancer_name) { return LoadBalancer(std::move(load_balancer_name), nullptr); }
  /// A target group of an Application or Network Load Balancer.
  static LoadBalancer target_group(elbv2::TargetGroup& group);

  [[nodiscard]] bool is_classic() const noexcept { return group_ == nullptr; }
  /// The load balancer's or target group's name.
  [[nodiscard]] const Value& name() const noexcept { return name_; }
  /// The target group, or nullptr for a Classic Load Balancer.
  [[nodiscard]] elbv2::TargetGroup* group() const noexcept { return group_; }

 private:
  LoadBalancer(Value name, elbv2::TargetGroup* group) : name_(std::move(name)), group_(group) {}
  Value name_;
  elbv2::TargetGroup* group_;
};

}  // namespace cdk::codedeploy

CDKPP_EXTERN_VECTOR(cdk::codedeploy::LoadBalancer);
