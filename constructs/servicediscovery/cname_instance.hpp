#pragma once
/// cdk::servicediscovery::CnameInstance: a domain name registered in a Cloud
/// Map service that answers with CNAME records. Made by
/// `service.register_cname_instance(id, {...})`, as the service's child.
///
///   auto& docs = ns.create_service("Docs", {.name = "docs", .dns_record_type = cdk::servicediscovery::DnsRecordType::Cname});
///   docs.register_cname_instance("Site", {.instance_cname = "docs.example.com"});
#include <cdk/servicediscovery/instance_base.hpp>

#include <map>
#include <string>

namespace cdk::servicediscovery {

struct CnameInstanceProps {
  std::string instance_cname{};                            ///< the name the CNAME record points to; required
  std::string instance_id{};                               ///< at most 64 of letters, digits and _/:.@-; default the last 64 characters of the construct's unique id
  std::map<std::string, std::string> custom_attributes{};  ///< at most 30; default none
};

class CnameInstance : public InstanceBase {
 public:
  using Props = CnameInstanceProps;
  /// Use Service::register_cname_instance.
  CnameInstance(Construct& scope, std::string_view id, const CnameInstanceProps& props);
};

}  // namespace cdk::servicediscovery
