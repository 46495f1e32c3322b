#include <cdk/cfn_mapping.hpp>
#include <cdk/fn.hpp>

#include "core/element_error.hpp"

#include <fmt/format.h>

namespace cdk {

CfnMapping::CfnMapping(Construct& scope, std::string_view id, const CfnMappingProps& props)
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
  if (props_.mapping.empty()) out.push_back(detail::element_error("mapping is empty", "add at least one entry"));
  for (const auto& [top, inner] : props_.mapping) {
    if (inner.empty()) out.push_back(detail::element_error(fmt::format("mapping key \"{}\" has no entries", top), "add entries"));
    for (const auto& [k, v] : inner)
      if (!v.is_literal())
        out.push_back(detail::element_error(fmt::format("mapping value [{}][{}] is not a literal", top, k),
                            "mappings hold literals only"));
  }
  return out;
}

}  // namespace cdk
