#include <cdk/servicediscovery/private_dns_namespace.hpp>

#include <cdk/ec2/ivpc.hpp>
#include <cdk/servicediscovery/cfn_private_dns_namespace.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>

namespace cdk::servicediscovery {

PrivateDnsNamespace::PrivateDnsNamespace(Construct& scope, std::string_view id, const PrivateDnsNamespaceProps& props)
    : Namespace(scope, id, NamespaceType::DnsPrivate, props.name) {
  const auto path = node().path();
  detail::check_domain_name(path, props.name);
  detail::check_description(path, props.description);
  if (!props.vpc) throw Error(path, "a private DNS namespace needs a VPC", "set .vpc = vpc");
  CfnPrivateDnsNamespace::Props p;
  if (!props.description.empty()) p.description = props.description;
  p.name = props.name;
  p.vpc = props.vpc->vpc_id();
  resource_ = &add<CfnPrivateDnsNamespace>("Resource", std::move(p));
  set_attributes(resource_->attr_id(), resource_->attr_arn());
}

Value PrivateDnsNamespace::namespace_hosted_zone_id() const { return resource_->attr_hosted_zone_id(); }

}  // namespace cdk::servicediscovery
