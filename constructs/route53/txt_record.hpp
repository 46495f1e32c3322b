#pragma once
/// cdk::route53::TxtRecord: text values (quoted in the template, long values
/// split into 255-character strings, as Route 53 needs).
///
///   stack.add<cdk::route53::TxtRecord>("Spf", {.zone = zone, .values = {"v=spf1 -all"}});
#include <cdk/list.hpp>
#include <cdk/route53/record_set.hpp>

#include <vector>

namespace cdk::route53 {

struct TxtRecordProps {
  Ptr<IHostedZone> zone{};          ///< required
  std::string record_name{};       ///< relative to the zone; default the zone apex
  List<std::string> values{};         ///< unquoted text; required
  std::int64_t ttl = 1800;         ///< seconds; default 1800
  std::string comment{};           ///< default none
};

class TxtRecord : public RecordSet {
 public:
  using Props = TxtRecordProps;
  TxtRecord(Construct& scope, std::string_view id, const TxtRecordProps& props);
};

}  // namespace cdk::route53
