#include <cdk/servicediscovery/dns_record_type.hpp>

namespace cdk::servicediscovery {

std::string_view dns_record_type_name(DnsRecordType type) {
  switch (type) {
    case DnsRecordType::A: return "A";
    case DnsRecordType::Aaaa: return "AAAA";
    case DnsRecordType::AAaaa: return "A, AAAA";
    case DnsRecordType::Srv: return "SRV";
    case DnsRecordType::Cname: return "CNAME";
  }
  return "";
}

std::string_view routing_policy_name(RoutingPolicy policy) {
  return policy == RoutingPolicy::Weighted ? "WEIGHTED" : "MULTIVALUE";
}

}  // namespace cdk::servicediscovery
