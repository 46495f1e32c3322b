#include <cdk/cfn_condition.hpp>

#include "core/element_error.hpp"

namespace cdk {

CfnCondition::CfnCondition(Construct& scope, std::string_view id, const CfnConditionProps& props)
    : CfnElement(scope, id), props_(std::move(props)) {}

std::vector<Diagnostic> CfnCondition::validate() const {
  if (props_.expression.is_null())
    return {detail::element_error("condition has no expression", "set .expression, e.g. Fn::condition_equals(a, b)")};
  return {};
}

}  // namespace cdk
