#pragma once
/// cdk::elbv2::ApplicationListenerRule: what an ApplicationListener does when
/// a request matches conditions (path pattern, host header, ...), tried in
/// priority order (lower first) before the listener's default action.
///
///   listener.add_targets("Api", {.port = 8080, .targets = {api},
///       .priority = 10, .conditions = {cdk::elbv2::ListenerCondition::path_patterns({"/api/*"})}});
///   listener.add_action("Legacy", {.priority = 20,
///       .conditions = {cdk::elbv2::ListenerCondition::host_headers({"old.example.com"})},
///       .action = cdk::elbv2::ListenerAction::redirect({.host = "new.example.com"})});
#include <cdk/construct.hpp>
#include <cdk/elbv2/listener_action.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>


#include <vector>

namespace cdk::elbv2 {

class ApplicationListener;
class CfnListenerRule;

struct ApplicationListenerRuleProps {
  Ptr<ApplicationListener> listener{};           ///< required
  int priority = 0;                              ///< 1-50000, unique per listener; required
  List<ListenerCondition> conditions{};          ///< at least one, at most 5; required
  Optional<ListenerAction> action{};             ///< required
};

class ApplicationListenerRule : public Construct {
 public:
  using Props = ApplicationListenerRuleProps;
  ApplicationListenerRule(Construct& scope, std::string_view id, const ApplicationListenerRuleProps& props);

  /// {"Ref": rule}: its ARN.
  [[nodiscard]] Value listener_rule_arn() const;
  [[nodiscard]] int priority() const noexcept { return priority_; }
  /// The L1 AWS::ElasticLoadBalancingV2::ListenerRule (escape hatch).
  [[nodiscard]] CfnListenerRule& cfn() noexcept { return *resource_; }

 private:
  int priority_;
  CfnListenerRule* resource_ = nullptr;
};

}  // namespace cdk::elbv2
