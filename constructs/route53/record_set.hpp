#pragma once
/// cdk::route53::RecordSet: one record of a hosted zone. ARecord, AaaaRecord,
/// CnameRecord and TxtRecord fix the type.
///
/// Record names are relative to the zone, as in the AWS CDK: "www" in zone
/// "example.com" is www.example.com.; a name ending in the zone name or in a
/// dot is taken as fully qualified; no name is the zone apex.
#include <cdk/construct.hpp>
#include <cdk/ptr.hpp>
#include <cdk/route53/record_target.hpp>

#include <cstdint>
#include <string>

namespace cdk::route53 {

class CfnRecordSet;
class IHostedZone;

struct RecordSetProps {
  Ptr<IHostedZone> zone{};        ///< the zone the record belongs to; required
  std::string record_name{};     ///< relative to the zone; default the zone apex
  std::string record_type{};     ///< "A", "AAAA", "CNAME", "TXT", "MX", ...; required
  RecordTarget target{};         ///< values or an alias; required
  std::int64_t ttl = 1800;       ///< seconds, ignored for aliases; default 1800 (30 minutes), like the AWS CDK
  std::string comment{};         ///< default none
};

class RecordSet : public Construct {
 public:
  using Props = RecordSetProps;
  RecordSet(Construct& scope, std::string_view id, const RecordSetProps& props);

  /// The fully qualified name with trailing dot, as written to the template.
  [[nodiscard]] const std::string& domain_name() const noexcept { return fqdn_; }
  [[nodiscard]] CfnRecordSet& cfn_record_set() noexcept { return *resource_; }

  /// The fully qualified name `record_name` stands for in `zone_name`.
  static std::string fully_qualified_name(std::string_view record_name, std::string_view zone_name);

 private:
  std::string fqdn_;
  CfnRecordSet* resource_ = nullptr;
};

}  // namespace cdk::route53
