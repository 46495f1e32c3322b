#pragma once
/// cdk::route53::HostedZone: a public zone, or a private one when VPCs are given.
///
///   auto& zone = stack.add<cdk::route53::HostedZone>("Zone", {.zone_name = "example.com"});
///   auto& internal = stack.add<cdk::route53::HostedZone>("Internal", {
///       .zone_name = "corp.internal", .vpcs = {vpc.vpc_id()}});   // private
///
/// The zone's Name gets a trailing dot in the template, as the AWS CDK writes it.
/// A zone made elsewhere (the usual case for a registered domain) is imported:
///
///   auto& zone = cdk::route53::HostedZone::from_hosted_zone_attributes(stack, "Zone", {
///       .hosted_zone_id = "Z0123456789ABCDEFGHIJ", .zone_name = "example.com"});
#include <cdk/construct.hpp>
#include <cdk/list.hpp>
#include <cdk/value.hpp>

#include <string>
#include <vector>

namespace cdk::route53 {

class CfnHostedZone;

/// A hosted zone records and certificates can use: made here or imported.
class IHostedZone {
 public:
  virtual ~IHostedZone() = default;
  /// The zone id (a Ref, or the imported id).
  [[nodiscard]] virtual Value hosted_zone_id() const = 0;
  /// The zone name without trailing dot ("example.com").
  [[nodiscard]] virtual const std::string& zone_name() const = 0;
  [[nodiscard]] virtual bool is_private() const = 0;
};

struct HostedZoneAttributes {
  Value hosted_zone_id{};     ///< e.g. "Z0123456789ABCDEFGHIJ"; required
  std::string zone_name{};    ///< e.g. "example.com"; required
  bool private_zone = false;  ///< default false (public)
};

struct HostedZoneProps {
  std::string zone_name{};          ///< e.g. "example.com"; required
  std::string comment{};            ///< default none
  List<Value> vpcs{};               ///< VPC ids: makes the zone private to them; default none (public)
  Value vpc_region{};               ///< region of those VPCs; default the stack's region
  Value query_logs_log_group_arn{}; ///< CloudWatch Logs group (in us-east-1) for query logs, public zones only; default none
};

class HostedZone : public Construct, public IHostedZone {
 public:
  using Props = HostedZoneProps;
  HostedZone(Construct& scope, std::string_view id, const HostedZoneProps& props);

  /// A zone that exists outside this app, as a construct in `scope` (nothing is
  /// written to the template). Throws cdk::Error for a missing id or a bad name.
  static IHostedZone& from_hosted_zone_attributes(Construct& scope, std::string_view id, HostedZoneAttributes attributes);

  /// {"Ref": zone}: the zone id.
  [[nodiscard]] Value hosted_zone_id() const override;
  /// The zone name as given, without trailing dot ("example.com").
  [[nodiscard]] const std::string& zone_name() const noexcept override { return zone_name_; }
  /// Fn::GetAtt NameServers (public zones only; throws cdk::Error for a private one).
  [[nodiscard]] Value hosted_zone_name_servers() const;
  [[nodiscard]] bool is_private() const noexcept override { return private_; }

  [[nodiscard]] CfnHostedZone& cfn_hosted_zone() noexcept { return *resource_; }

 private:
  std::string zone_name_;
  bool private_ = false;
  CfnHostedZone* resource_ = nullptr;
};

/// Checks a DNS name ("www.example.com", "*.example.com"); returns what is wrong or "".
std::string dns_name_problem(std::string_view name);

}  // namespace cdk::route53
