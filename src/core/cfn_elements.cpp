// CfnParameter, CfnOutput, CfnCondition, CfnMapping, CfnRule: small template
// sections that share nothing but CfnElement.
#include <cdk/cfn_condition.hpp>
#include <cdk/cfn_mapping.hpp>
#include <cdk/cfn_output.hpp>
#include <cdk/cfn_parameter.hpp>
#include <cdk/cfn_rule.hpp>
#include <cdk/fn.hpp>

#include <fmt/format.h>

namespace cdk {

namespace {
Diagnostic error(std::string message, std::string hint) {
  return Diagnostic{Diagnostic::Level::Error, "", std::move(message), std::move(hint)};
}
}  // namespace

// ---- CfnParameter

CfnParameter::CfnParameter(Construct& scope, std::string_view id, CfnParameterProps props)
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
  if (props_.type.empty()) out.push_back(error("parameter has no type", "set .type, e.g. \"String\" or \"Number\""));
  if (!props_.default_value.is_literal())
    out.push_back(error("a parameter default must be a literal", "CloudFormation does not resolve intrinsics there"));
  if (props_.min_length && props_.max_length && *props_.min_length > *props_.max_length)
    out.push_back(error("min_length is greater than max_length", "swap or fix the bounds"));
  if (props_.min_value && props_.max_value && *props_.min_value > *props_.max_value)
    out.push_back(error("min_value is greater than max_value", "swap or fix the bounds"));
  return out;
}

// ---- CfnOutput

CfnOutput::CfnOutput(Construct& scope, std::string_view id, CfnOutputProps props)
    : CfnElement(scope, id), props_(std::move(props)) {}

Value CfnOutput::import_value() const {
  if (props_.export_name.empty())
    throw Error(node().path(), "import_value() of an output without export_name",
                "set .export_name on the output");
  return Fn::import_value(props_.export_name);
}

Value CfnOutput::render() const {
  Value::Map m;
  if (!props_.description.empty()) m.emplace_back("Description", props_.description);
  m.emplace_back("Value", props_.value);
  if (!props_.export_name.empty()) m.emplace_back("Export", Value::map({{"Name", props_.export_name}}));
  if (props_.condition != nullptr) m.emplace_back("Condition", Value::logical_id(*props_.condition));
  return Value(std::move(m));
}

std::vector<Diagnostic> CfnOutput::validate() const {
  std::vector<Diagnostic> out;
  if (props_.value.is_null()) out.push_back(error("output has no value", "set .value"));
  if (props_.export_name.size() > 255)
    out.push_back(error(fmt::format("export name is {} characters, over CloudFormation's 255",
                                    props_.export_name.size()),
                        "use a shorter export_name"));
  if (props_.description.size() > 1024)
    out.push_back(error("output description is over 1024 characters", "shorten the description"));
  return out;
}

// ---- CfnCondition

CfnCondition::CfnCondition(Construct& scope, std::string_view id, CfnConditionProps props)
    : CfnElement(scope, id), props_(std::move(props)) {}

std::vector<Diagnostic> CfnCondition::validate() const {
  if (props_.expression.is_null())
    return {error("condition has no expression", "set .expression, e.g. Fn::condition_equals(a, b)")};
  return {};
}

// ---- CfnMapping

CfnMapping::CfnMapping(Construct& scope, std::string_view id, CfnMappingProps props)
    : CfnElement(scope, id), props_(std::move(props)) {}

Value CfnMapping::find_in_map(Value top_level_key, Value second_level_key) const {
  if (top_level_key.kind() == Value::Kind::String && second_level_key.kind() == Value::Kind::String) {
    auto top = props_.mapping.find(top_level_key.as_string());
    if (top == props_.mapping.end() || !top->second.contains(second_level_key.as_string()))
      throw Error(node().path(),
                  fmt::format("mapping has no entry [{}][{}]", top_level_key.as_string(), second_level_key.as_string()),
                  "add the entry to the mapping or fix the keys");
  }
  return Fn::find_in_map(*this, std::move(top_level_key), std::move(second_level_key));
}

Value CfnMapping::render() const {
  Value::Map m;
  for (const auto& [top, inner] : props_.mapping) {
    Value::Map second;
    for (const auto& [k, v] : inner) second.emplace_back(k, v);
    m.emplace_back(top, Value(std::move(second)));
  }
  return Value(std::move(m));
}

std::vector<Diagnostic> CfnMapping::validate() const {
  std::vector<Diagnostic> out;
  if (props_.mapping.empty()) out.push_back(error("mapping is empty", "add at least one entry"));
  for (const auto& [top, inner] : props_.mapping) {
    if (inner.empty()) out.push_back(error(fmt::format("mapping key \"{}\" has no entries", top), "add entries"));
    for (const auto& [k, v] : inner)
      if (!v.is_literal())
        out.push_back(error(fmt::format("mapping value [{}][{}] is not a literal", top, k),
                            "mappings hold literals only"));
  }
  return out;
}

// ---- CfnRule

CfnRule::CfnRule(Construct& scope, std::string_view id, CfnRuleProps props)
    : CfnElement(scope, id), props_(std::move(props)) {}

Value CfnRule::render() const {
  Value::Map m;
  if (!props_.rule_condition.is_null()) m.emplace_back("RuleCondition", props_.rule_condition);
  Value::List assertions;
  for (const auto& a : props_.assertions) {
    Value::Map item{{"Assert", a.assert_}};
    if (!a.description.empty()) item.emplace_back("AssertDescription", a.description);
    assertions.emplace_back(std::move(item));
  }
  m.emplace_back("Assertions", Value(std::move(assertions)));
  return Value(std::move(m));
}

std::vector<Diagnostic> CfnRule::validate() const {
  if (props_.assertions.empty()) return {error("rule has no assertions", "add at least one to .assertions")};
  return {};
}

}  // namespace cdk
