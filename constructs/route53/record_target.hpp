#pragma once
/// What a record points at: values (IP addresses, names) or an alias target.
///
///   cdk::route53::RecordTarget::from_ip_addresses({"192.0.2.10", "192.0.2.11"})
///   cdk::route53::RecordTarget::alias(load_balancer)   // an IAliasRecordTarget
#include <cdk/route53/alias_target.hpp>
#include <cdk/value.hpp>

#include <optional>
#include <vector>

namespace cdk::route53 {

class RecordTarget {
 public:
  RecordTarget() = default;
  /// Literal IP addresses (checked against the record type).
  static RecordTarget from_ip_addresses(std::vector<Value> ips) { return RecordTarget(std::move(ips)); }
  /// Any record values (tokens too).
  static RecordTarget from_values(std::vector<Value> values) { return RecordTarget(std::move(values)); }
  /// An alias record to an AWS resource (no TTL: Route 53 uses the target's).
  static RecordTarget alias(const IAliasRecordTarget& target, bool evaluate_target_health = false) {
    RecordTarget t;
    t.alias_ = target.alias_target();
    t.evaluate_target_health_ = evaluate_target_health;
    return t;
  }

  [[nodiscard]] const std::vector<Value>& values() const noexcept { return values_; }
  [[nodiscard]] const std::optional<AliasTargetConfig>& alias_target() const noexcept { return alias_; }
  [[nodiscard]] bool evaluate_target_health() const noexcept { return evaluate_target_health_; }
  [[nodiscard]] bool empty() const noexcept { return values_.empty() && !alias_; }

 private:
  explicit RecordTarget(std::vector<Value> values) : values_(std::move(values)) {}
  std::vector<Value> values_;
  std::optional<AliasTargetConfig> alias_;
  bool evaluate_target_health_ = false;
};

}  // namespace cdk::route53
