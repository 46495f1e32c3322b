#pragma once
/// How a Vpc gives its PrivateWithEgress subnets a way out.
///
///   stack.add<cdk::ec2::Vpc>("Vpc", {.nat_gateway_provider = cdk::ec2::NatProvider::gateway()});  // the default
///   stack.add<cdk::ec2::Vpc>("Vpc", {.nat_gateway_provider = cdk::ec2::NatProvider::instance({.instance_type = "t3.micro"})});
///
/// NAT instances (the CDK's NatInstanceProviderV2, same construct ids): one
/// EC2 instance per NAT subnet ("<PublicSubnet>/NatInstance"), source/dest
/// check off, IMDSv2 required, Amazon Linux 2023 with iptables masquerading
/// set up by user data, and one security group ("NatSecurityGroup") shared by
/// them. Unlike the CDK, whose default group admits 0.0.0.0/0, the group
/// admits traffic from the VPC's CIDR only; the instances are replaced, not
/// patched, by CloudFormation updates. A cheaper, self-managed choice than NAT
/// gateways: their availability is that of single instances.
#include <cdk/ec2/machine_image.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>

namespace cdk::ec2 {

class SecurityGroup;

struct NatInstanceProps {
  std::string instance_type = "t3.micro";        ///< default t3.micro
  Optional<MachineImage> machine_image{};        ///< default: latest Amazon Linux 2023 (the user data uses dnf and iptables)
  std::string key_name{};                        ///< default none (no SSH)
  Ptr<SecurityGroup> security_group{};           ///< default: a new group admitting all traffic from the VPC CIDR
};

class NatProvider {
 public:
  enum class Kind : std::uint8_t { Gateway, Instance };

  /// Managed NAT gateways, each with an Elastic IP, in public subnets (the default).
  static NatProvider gateway() { return NatProvider(Kind::Gateway, {}); }
  /// NAT instances in public subnets.
  static NatProvider instance(NatInstanceProps props) { return NatProvider(Kind::Instance, std::move(props)); }

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  [[nodiscard]] const NatInstanceProps& instance_props() const noexcept { return instance_; }

 private:
  NatProvider(Kind kind, NatInstanceProps props) : kind_(kind), instance_(std::move(props)) {}
  Kind kind_;
  NatInstanceProps instance_;
};

}  // namespace cdk::ec2
