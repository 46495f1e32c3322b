#pragma once
/// cdk::servicediscovery::PrivateDnsNamespace: a Cloud Map namespace that is a
/// private Route 53 hosted zone of one VPC: its services resolve only there.
///
///   auto& ns = stack.add<cdk::servicediscovery::PrivateDnsNamespace>("Ns", {.name = "internal", .vpc = vpc});
///   ns.create_service("Api", {.name = "api"});   // api.internal, A records
///
/// Construct id and defaults as the AWS CDK (Namespace/Resource). The hosted
/// zone it makes is billed monthly (see `cost`).
#include <cdk/ptr.hpp>
#include <cdk/servicediscovery/namespace.hpp>

#include <string>

namespace cdk::ec2 {
class IVpc;
}

namespace cdk::servicediscovery {

class CfnPrivateDnsNamespace;

struct PrivateDnsNamespaceProps {
  std::string name{};         ///< a domain name: labels of 1-63 letters, digits, '-', at most 253 characters; required
  Ptr<ec2::IVpc> vpc{};       ///< the VPC its names resolve in; required
  std::string description{};  ///< at most 1,024 characters; default none
};

class PrivateDnsNamespace : public Namespace {
 public:
  using Props = PrivateDnsNamespaceProps;
  PrivateDnsNamespace(Construct& scope, std::string_view id, const PrivateDnsNamespaceProps& props);
  /// Fn::GetAtt HostedZoneId.
  [[nodiscard]] Value namespace_hosted_zone_id() const;
  [[nodiscard]] CfnPrivateDnsNamespace& cfn_namespace() noexcept { return *resource_; }

 private:
  CfnPrivateDnsNamespace* resource_ = nullptr;
};

}  // namespace cdk::servicediscovery
