#pragma once
/// cdk::route53::CnameRecord: a name that stands for another domain name.
/// Not allowed at the zone apex (use an alias ARecord there).
///
///   stack.add<cdk::route53::CnameRecord>("Docs", {.zone = zone, .record_name = "docs",
///                                                 .domain_name = "example.github.io"});
#include <cdk/route53/record_set.hpp>

namespace cdk::route53 {

struct CnameRecordProps {
  Ptr<IHostedZone> zone{};     ///< required
  std::string record_name{};  ///< relative to the zone; required (not the apex)
  Value domain_name{};        ///< the canonical name; required
  std::int64_t ttl = 1800;    ///< seconds; default 1800
  std::string comment{};      ///< default none
};

class CnameRecord : public RecordSet {
 public:
  using Props = CnameRecordProps;
  CnameRecord(Construct& scope, std::string_view id, const CnameRecordProps& props)
      : RecordSet(scope, id, RecordSetProps{.zone = props.zone, .record_name = std::move(props.record_name),
                                            .record_type = "CNAME",
                                            .target = RecordTarget::from_values({std::move(props.domain_name)}),
                                            .ttl = props.ttl, .comment = std::move(props.comment)}) {}
};

}  // namespace cdk::route53
