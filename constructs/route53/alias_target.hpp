#pragma once
/// What a Route 53 alias record points at (a load balancer, a distribution).
#include <cdk/value.hpp>

namespace cdk::route53 {

struct AliasTargetConfig {
  Value dns_name;        ///< the target's DNS name
  Value hosted_zone_id;  ///< the target's canonical hosted zone id
};

class IAliasRecordTarget {
 public:
  virtual ~IAliasRecordTarget() = default;
  [[nodiscard]] virtual AliasTargetConfig alias_target() const = 0;
};

}  // namespace cdk::route53
