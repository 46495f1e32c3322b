#include <cdk/cfn_parameter.hpp>

#include "core/element_error.hpp"

namespace cdk {

CfnParameter::CfnParameter(Construct& scope, std::string_view id, const CfnParameterProps& props)
    : CfnElement(scope, id), props_(std::move(props)) {}

Value CfnParameter::render() const {
  Value::Map m{{"Type", props_.type}};
  if (!props_.default_value.is_null()) m.emplace_back("Default", props_.default_value);
  if (!props_.allowed_values.empty()) m.emplace_back("AllowedValues", Value(props_.allowed_values));
  if (!props_.allowed_pattern.empty()) m.emplace_back("AllowedPattern", props_.allowed_pattern);
  if (!props_.constraint_description.empty()) m.emplace_back("ConstraintDescription", props_.constraint_description);
  if (!props_.description.empty()) m.emplace_back("Description", props_.description);
  if (props_.max_length) m.emplace_back("MaxLength", *props_.max_length);
  if (props_.max_value) m.emplace_back("MaxValue", *props_.max_value);
  if (props_.min_length) m.emplace_back("MinLength", *props_.min_length);
  if (props_.min_value) m.emplace_back("MinValue", *props_.min_value);
  if (props_.no_echo) m.emplace_back("NoEcho", true);
  return Value(std::move(m));
}

std::vector<Diagnostic> CfnParameter::validate() const {
  std::vector<Diagnostic> out;
  if (props_.type.empty()) out.push_back(detail::element_error("parameter has no type", "set .type, e.g. \"String\" or \"Number\""));
  if (!props_.default_value.is_literal())
    out.push_back(detail::element_error("a parameter default must be a literal", "CloudFormation does not resolve intrinsics there"));
  if (props_.min_length && props_.max_length && *props_.min_length > *props_.max_length)
    out.push_back(detail::element_error("min_length is greater than max_length", "swap or fix the bounds"));
  if (props_.min_value && props_.max_value && *props_.min_value > *props_.max_value)
    out.push_back(detail::element_error("min_value is greater than max_value", "swap or fix the bounds"));
  return out;
}

}  // namespace cdk
