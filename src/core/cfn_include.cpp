#include <cdk/annotations.hpp>
#include <cdk/cfn_condition.hpp>
#include <cdk/cfn_include.hpp>
#include <cdk/cfn_mapping.hpp>
#include <cdk/cfn_parameter.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/template_text.hpp"
#include "core/typed_include.hpp"

namespace cdk {

namespace {

using nlohmann::json;

/// An output or rule kept as the template writes it (references resolved).
class IncludedElement : public CfnElement {
 public:
  IncludedElement(Construct& scope, std::string_view id, Section section)
      : CfnElement(scope, id), section_(section) {}
  [[nodiscard]] Section section() const noexcept override { return section_; }
  [[nodiscard]] Value render() const override { return body_; }
  void set_body(Value body) { body_ = std::move(body); }

 private:
  Section section_;
  Value body_;
};

std::string scalar_text(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

/// Equal as CloudFormation reads them: map entries in any order.
bool same_value(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::Map && b.kind() == Value::Kind::Map) {
    if (a.as_map().size() != b.as_map().size()) return false;
    for (const auto& [k, v] : a.as_map()) {
      const Value* other = b.find(k);
      if (other == nullptr || !same_value(v, *other)) return false;
    }
    return true;
  }
  if (a.kind() == Value::Kind::List && b.kind() == Value::Kind::List) {
    if (a.as_list().size() != b.as_list().size()) return false;
    for (std::size_t i = 0; i < a.as_list().size(); ++i)
      if (!same_value(a.as_list()[i], b.as_list()[i])) return false;
    return true;
  }
  if (a.kind() == Value::Kind::Intrinsic && b.kind() == Value::Kind::Intrinsic)
    return a.name() == b.name() && same_value(a.argument(), b.argument());
  return a == b;
}

std::optional<RemovalPolicy> removal_policy_named(const std::string& name) {
  if (name == "Delete") return RemovalPolicy::Delete;
  if (name == "Retain") return RemovalPolicy::Retain;
  if (name == "Snapshot") return RemovalPolicy::Snapshot;
  if (name == "RetainExceptOnCreate") return RemovalPolicy::RetainExceptOnCreate;
  return std::nullopt;
}

const json& section_of(const json& t, const char* name) {
  static const json empty = json::object();
  auto it = t.find(name);
  return it != t.end() && it->is_object() ? *it : empty;
}

}  // namespace

struct CfnInclude::Loader {
  CfnInclude& include;
  const CfnIncludeProps& props;
  json tpl;
  std::map<std::string, CfnElement*, std::less<>> by_id;
  std::set<std::string, std::less<>> typed_ids;  // resources made their L1 class

  [[noreturn]] void fail(const std::string& what, const std::string& fix) const {
    throw Error(include.node().path(), props.template_file + ": " + what, fix);
  }

  void read() {
    std::ifstream in(props.template_file, std::ios::binary);
    if (!in) fail("cannot be read", "check the path (relative to the working directory) and its permissions");
    std::ostringstream text;
    text << in.rdbuf();
    try {
      tpl = detail::read_template_text(text.str());
    } catch (const std::exception& e) {
      fail(std::string("is not a template JSON or YAML can read: ") + e.what(), "fix the file or convert it to JSON");
    }
    if (!tpl.contains("Resources") || !tpl["Resources"].is_object())
      fail("has no Resources section", "give a CloudFormation template");
    if (tpl.contains("Transform")) add_transforms(tpl["Transform"]);
    Stack& stack = Stack::of(include);
    if (stack.description().empty() && tpl.contains("Description"))
      stack.set_description(scalar_text(tpl["Description"]));
  }

  /// The stack gets the template's Transform(s), which CloudFormation runs before it deploys.
  void add_transforms(const json& transform) const {
    const json names = transform.is_array() ? transform : json::array({transform});
    for (const auto& name : names) {
      if (!name.is_string())
        fail("has a Transform with parameters (" + name.dump() + "), which cdkpp does not write into stacks",
             "include the processed template (the stack's template after the transform)");
      Stack::of(include).add_transform(name.get<std::string>());
    }
    Annotations::of(include).add_warning(props.template_file + " uses the Transform " + scalar_text(transform) +
                                         ": deploying it needs CAPABILITY_AUTO_EXPAND (cdkpp deploy sends it)");
  }

  template <class T>
  void add(const char* section, const std::string& id, T& element) {
    element.override_logical_id(id);
    include.sections_[section][id] = &element;
    by_id[id] = &element;
  }

  CfnElement& element(const std::string& id, const char* used_as) const {
    auto it = by_id.find(id);
    if (it == by_id.end())
      fail(std::string(used_as) + " \"" + id + "\", which the template does not define", "define it or correct the name");
    return *it->second;
  }

