// Resources: the typed class (or cdk::CfnResource) and the resource attributes.
#include "props.hpp"
#include "statement.hpp"
#include "values.hpp"

#include <map>

namespace migrate {

namespace {

using nlohmann::json;

const std::map<std::string, std::string, std::less<>> kPolicies = {
    {"Delete", "cdk::RemovalPolicy::Delete"},
    {"Retain", "cdk::RemovalPolicy::Retain"},
    {"Snapshot", "cdk::RemovalPolicy::Snapshot"},
    {"RetainExceptOnCreate", "cdk::RemovalPolicy::RetainExceptOnCreate"}};

void depends_on(Context& ctx, const Element& e, const json& deps, Statement& s) {
  const json list = deps.is_array() ? deps : json::array({deps});
  for (const auto& d : list) {
    if (!d.is_string()) ctx.refuse("has a DependsOn entry that is not a name");
    const std::string var = element_var(ctx, d.get<std::string>(), Kind::Resource, "depends on");
    s.after.push_back(call(e, "add_depends_on", {Code::leaf(var)}));
  }
}

/// DeletionPolicy and UpdateReplacePolicy: one call when they agree.
void policies(Context& ctx, const Element& e, Statement& s) {
  const json& r = *e.body;
  std::map<std::string, std::string> set;
  for (const char* key : {"DeletionPolicy", "UpdateReplacePolicy"}) {
    if (!r.contains(key)) continue;
    const json& v = r[key];
    if (!v.is_string()) {
      ctx.fall_back(key, "kept as written: a policy computed by an intrinsic");
      s.after.push_back(call(e, "add_override", {Code::leaf(string_literal(key)), value_code(ctx, v)}));
      continue;
    }
    auto p = kPolicies.find(v.get<std::string>());
    if (p == kPolicies.end())
      ctx.refuse("has " + std::string(key) + " \"" + v.get<std::string>() +
                 "\", which is not Delete, Retain, Snapshot or RetainExceptOnCreate");
    set[key] = p->second;
  }
  if (set.size() == 2 && set["DeletionPolicy"] == set["UpdateReplacePolicy"]) {
    s.after.push_back(call(e, "apply_removal_policy", {Code::leaf(set["DeletionPolicy"])}));
    return;
  }
  if (set.count("DeletionPolicy")) s.after.push_back(call(e, "set_deletion_policy", {Code::leaf(set["DeletionPolicy"])}));
  if (set.count("UpdateReplacePolicy"))
    s.after.push_back(call(e, "set_update_replace_policy", {Code::leaf(set["UpdateReplacePolicy"])}));
}

void metadata(Context& ctx, const Element& e, const json& m, Statement& s) {
  if (!m.is_object() || is_intrinsic(ctx, m)) {
    ctx.fall_back("Metadata", "kept as written: not a map");
    s.after.push_back(call(e, "add_override", {Code::leaf("\"Metadata\""), value_code(ctx, m)}));
    return;
  }
  for (const auto& [key, v] : m.items())
    if (key != "aws:cdk:path")  // the program writes its own construct paths there
      s.after.push_back(call(e, "add_metadata", {Code::leaf(string_literal(key)), value_code(ctx, v)}));
}

void attributes(Context& ctx, const Element& e, Statement& s) {
  const json& r = *e.body;
  for (const auto& [key, v] : r.items()) {
    if (key == "Type" || key == "Properties" || key == "DeletionPolicy" || key == "UpdateReplacePolicy") continue;
    if (key == "DependsOn") {
      depends_on(ctx, e, v, s);
    } else if (key == "Condition") {
      if (!v.is_string()) ctx.refuse("has a Condition that is not a name");
      s.after.push_back(call(e, "set_condition",
                             {Code::leaf(element_var(ctx, v.get<std::string>(), Kind::Condition, "uses the condition"))}));
    } else if (key == "UpdatePolicy") {
      s.after.push_back(call(e, "set_update_policy", {value_code(ctx, v)}));
    } else if (key == "CreationPolicy") {
      s.after.push_back(call(e, "set_creation_policy", {value_code(ctx, v)}));
    } else if (key == "Metadata") {
      metadata(ctx, e, v, s);
    } else {
      ctx.fall_back(key, "kept as written: an attribute the typed API has no setter for");
      s.after.push_back(call(e, "add_override", {Code::leaf(string_literal(key)), value_code(ctx, v)}));
    }
  }
  policies(ctx, e, s);
}

}  // namespace

Statement resource_statement(Context& ctx, const Element& e) {
  const std::string type = (*e.body)["Type"].get<std::string>();
  ResourceProps props = resource_props(ctx, e, ctx.catalog.find(type));
  Statement s;
  s.element = &e;
  std::vector<Code> args{Code::leaf(string_literal(e.construct_id))};
  if (props.typed) {
    const auto* plan = ctx.catalog.find(type);
    s.header = Catalog::header(*plan);
    if (props.props && !props.props->items.empty()) args.push_back(std::move(*props.props));
    s.add = Code::of("stack.add<" + Catalog::qualified(*plan) + ">(", std::move(args), ")");
    for (auto& [name, value] : props.raw)
      s.after.push_back(call(e, "set_property", {Code::leaf(string_literal(name)), std::move(value)}));
  } else {
    args.push_back(Code::leaf(string_literal(type)));
    if (props.props) args.push_back(std::move(*props.props));
    s.add = Code::of("stack.add<cdk::CfnResource>(", std::move(args), ")");
  }
  attributes(ctx, e, s);
  return s;
}

}  // namespace migrate
