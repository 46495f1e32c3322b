#pragma once
/// How a Vpc gives its PrivateWithEgress subnets a way out.
///
///   stack.add<cdk::ec2::Vpc>("Vpc", {.nat_gateway_provider = cdk::ec2::NatProvider::gateway()});  // the default
#include <string>

namespace cdk::ec2 {

class NatProvider {
 public:
  enum class Kind { Gateway };

  /// Managed NAT gateways, each with an Elastic IP, in public subnets (the default).
  static NatProvider gateway() { return NatProvider(Kind::Gateway); }

  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  explicit NatProvider(Kind kind) : kind_(kind) {}
  Kind kind_;
};

}  // namespace cdk::ec2