  CfnCondition& condition(const std::string& id) const {
    auto* c = dynamic_cast<CfnCondition*>(&element(id, "uses the condition"));
    if (!c) fail("uses \"" + id + "\" as a condition, but it is not one", "name a condition");
    return *c;
  }

  Value convert(const json& j) const {
    switch (j.type()) {
      case json::value_t::null: return {};
      case json::value_t::boolean: return j.get<bool>();
      case json::value_t::number_integer: return j.get<std::int64_t>();
      case json::value_t::number_unsigned: return static_cast<std::int64_t>(j.get<std::uint64_t>());
      case json::value_t::number_float: return j.get<double>();
      case json::value_t::string: return j.get<std::string>();
      case json::value_t::array: {
        Value::List items;
        items.reserve(j.size());
        for (const auto& item : j) items.push_back(convert(item));
        return items;
      }
      default: break;
    }
    if (j.size() == 1) {
      const auto& [key, arg] = *j.items().begin();
      if (key == "Ref" || key == "Condition" || key.starts_with("Fn::")) return intrinsic(key, arg);
    }
    Value::Map entries;
    entries.reserve(j.size());
    for (const auto& [k, v] : j.items()) entries.emplace_back(k, convert(v));
    return entries;
  }

  Value intrinsic(const std::string& name, const json& arg) const {
    if (name == "Ref" && arg.is_string()) return ref(arg.get<std::string>());
    if (name == "Condition" && arg.is_string())
      return Value::map({{"Condition", Value::logical_id(condition(arg.get<std::string>()))}});
    if (name == "Fn::GetAtt") return get_att(arg);
    if (name == "Fn::If" && arg.is_array() && arg.size() == 3 && arg[0].is_string())
      return Value::intrinsic(name, Value::list({Value::logical_id(condition(arg[0].get<std::string>())),
                                                 convert(arg[1]), convert(arg[2])}));
    if (name == "Fn::Sub") return sub(arg);
    return Value::intrinsic(name, convert(arg));
  }

  Value ref(const std::string& id) const {
    if (id.starts_with("AWS::")) return Value::pseudo(id);
    if (auto given = props.parameters.find(id); given != props.parameters.end()) return given->second;
    return Value::ref(element(id, "refers to"));
  }

  Value get_att(const json& arg) const {
    std::string id, attribute;
    if (arg.is_string()) {  // "Resource.Attribute" (the short form's string)
      const std::string s = arg.get<std::string>();
      const auto dot = s.find('.');
      if (dot == std::string::npos)
        fail("has Fn::GetAtt \"" + s + "\" without an attribute", "write Resource.Attribute");
      id = s.substr(0, dot);
      attribute = s.substr(dot + 1);
    } else if (arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_string()) {
      id = arg[0].get<std::string>();
      attribute = arg[1].get<std::string>();
    } else {
      return Value::intrinsic("Fn::GetAtt", convert(arg));  // an attribute name computed by a function
    }
    return Value::get_att(element(id, "reads an attribute of"), attribute);
  }

  /// Fn::Sub, with every replaced parameter its string names added to the variables.
  Value sub(const json& arg) const {
    const bool with_map = arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_object();
    if (!arg.is_string() && !with_map) return Value::intrinsic("Fn::Sub", convert(arg));
    const std::string text = with_map ? arg[0].get<std::string>() : arg.get<std::string>();
    Value::Map variables;
    if (with_map)
      for (const auto& [k, v] : arg[1].items()) variables.emplace_back(k, convert(v));
    for (const auto& [name, value] : props.parameters)
      if (text.find("${" + name + "}") != std::string::npos) variables.emplace_back(name, value);
    if (variables.empty()) return Value::intrinsic("Fn::Sub", text);
    return Value::intrinsic("Fn::Sub", Value::list({text, Value(std::move(variables))}));
  }

