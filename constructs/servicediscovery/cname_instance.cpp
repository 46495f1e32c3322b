#include <cdk/servicediscovery/cname_instance.hpp>

#include <cdk/names.hpp>
#include <cdk/servicediscovery/cfn_instance.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>
#include <cdk/servicediscovery/namespace.hpp>
#include <cdk/servicediscovery/service.hpp>

namespace cdk::servicediscovery {

CnameInstance::CnameInstance(Construct& scope, std::string_view id, CnameInstanceProps props) : Construct(scope, id) {
  const auto path = node().path();
  auto* service = dynamic_cast<Service*>(&scope);
  if (service == nullptr)
    throw Error(path, "a CNAME instance belongs to a servicediscovery::Service",
                "make it with service.register_cname_instance()");
  if (!service->namespace_().is_dns())
    throw Error(path, service->namespace_().node().path() + " is an HTTP namespace, which has no CNAME records",
                "use a PrivateDnsNamespace or PublicDnsNamespace");
  if (service->discovery_type() != DiscoveryType::DnsAndApi || service->dns_record_type() != DnsRecordType::Cname)
    throw Error(path, service->node().path() + " does not answer with CNAME records",
                "create the service with .dns_record_type = DnsRecordType::Cname");
  if (props.instance_cname.empty())
    throw Error(path, "a CNAME instance needs the name to point to", "set .instance_cname = \"app.example.com\"");
  instance_id_ = props.instance_id.empty() ? detail::default_instance_id(Names::unique_id(*this)) : props.instance_id;
  detail::check_instance(path, instance_id_, props.custom_attributes);

  Value::Map attributes;
  attributes.emplace_back("AWS_INSTANCE_CNAME", props.instance_cname);
  for (const auto& [k, v] : props.custom_attributes) attributes.emplace_back(k, v);
  CfnInstance::Props p;
  p.instance_attributes = Value(std::move(attributes));
  p.instance_id = instance_id_;
  p.service_id = service->service_id();
  resource_ = &add<CfnInstance>("Resource", std::move(p));
}

}  // namespace cdk::servicediscovery
