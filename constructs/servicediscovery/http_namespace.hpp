#pragma once
/// cdk::servicediscovery::HttpNamespace: a Cloud Map namespace without DNS:
/// clients find instances with DiscoverInstances API calls.
///
///   auto& ns = stack.add<cdk::servicediscovery::HttpNamespace>("Ns", {.name = "apps"});
///   ns.create_service("Api", {.name = "api"});   // DiscoveryType::Api, no DnsConfig
///
/// Construct id and defaults as the AWS CDK (Namespace/Resource). Its services
/// take no DNS settings (record type, TTL, routing policy): asking for them is
/// an error naming the service.
#include <cdk/servicediscovery/namespace.hpp>

#include <string>

namespace cdk::servicediscovery {

class CfnHttpNamespace;

struct HttpNamespaceProps {
  std::string name{};         ///< 1-1,024 printable ASCII characters without spaces; required
  std::string description{};  ///< at most 1,024 characters; default none
};

class HttpNamespace : public Namespace {
 public:
  using Props = HttpNamespaceProps;
  HttpNamespace(Construct& scope, std::string_view id, const HttpNamespaceProps& props);
  [[nodiscard]] CfnHttpNamespace& cfn_namespace() noexcept { return *resource_; }

 private:
  CfnHttpNamespace* resource_ = nullptr;
};

}  // namespace cdk::servicediscovery
