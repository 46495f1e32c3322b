#include <cdk/servicediscovery/public_dns_namespace.hpp>

#include <cdk/servicediscovery/cfn_public_dns_namespace.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>

namespace cdk::servicediscovery {

PublicDnsNamespace::PublicDnsNamespace(Construct& scope, std::string_view id, const PublicDnsNamespaceProps& props)
    : Namespace(scope, id, NamespaceType::DnsPublic, props.name) {
  const auto path = node().path();
  detail::check_domain_name(path, props.name);
  detail::check_description(path, props.description);
  CfnPublicDnsNamespace::Props p;
  if (!props.description.empty()) p.description = props.description;
  p.name = props.name;
  resource_ = &add<CfnPublicDnsNamespace>("Resource", std::move(p));
  set_attributes(resource_->attr_id(), resource_->attr_arn());
}

Value PublicDnsNamespace::namespace_hosted_zone_id() const { return resource_->attr_hosted_zone_id(); }

}  // namespace cdk::servicediscovery
