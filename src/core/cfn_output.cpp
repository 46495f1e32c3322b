#include <cdk/cfn_condition.hpp>
#include <cdk/cfn_output.hpp>
#include <cdk/fn.hpp>

#include "core/element_error.hpp"

#include <fmt/format.h>

namespace cdk {

CfnOutput::CfnOutput(Construct& scope, std::string_view id, const CfnOutputProps& props)
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
  if (props_.value.is_null()) out.push_back(detail::element_error("output has no value", "set .value"));
  if (props_.export_name.size() > 255)
    out.push_back(detail::element_error(fmt::format("export name is {} characters, over CloudFormation's 255",
                                    props_.export_name.size()),
                        "use a shorter export_name"));
  if (props_.description.size() > 1024)
    out.push_back(detail::element_error("output description is over 1024 characters", "shorten the description"));
  return out;
}

}  // namespace cdk
