#include <cdk/cfn_rule.hpp>

#include "core/element_error.hpp"

namespace cdk {

CfnRule::CfnRule(Construct& scope, std::string_view id, const CfnRuleProps& props)
    : CfnElement(scope, id), props_(std::move(props)) {}

Value CfnRule::render() const {
  Value::Map m;
  if (!props_.rule_condition.is_null()) m.emplace_back("RuleCondition", props_.rule_condition);
  Value::List assertions;
  for (const auto& a : props_.assertions) {
    Value::Map item;
    item.reserve(2);
    item.emplace_back("Assert", a.assert_);
    if (!a.description.empty()) item.emplace_back("AssertDescription", a.description);
    assertions.emplace_back(std::move(item));
  }
  m.emplace_back("Assertions", Value(std::move(assertions)));
  return Value(std::move(m));
}

std::vector<Diagnostic> CfnRule::validate() const {
  if (props_.assertions.empty()) return {detail::element_error("rule has no assertions", "add at least one to .assertions")};
  return {};
}

}  // namespace cdk
