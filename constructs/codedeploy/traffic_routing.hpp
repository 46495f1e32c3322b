#pragma once
/// cdk::codedeploy::TrafficRouting: how an ECS (or Lambda) deployment moves
/// production traffic from the old version to the new one.
///
///   TrafficRouting::all_at_once()                 // everything at once
///   TrafficRouting::time_based_canary(10, 5)      // 10%, then the rest 5 minutes later
///   TrafficRouting::time_based_linear(10, 1)      // 10% more every minute
///
/// The configuration that uses it checks the numbers: a percentage of 1-99
/// (0 moves nothing and 100 is all at once) and an interval of 1 minute or more.
#include <cstdint>

namespace cdk::codedeploy {

class TrafficRouting {
 public:
  enum class Type : std::uint8_t { AllAtOnce, TimeBasedCanary, TimeBasedLinear };

  static TrafficRouting all_at_once() { return {Type::AllAtOnce, 0, 0}; }
  /// `percentage` of the traffic first, the rest `interval_minutes` later.
  static TrafficRouting time_based_canary(int percentage, int interval_minutes) {
    return {Type::TimeBasedCanary, percentage, interval_minutes};
  }
  /// `percentage` more of the traffic every `interval_minutes`.
  static TrafficRouting time_based_linear(int percentage, int interval_minutes) {
    return {Type::TimeBasedLinear, percentage, interval_minutes};
  }

  [[nodiscard]] Type type() const noexcept { return type_; }
  [[nodiscard]] int percentage() const noexcept { return percentage_; }
  [[nodiscard]] int interval_minutes() const noexcept { return interval_minutes_; }

 private:
  TrafficRouting(Type type, int percentage, int interval) : type_(type), percentage_(percentage), interval_minutes_(interval) {}
  Type type_;
  int percentage_;
  int interval_minutes_;
};

/// "AllAtOnce", "TimeBasedCanary" or "TimeBasedLinear", as CloudFormation spells them.
constexpr const char* traffic_routing_type_name(TrafficRouting::Type type) noexcept {
  switch (type) {
    case TrafficRouting::Type::AllAtOnce: return "AllAtOnce";
    case TrafficRouting::Type::TimeBasedCanary: return "TimeBasedCanary";
    case TrafficRouting::Type::TimeBasedLinear: return "TimeBasedLinear";
  }
  return "AllAtOnce";
}

}  // namespace cdk::codedeploy
