#include <cdk/servicediscovery/ip_instance.hpp>

#include <cdk/error.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>
#include <cdk/servicediscovery/service.hpp>

namespace cdk::servicediscovery {

namespace {

constexpr std::int64_t default_port = 80;

// What the service's records need from an address instance.
void check_addresses(const std::string& path, const Service& service, const IpInstanceProps& p) {
  const bool dns = service.discovery_type() == DiscoveryType::DnsAndApi;
  const auto type = service.dns_record_type();
  const std::string records = std::string(dns_record_type_name(type)) + " records";
  if (dns && type == DnsRecordType::Cname)
    throw Error(path, service.node().path() + " answers with CNAME records, which an address cannot fill",
                "use register_cname_instance, or a service with A, AAAA or SRV records");
  if (p.ipv4.empty() && p.ipv6.empty()) throw Error(path, "an IP instance needs ipv4 or ipv6", "set .ipv4 = \"10.0.1.5\"");
  if (!dns) return;
  if (type == DnsRecordType::Srv && !p.port)
    throw Error(path, service.node().path() + " answers with SRV records, which need a port", "set .port");
  if ((type == DnsRecordType::A || type == DnsRecordType::AAaaa) && p.ipv4.empty())
    throw Error(path, service.node().path() + " answers with " + records + ", which need an IPv4 address", "set .ipv4");
  if ((type == DnsRecordType::Aaaa || type == DnsRecordType::AAaaa) && p.ipv6.empty())
    throw Error(path, service.node().path() + " answers with " + records + ", which need an IPv6 address", "set .ipv6");
}

}  // namespace

IpInstance::IpInstance(Construct& scope, std::string_view id, const IpInstanceProps& props) : InstanceBase(scope, id) {
  const auto path = node().path();
  const Service& service = service_of(scope, "an IP instance", "service.register_ip_instance()");
  check_addresses(path, service, props);
  const auto port = props.port.value_or(default_port);
  detail::check_range(path, "port", port, 1, 65535);
  Value::Map attributes;
  if (!props.ipv4.empty()) attributes.emplace_back("AWS_INSTANCE_IPV4", props.ipv4);
  if (!props.ipv6.empty()) attributes.emplace_back("AWS_INSTANCE_IPV6", props.ipv6);
  attributes.emplace_back("AWS_INSTANCE_PORT", std::to_string(port));
  register_in(service, props.instance_id, std::move(attributes), props.custom_attributes);
}

}  // namespace cdk::servicediscovery
