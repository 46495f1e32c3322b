#pragma once
/// cdk::servicediscovery::Namespace: what the three kinds of Cloud Map
/// namespace share (PrivateDnsNamespace, PublicDnsNamespace, HttpNamespace):
/// their name, id and ARN, and `create_service`, which makes a Service as the
/// namespace's child (`<Namespace>/<id>`), as the AWS CDK's createService does.
///
///   auto& api = ns.create_service("Api", {.name = "api"});
#include <cdk/construct.hpp>
#include <cdk/servicediscovery/service.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace cdk::servicediscovery {

enum class NamespaceType : std::uint8_t {
  DnsPrivate,  ///< a private Route 53 hosted zone in one VPC
  DnsPublic,   ///< a public Route 53 hosted zone
  Http,        ///< no DNS: instances are found with DiscoverInstances calls
};
/// "DNS_PRIVATE", "DNS_PUBLIC", "HTTP".
std::string_view namespace_type_name(NamespaceType type);

class Namespace : public Construct {
 public:
  [[nodiscard]] NamespaceType type() const noexcept { return type_; }
  /// Whether services of this namespace can have DNS records.
  [[nodiscard]] bool is_dns() const noexcept { return type_ != NamespaceType::Http; }
  /// The name given in the props (a literal, as in the AWS CDK).
  [[nodiscard]] const std::string& namespace_name() const noexcept { return name_; }
  /// Fn::GetAtt Id.
  [[nodiscard]] Value namespace_id() const { return id_; }
  /// Fn::GetAtt Arn.
  [[nodiscard]] Value namespace_arn() const { return arn_; }

  /// A Service in this namespace (`<Namespace>/<id>`); props.namespace_ may be
  /// left unset.
  Service& create_service(std::string_view id, ServiceProps props = {});

 protected:
  Namespace(Construct& scope, std::string_view id, NamespaceType type, std::string name);
  /// Called by the kinds once their L1 exists.
  void set_attributes(Value id, Value arn);

 private:
  NamespaceType type_;
  std::string name_;
  Value id_;
  Value arn_;
};

}  // namespace cdk::servicediscovery
