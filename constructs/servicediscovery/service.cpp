#include <cdk/servicediscovery/service.hpp>

#include <cdk/servicediscovery/cfn_service.hpp>
#include <cdk/servicediscovery/detail/checks.hpp>
#include <cdk/servicediscovery/namespace.hpp>

#include <algorithm>
#include <cctype>
#include <limits>

namespace cdk::servicediscovery {

namespace {

constexpr std::int64_t default_ttl_seconds = 60;
constexpr std::int64_t max_ttl_seconds = std::numeric_limits<std::int32_t>::max();
constexpr std::size_t max_resource_path_length = 255;

// Dot-separated labels of letters, digits, '-' and '_' ('-' not at either
// end), 1-127 characters: Cloud Map's service name pattern.
bool service_name_ok(std::string_view name) {
  if (name.empty() || name.size() > Service::max_name_length) return false;
  while (true) {
    const auto dot = name.find('.');
    const auto label = name.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; }))
      return false;
    if (dot == std::string_view::npos) return true;
    name.remove_prefix(dot + 1);
  }
}

bool has_address_records(DnsRecordType t) {
  return t == DnsRecordType::A || t == DnsRecordType::Aaaa || t == DnsRecordType::AAaaa;
}

std::vector<CfnService::DnsRecordProperty> render_records(DnsRecordType type, std::int64_t ttl) {
  const auto seconds = static_cast<double>(ttl);
  if (type == DnsRecordType::AAaaa) return {{.ttl = seconds, .type = "A"}, {.ttl = seconds, .type = "AAAA"}};
  return {{.ttl = seconds, .type = std::string(dns_record_type_name(type))}};
}

CfnService::HealthCheckConfigProperty render_health_check(const HealthCheckConfig& h) {
  CfnService::HealthCheckConfigProperty out;
  out.failure_threshold = static_cast<double>(h.failure_threshold);
  if (h.type != HealthCheckType::Tcp) out.resource_path = h.resource_path.empty() ? "/" : h.resource_path;
  out.type = std::string(health_check_type_name(h.type));
  return out;
}

}  // namespace

Service::Service(Construct& scope, std::string_view id, const ServiceProps& props)
    : Construct(scope, id), namespace_ptr_(props.namespace_.get()) {
  check(props);
  const bool http = !namespace_ptr_->is_dns();
  discovery_type_ = props.discovery_type.value_or(http ? DiscoveryType::Api : DiscoveryType::DnsAndApi);
  record_type_ = props.dns_record_type.value_or(DnsRecordType::A);
  const bool weighted = record_type_ == DnsRecordType::Cname || props.load_balancer;
  routing_policy_ = props.routing_policy.value_or(weighted ? RoutingPolicy::Weighted : RoutingPolicy::Multivalue);

  CfnService::Props p;
  if (!props.description.empty()) p.description = props.description;
  if (discovery_type_ == DiscoveryType::DnsAndApi) {
    CfnService::DnsConfigProperty dns;
    dns.dns_records = render_records(record_type_, props.dns_ttl_seconds.value_or(default_ttl_seconds));
    dns.namespace_id = namespace_ptr_->namespace_id();
    dns.routing_policy = std::string(routing_policy_name(routing_policy_));
    p.dns_config = std::move(dns);
  }
  if (props.health_check) p.health_check_config = render_health_check(*props.health_check);
  if (props.custom_health_check)
    p.health_check_custom_config =
        CfnService::HealthCheckCustomConfigProperty{.failure_threshold = static_cast<double>(props.custom_health_check->failure_threshold)};
  if (!props.name.empty()) p.name = props.name;
  p.namespace_id = namespace_ptr_->namespace_id();
  // Written only when asked for, as the AWS CDK does (an HTTP namespace's services are API-only anyway).
  if (props.discovery_type == DiscoveryType::Api) p.type = "HTTP";
  resource_ = &add<CfnService>("Resource", std::move(p));
}

void Service::check(const ServiceProps& s) const {
  const auto path = node().path();
  if (!namespace_ptr_) throw Error(path, "a Cloud Map service needs a namespace", "set .namespace_, or use ns.create_service()");
  if (!s.name.empty() && !service_name_ok(s.name))
    throw Error(path, "service name \"" + s.name + "\" is not valid",
                "use 1-127 characters in dot-separated labels of letters, digits, '-' and '_'");
  detail::check_description(path, s.description);
  const auto& ns = *namespace_ptr_;
  const bool dns_settings = s.dns_record_type || s.dns_ttl_seconds || s.routing_policy;
  if (!ns.is_dns() && dns_settings)
    throw Error(path, "HTTP namespace " + ns.node().path() + " has no DNS: a record type, TTL or routing policy does not apply",
                "drop them, or use a PrivateDnsNamespace or PublicDnsNamespace");
  if (!ns.is_dns() && s.discovery_type == DiscoveryType::DnsAndApi)
    throw Error(path, "services of HTTP namespace " + ns.node().path() + " are found by API calls only",
                "drop discovery_type, or use a DNS namespace");
  if (s.discovery_type == DiscoveryType::Api && dns_settings)
    throw Error(path, "API-only discovery has no DNS records: a record type, TTL or routing policy does not apply",
                "drop them, or use DiscoveryType::DnsAndApi");
  if (s.dns_ttl_seconds) detail::check_range(path, "dns_ttl_seconds", *s.dns_ttl_seconds, 0, max_ttl_seconds);
  const auto record = s.dns_record_type.value_or(DnsRecordType::A);
  const bool multivalue = s.routing_policy == RoutingPolicy::Multivalue;
  if (multivalue && record == DnsRecordType::Cname)
    throw Error(path, "CNAME records need WEIGHTED routing, not MULTIVALUE", "drop routing_policy, or use A records");
  if (multivalue && s.load_balancer)
    throw Error(path, "a service of load balancers needs WEIGHTED routing, not MULTIVALUE", "drop routing_policy");
  if (s.load_balancer && !has_address_records(record))
    throw Error(path, "a service of load balancers needs A or AAAA records", "use DnsRecordType::A, Aaaa or AAaaa");
  if (s.custom_health_check) detail::check_range(path, "failure_threshold", s.custom_health_check->failure_threshold, 1, 10);
  if (!s.health_check) return;
  if (s.custom_health_check)
    throw Error(path, "a service takes a Route 53 health check or a custom one, not both", "drop one of them");
  if (ns.type() != NamespaceType::DnsPublic)
    throw Error(path, "Route 53 health checks apply to public DNS namespaces only, and " + ns.node().path() + " is not one",
                "use custom_health_check, which ECS reports to");
  const auto& h = *s.health_check;
  detail::check_range(path, "failure_threshold", h.failure_threshold, 1, 10);
  if (h.type == HealthCheckType::Tcp && !h.resource_path.empty())
    throw Error(path, "a TCP health check has no resource path", "drop resource_path, or use HealthCheckType::Http");
  if (h.resource_path.size() > max_resource_path_length)
    throw Error(path, "the health check's resource path is longer than 255 characters", "shorten it");
}

Value Service::service_name() const { return resource_->attr_name(); }
Value Service::service_id() const { return resource_->attr_id(); }
Value Service::service_arn() const { return resource_->attr_arn(); }

IpInstance& Service::register_ip_instance(std::string_view id, IpInstanceProps props) {
  return add<IpInstance>(id, std::move(props));
}

CnameInstance& Service::register_cname_instance(std::string_view id, CnameInstanceProps props) {
  return add<CnameInstance>(id, std::move(props));
}

}  // namespace cdk::servicediscovery
