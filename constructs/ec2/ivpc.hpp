#pragma once
/// cdk::ec2::IVpc: what constructs placed in a VPC need from it. Implemented by
/// cdk::ec2::Vpc; props that take a VPC hold `cdk::Ptr<cdk::ec2::IVpc>`.
///
///   struct MyProps { cdk::Ptr<cdk::ec2::IVpc> vpc{}; };   // {.vpc = vpc}
#include <cdk/ec2/subnet_selection.hpp>
#include <cdk/value.hpp>

#include <vector>

namespace cdk {
class Construct;
}

namespace cdk::ec2 {

class IVpc {
 public:
  virtual ~IVpc() = default;
  /// {"Ref": vpc}.
  [[nodiscard]] virtual Value vpc_id() const = 0;
  /// The primary IPv4 CIDR block (Fn::GetAtt CidrBlock), e.g. for Peer::ipv4.
  [[nodiscard]] virtual Value vpc_cidr_block() const = 0;
  /// The AZs the VPC spans: literal names, or Fn::Select over Fn::GetAZs.
  [[nodiscard]] virtual std::vector<Value> availability_zones() const = 0;
  /// The subnets matching `selection`; throws cdk::Error (naming the VPC's
  /// path) when nothing matches.
  [[nodiscard]] virtual SelectedSubnets select_subnets(const SubnetSelection& selection = {}) const = 0;
  /// What an internet-facing resource must be created after (the internet
  /// gateway attachment and public routes); add them with node().add_dependency.
  [[nodiscard]] virtual std::vector<Construct*> internet_connectivity_established() const = 0;
};

}  // namespace cdk::ec2