  void load_parameters() {
    for (const auto& [id, p] : section_of(tpl, "Parameters").items()) {
      if (props.parameters.count(id) != 0) continue;
      CfnParameterProps pp;
      pp.type = p.value("Type", "String");
      if (p.contains("Default")) pp.default_value = convert(p["Default"]);
      for (const auto& v : p.value("AllowedValues", json::array())) pp.allowed_values.push_back(scalar_text(v));
      pp.allowed_pattern = p.value("AllowedPattern", "");
      pp.description = p.value("Description", "");
      pp.constraint_description = p.value("ConstraintDescription", "");
      if (p.contains("MinLength")) pp.min_length = std::stoi(scalar_text(p["MinLength"]));
      if (p.contains("MaxLength")) pp.max_length = std::stoi(scalar_text(p["MaxLength"]));
      if (p.contains("MinValue")) pp.min_value = std::stod(scalar_text(p["MinValue"]));
      if (p.contains("MaxValue")) pp.max_value = std::stod(scalar_text(p["MaxValue"]));
      pp.no_echo = p.contains("NoEcho") && scalar_text(p["NoEcho"]) == "true";
      add("Parameters", id, include.add<CfnParameter>(id, std::move(pp)));
    }
    for (const auto& [name, _] : props.parameters)
      if (!section_of(tpl, "Parameters").contains(name))
        fail("has no parameter \"" + name + "\" to replace", "drop it from .parameters or correct the name");
  }

  void load_mappings() {
    for (const auto& [id, m] : section_of(tpl, "Mappings").items()) {
      CfnMappingProps mp;
      for (const auto& [top, second] : m.items())
        for (const auto& [key, v] : second.items()) mp.mapping[top][key] = convert(v);
      add("Mappings", id, include.add<CfnMapping>(id, std::move(mp)));
    }
  }

  /// In an order where each condition comes after the conditions it uses.
  void load_conditions() {
    std::map<std::string, const json*> pending;
    for (const auto& [id, c] : section_of(tpl, "Conditions").items()) pending[id] = &c;
    while (!pending.empty()) {
      bool progress = false;
      for (auto it = pending.begin(); it != pending.end();) {
        if (!uses_only_known_conditions(*it->second, pending)) {
          ++it;
          continue;
        }
        add("Conditions", it->first, include.add<CfnCondition>(it->first, CfnConditionProps{convert(*it->second)}));
        it = pending.erase(it);
        progress = true;
      }
      if (!progress)
        fail("has conditions that use each other in a circle: " + pending.begin()->first, "break the circle");
    }
  }

  static bool uses_only_known_conditions(const json& j, const std::map<std::string, const json*>& pending) {
    if (j.is_object()) {
      if (j.size() == 1 && j.contains("Condition") && j["Condition"].is_string())
        return pending.count(j["Condition"].get<std::string>()) == 0;
      for (const auto& [_, v] : j.items())
        if (!uses_only_known_conditions(v, pending)) return false;
    } else if (j.is_array()) {
      for (const auto& v : j)
        if (!uses_only_known_conditions(v, pending)) return false;
    }
    return true;
  }

  /// Every resource first (they refer to each other in any order), then their properties and attributes.
  /// A type with a generated L1 class becomes that class.
  void load_resources() {
    for (const auto& [id, r] : tpl["Resources"].items()) {
      if (!r.is_object() || !r.contains("Type") || !r["Type"].is_string())
        fail("resource \"" + id + "\" has no Type", "give every resource a Type");
      const std::string type = r["Type"].get<std::string>();
      CfnResource* typed = detail::add_typed_resource(include, id, type);
      add("Resources", id, typed ? *typed : include.add<CfnResource>(id, type));
      if (typed) typed_ids.insert(id);
    }
    for (const auto& [id, r] : tpl["Resources"].items()) fill_resource(id, static_cast<CfnResource&>(*by_id.at(id)), r);
  }

  /// Properties into the typed props where they fit; the rest set as the template writes them.
  void fill_properties(const std::string& id, CfnResource& resource, const json& r) const {
    Value::Map entries;  // each value converted alone: a property may be named Ref or Condition
    for (const auto& [name, v] : section_of(r, "Properties").items()) entries.emplace_back(name, convert(v));
    const Value properties(std::move(entries));
    if (typed_ids.count(id) == 0) {
      for (const auto& [name, v] : properties.as_map()) resource.set_property(name, v);
      return;
    }
    std::vector<std::string> untyped = detail::read_typed_properties(resource, properties);
    // What the typed props render must be what the template says; a property
    // that would come out otherwise is kept as written (set_property wins).
    const Value rendered = resource.render();
    const Value* typed_properties = rendered.find("Properties");
    for (const auto& [name, v] : properties.as_map()) {
      const Value* back = typed_properties ? typed_properties->find(name) : nullptr;
      if ((back == nullptr || !same_value(*back, v)) && std::find(untyped.begin(), untyped.end(), name) == untyped.end())
        untyped.push_back(name);
    }
    for (const auto& [name, v] : properties.as_map())
      if (std::find(untyped.begin(), untyped.end(), name) != untyped.end()) resource.set_property(name, v);
    if (!untyped.empty()) include.untyped_[id] = std::move(untyped);
  }

