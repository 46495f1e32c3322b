#pragma once
/// cdk::servicediscovery::PublicDnsNamespace: a Cloud Map namespace that is a
/// public Route 53 hosted zone: its services resolve on the internet once the
/// domain's registrar delegates to the zone's name servers.
///
///   auto& ns = stack.add<cdk::servicediscovery::PublicDnsNamespace>("Ns", {.name = "example.com"});
///   ns.create_service("Www", {.name = "www", .health_check = cdk::servicediscovery::HealthCheckConfig{}});
///
/// Construct id and defaults as the AWS CDK (Namespace/Resource). Only
/// services of a public namespace may have Route 53 health checks.
#include <cdk/servicediscovery/namespace.hpp>

#include <string>

namespace cdk::servicediscovery {

class CfnPublicDnsNamespace;

struct PublicDnsNamespaceProps {
  std::string name{};         ///< a domain name: labels of 1-63 letters, digits, '-', at most 253 characters; required
  std::string description{};  ///< at most 1,024 characters; default none
};

class PublicDnsNamespace : public Namespace {
 public:
  using Props = PublicDnsNamespaceProps;
  PublicDnsNamespace(Construct& scope, std::string_view id, const PublicDnsNamespaceProps& props);
  /// Fn::GetAtt HostedZoneId.
  [[nodiscard]] Value namespace_hosted_zone_id() const;
  [[nodiscard]] CfnPublicDnsNamespace& cfn_namespace() noexcept { return *resource_; }

 private:
  CfnPublicDnsNamespace* resource_ = nullptr;
};

}  // namespace cdk::servicediscovery
