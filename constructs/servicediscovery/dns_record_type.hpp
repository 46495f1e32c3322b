#pragma once
/// The closed sets a Cloud Map service is described with: which DNS records
/// it answers with, how it picks among instances, how clients find it.
#include <cstdint>
#include <string_view>

namespace cdk::servicediscovery {

/// The records Route 53 answers for each registered instance.
enum class DnsRecordType : std::uint8_t {
  A,      ///< an IPv4 address
  Aaaa,   ///< an IPv6 address
  AAaaa,  ///< both an A and an AAAA record
  Srv,    ///< address and port (what bridge/host-mode ECS tasks need)
  Cname,  ///< a domain name
};
/// "A", "AAAA", "A, AAAA", "SRV", "CNAME" (the AWS CDK's names for the enum).
std::string_view dns_record_type_name(DnsRecordType type);

/// How Route 53 picks the records it answers with.
enum class RoutingPolicy : std::uint8_t {
  Weighted,    ///< one instance picked at random (CNAME records and load balancers need it)
  Multivalue,  ///< up to eight healthy instances
};
/// "WEIGHTED", "MULTIVALUE".
std::string_view routing_policy_name(RoutingPolicy policy);

/// How clients find a service's instances.
enum class DiscoveryType : std::uint8_t {
  Api,        ///< DiscoverInstances calls only (the only one of HTTP namespaces)
  DnsAndApi,  ///< DNS queries and API calls
};

}  // namespace cdk::servicediscovery
