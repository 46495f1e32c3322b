#pragma once
/// cdk::route53::AaaaRecord: a AAAA record: IPv6 addresses or an alias.
///
///   stack.add<cdk::route53::AaaaRecord>("Www", {.zone = zone, .record_name = "www",
///       .target = cdk::route53::RecordTarget::alias(lb)});
#include <cdk/route53/record_set.hpp>

namespace cdk::route53 {

struct AaaaRecordProps {
  Ptr<IHostedZone> zone{};     ///< required
  std::string record_name{};  ///< relative to the zone; default the zone apex
  RecordTarget target{};      ///< addresses or an alias; required
  std::int64_t ttl = 1800;    ///< seconds, ignored for aliases; default 1800
  std::string comment{};      ///< default none
};

class AaaaRecord : public RecordSet {
 public:
  using Props = AaaaRecordProps;
  AaaaRecord(Construct& scope, std::string_view id, const AaaaRecordProps& props)
      : RecordSet(scope, id, RecordSetProps{.zone = props.zone, .record_name = std::move(props.record_name),
                                            .record_type = "AAAA", .target = std::move(props.target),
                                            .ttl = props.ttl, .comment = std::move(props.comment)}) {}
};

}  // namespace cdk::route53
