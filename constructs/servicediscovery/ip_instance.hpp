#pragma once
/// cdk::servicediscovery::IpInstance: an address registered in a Cloud Map
/// service (a database, a host outside ECS). Made by
/// `service.register_ip_instance(id, {...})`, as the service's child.
///
///   api.register_ip_instance("Legacy", {.ipv4 = "10.0.3.7", .port = 8080});
///
/// What the service's records need is checked: A records need ipv4, AAAA
/// records ipv6, SRV records a port and an address; CNAME services take
/// CnameInstance instead. The port defaults to 80, as in the AWS CDK.
#include <cdk/optional.hpp>
#include <cdk/servicediscovery/instance_base.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace cdk::servicediscovery {

struct IpInstanceProps {
  std::string ipv4{};                                      ///< required by A and "A, AAAA" services; default none
  std::string ipv6{};                                      ///< required by AAAA and "A, AAAA" services; default none
  Optional<std::int64_t> port{};                           ///< 1-65535, required by SRV services; default 80
  std::string instance_id{};                               ///< at most 64 of letters, digits and _/:.@-; default the last 64 characters of the construct's unique id
  std::map<std::string, std::string> custom_attributes{};  ///< at most 30; default none
};

class IpInstance : public InstanceBase {
 public:
  using Props = IpInstanceProps;
  /// Use Service::register_ip_instance.
  IpInstance(Construct& scope, std::string_view id, const IpInstanceProps& props);
};

}  // namespace cdk::servicediscovery