  void fill_resource(const std::string& id, CfnResource& resource, const json& r) const {
    fill_properties(id, resource, r);
    if (r.contains("DependsOn")) {
      const json deps = r["DependsOn"].is_array() ? r["DependsOn"] : json::array({r["DependsOn"]});
      for (const auto& d : deps) {
        auto* target = dynamic_cast<CfnResource*>(&element(scalar_text(d), "depends on"));
        if (!target) fail("has DependsOn \"" + scalar_text(d) + "\", which is not a resource", "name a resource");
        resource.add_depends_on(*target);
      }
    }
    if (r.contains("Condition")) resource.set_condition(condition(scalar_text(r["Condition"])));
    for (const char* key : {"DeletionPolicy", "UpdateReplacePolicy"}) {
      if (!r.contains(key)) continue;
      auto policy = removal_policy_named(scalar_text(r[key]));
      if (!policy) fail(std::string(key) + " \"" + scalar_text(r[key]) + "\" is not one CloudFormation knows",
                        "use Delete, Retain, Snapshot or RetainExceptOnCreate");
      if (std::string_view(key) == "DeletionPolicy") resource.set_deletion_policy(*policy);
      else resource.set_update_replace_policy(*policy);
    }
    if (r.contains("UpdatePolicy")) resource.set_update_policy(convert(r["UpdatePolicy"]));
    if (r.contains("CreationPolicy")) resource.set_creation_policy(convert(r["CreationPolicy"]));
    for (const auto& [key, v] : section_of(r, "Metadata").items())
      if (key != "aws:cdk:path") resource.add_metadata(key, convert(v));
  }

  void load_raw(const char* section_name, Section section) {
    for (const auto& [id, body] : section_of(tpl, section_name).items()) {
      auto& e = include.add<IncludedElement>(id, section);
      add(section_name, id, e);
      e.set_body(convert(body));
    }
  }
};

CfnInclude::CfnInclude(Construct& scope, std::string_view id, const CfnIncludeProps& props)
    : Construct(scope, id), template_file_(props.template_file) {
  Loader loader{*this, props, {}, {}};
  if (props.template_file.empty()) loader.fail("no template file", "set .template_file");
  loader.read();
  loader.load_parameters();
  loader.load_mappings();
  loader.load_conditions();
  loader.load_resources();
  loader.load_raw("Outputs", Section::Outputs);
  loader.load_raw("Rules", Section::Rules);
}

CfnElement& CfnInclude::find(std::string_view section, std::string_view logical_id) const {
  auto s = sections_.find(section);
  if (s != sections_.end())
    if (auto e = s->second.find(logical_id); e != s->second.end()) return *e->second;
  std::string known;
  if (s != sections_.end())
    for (const auto& [id, _] : s->second) known += (known.empty() ? "" : ", ") + id;
  throw Error(node().path(),
              "the included template has no " + std::string(section) + " entry \"" + std::string(logical_id) + "\"",
              known.empty() ? "it has none in that section" : "it has: " + known);
}

CfnResource& CfnInclude::get_resource(std::string_view id) const {
  return static_cast<CfnResource&>(find("Resources", id));
}
void CfnInclude::not_of_type(const CfnResource& resource, std::string_view id, std::string_view wanted) const {
  const std::string what = template_file_ + ": resource \"" + std::string(id) + "\" is " + resource.cfn_type();
  if (resource.cfn_type() != wanted)
    throw Error(node().path(), what + ", not " + std::string(wanted),
                "ask for the class of " + resource.cfn_type() + ", or use get_resource(id) for the CfnResource");
  throw Error(node().path(), what + ", kept as a generic CfnResource: this build reads no typed props for its service",
              "add the service to CDKPP_L1_INCLUDE_SERVICES, or use get_resource(id) and property overrides");
}

std::vector<std::string> CfnInclude::untyped_properties(std::string_view id) const {
  (void)get_resource(id);  // the error for an id the template does not have
  auto it = untyped_.find(id);
  return it == untyped_.end() ? std::vector<std::string>{} : it->second;
}

CfnParameter& CfnInclude::get_parameter(std::string_view id) const {
  return static_cast<CfnParameter&>(find("Parameters", id));
}
CfnCondition& CfnInclude::get_condition(std::string_view id) const {
  return static_cast<CfnCondition&>(find("Conditions", id));
}
CfnMapping& CfnInclude::get_mapping(std::string_view id) const {
  return static_cast<CfnMapping&>(find("Mappings", id));
}
CfnElement& CfnInclude::get_output(std::string_view id) const { return find("Outputs", id); }
CfnElement& CfnInclude::get_rule(std::string_view id) const { return find("Rules", id); }

}  // namespace cdk
