#include <cdk/servicediscovery/cname_instance.hpp>

#include <cdk/error.hpp>
#include <cdk/servicediscovery/namespace.hpp>
#include <cdk/servicediscovery/service.hpp>

namespace cdk::servicediscovery {

CnameInstance::CnameInstance(Construct& scope, std::string_view id, const CnameInstanceProps& props)
    : InstanceBase(scope, id) {
  const auto path = node().path();
  const Service& service = service_of(scope, "a CNAME instance", "service.register_cname_instance()");
  if (!service.namespace_().is_dns())
    throw Error(path, service.namespace_().node().path() + " is an HTTP namespace, which has no CNAME records",
                "use a PrivateDnsNamespace or PublicDnsNamespace");
  if (service.discovery_type() != DiscoveryType::DnsAndApi || service.dns_record_type() != DnsRecordType::Cname)
    throw Error(path, service.node().path() + " does not answer with CNAME records",
                "create the service with .dns_record_type = DnsRecordType::Cname");
  if (props.instance_cname.empty())
    throw Error(path, "a CNAME instance needs the name to point to", "set .instance_cname = \"app.example.com\"");
  register_in(service, props.instance_id, {{"AWS_INSTANCE_CNAME", props.instance_cname}}, props.custom_attributes);
}

}  // namespace cdk::servicediscovery
