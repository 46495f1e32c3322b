// Parameters, mappings, conditions, rules and outputs.
#include "statement.hpp"
#include "values.hpp"

#include <set>

namespace migrate {

namespace {

using nlohmann::json;

const char* section_name(Kind k) {
  switch (k) {
    case Kind::Parameter: return "cdk::Section::Parameters";
    case Kind::Mapping: return "cdk::Section::Mappings";
    case Kind::Condition: return "cdk::Section::Conditions";
    case Kind::Rule: return "cdk::Section::Rules";
    case Kind::Resource: return "cdk::Section::Resources";
    case Kind::Output: return "cdk::Section::Outputs";
  }
  return "cdk::Section::Resources";
}

Code add_call(const Element& e, const std::string& type, std::vector<Code> args) {
  args.insert(args.begin(), Code::leaf(string_literal(e.construct_id)));
  return Code::of("stack.add<" + type + ">(", std::move(args), ")");
}

Statement typed(const Element& e, const std::string& type, std::vector<Code> fields) {
  Statement s;
  s.element = &e;
  s.add = add_call(e, type, {Code::of("{", std::move(fields), "}")});
  return s;
}

bool all_strings(const json& j) {
  if (!j.is_array()) return false;
  for (const auto& v : j)
    if (!v.is_string()) return false;
  return true;
}

/// Which parameter keys CfnParameterProps renders exactly as written.
std::string parameter_misfit(const json& p) {
  static const std::set<std::string> strings = {"Type", "AllowedPattern", "Description", "ConstraintDescription"};
  for (const auto& [k, v] : p.items()) {
    if (strings.count(k)) {
      if (!v.is_string() || v.get<std::string>().empty()) return k + " is not a non-empty string";
    } else if (k == "Default") {
      if (v.is_object() || v.is_null()) return "Default is not a literal";
    } else if (k == "AllowedValues") {
      if (!all_strings(v) || v.empty()) return "AllowedValues are not all strings";
    } else if (k == "MinLength" || k == "MaxLength") {
      if (!v.is_number_integer()) return k + " is not an integer";
    } else if (k == "MinValue" || k == "MaxValue") {
      if (!v.is_number()) return k + " is not a number";
    } else if (k == "NoEcho") {
      if (!v.is_boolean() || !v.get<bool>()) return "NoEcho is not true";
    } else {
      return "it has " + k;
    }
  }
  return {};
}

}  // namespace

Code call(const Element& e, const std::string& method, std::vector<Code> args) {
  return Code::of(e.var + "." + method + "(", std::move(args), ")");
}

Statement raw_element(Context& ctx, const Element& e, const std::string& why) {
  ctx.fall_back("", "RawElement (kept as written): " + why);
  Statement s;
  s.element = &e;
  s.raw_element = true;
  s.add = add_call(e, "RawElement", {Code::leaf(section_name(e.kind)), value_code(ctx, *e.body)});
  return s;
}

Statement parameter_statement(Context& ctx, const Element& e) {
  const json& p = *e.body;
  if (!p.is_object() || !p.contains("Type")) ctx.refuse("has no Type");
  if (auto misfit = parameter_misfit(p); !misfit.empty()) return raw_element(ctx, e, misfit);
  // In CfnParameterProps's declaration order.
  std::vector<Code> fields{Code::leaf(".type = " + string_literal(p["Type"].get<std::string>()))};
  if (p.contains("Default")) fields.push_back(value_code(ctx, p["Default"]).around(".default_value = "));
  if (p.contains("AllowedValues")) {
    Code values = value_code(ctx, p["AllowedValues"]);  // a std::vector<std::string> takes the bare list
    values.text = "{";
    values.close = "}";
    fields.push_back(std::move(values).around(".allowed_values = "));
  }
  for (const auto& [key, field] : std::vector<std::pair<std::string, std::string>>{
           {"AllowedPattern", "allowed_pattern"}, {"Description", "description"},
           {"ConstraintDescription", "constraint_description"}, {"MinLength", "min_length"},
           {"MaxLength", "max_length"}, {"MinValue", "min_value"}, {"MaxValue", "max_value"}})
    if (p.contains(key)) fields.push_back(value_code(ctx, p[key]).around("." + field + " = "));
  if (p.contains("NoEcho")) fields.push_back(Code::leaf(".no_echo = true"));
  return typed(e, "cdk::CfnParameter", std::move(fields));
}

Statement mapping_statement(Context& ctx, const Element& e) {
  const json& m = *e.body;
  if (!m.is_object() || m.empty()) ctx.refuse("is not a map of maps");
  std::vector<Code> tops;
  for (const auto& [top, second] : m.items()) {
    if (!second.is_object() || second.empty()) ctx.refuse("has \"" + top + "\", which is not a map");
    std::vector<Code> entries;
    for (const auto& [key, v] : second.items())
      entries.push_back(value_code(ctx, v).around(entry_open(key), "}"));
    tops.push_back(Code::of(entry_open(top) + "{", std::move(entries), "}}"));
  }
  return typed(e, "cdk::CfnMapping", {Code::of(".mapping = {", std::move(tops), "}")});
}

Statement condition_statement(Context& ctx, const Element& e) {
  return typed(e, "cdk::CfnCondition", {value_code(ctx, *e.body).around(".expression = ")});
}

Statement rule_statement(Context& ctx, const Element& e) {
  const json& r = *e.body;
  if (!r.is_object() || !r.contains("Assertions") || !r["Assertions"].is_array() || r["Assertions"].empty())
    return raw_element(ctx, e, "it has no list of Assertions");
  for (const auto& [k, _] : r.items())
    if (k != "RuleCondition" && k != "Assertions") return raw_element(ctx, e, "it has " + k);
  std::vector<Code> assertions;
  for (const auto& a : r["Assertions"]) {
    if (!a.is_object() || !a.contains("Assert") || a.size() > 2 ||
        (a.size() == 2 && (!a.contains("AssertDescription") || !a["AssertDescription"].is_string() ||
                           a["AssertDescription"].get<std::string>().empty())))
      return raw_element(ctx, e, "an assertion other than {Assert, AssertDescription}");
    std::vector<Code> fields{value_code(ctx, a["Assert"]).around(".assert_ = ")};
    if (a.contains("AssertDescription"))
      fields.push_back(Code::leaf(".description = " + string_literal(a["AssertDescription"].get<std::string>())));
    assertions.push_back(Code::of("{", std::move(fields), "}"));
  }
  std::vector<Code> fields;
  if (r.contains("RuleCondition")) fields.push_back(value_code(ctx, r["RuleCondition"]).around(".rule_condition = "));
  fields.push_back(Code::of(".assertions = {", std::move(assertions), "}"));
  return typed(e, "cdk::CfnRule", std::move(fields));
}

Statement output_statement(Context& ctx, const Element& e) {
  const json& o = *e.body;
  if (!o.is_object() || !o.contains("Value")) ctx.refuse("has no Value");
  for (const auto& [k, v] : o.items()) {
    if (k == "Value") continue;
    if (k == "Description" && v.is_string() && !v.get<std::string>().empty()) continue;
    if (k == "Export" && v.is_object() && v.size() == 1 && v.contains("Name") && v["Name"].is_string() &&
        !v["Name"].get<std::string>().empty())
      continue;
    if (k == "Condition" && v.is_string()) continue;
    return raw_element(ctx, e, k == "Export" ? "its export name is not a plain string" : "its " + k + " is not a plain string");
  }
  std::vector<Code> fields{value_code(ctx, o["Value"]).around(".value = ")};
  if (o.contains("Description")) fields.push_back(Code::leaf(".description = " + string_literal(o["Description"].get<std::string>())));
  if (o.contains("Export"))
    fields.push_back(Code::leaf(".export_name = " + string_literal(o["Export"]["Name"].get<std::string>())));
  if (o.contains("Condition"))
    fields.push_back(Code::leaf(".condition = &" + element_var(ctx, o["Condition"].get<std::string>(), Kind::Condition,
                                                               "uses the condition")));
  return typed(e, "cdk::CfnOutput", std::move(fields));
}

}  // namespace migrate
