#include "values.hpp"

#include "naming.hpp"

#include <map>

namespace migrate {

namespace {

using nlohmann::json;

const std::map<std::string, std::string, std::less<>> kPseudo = {
    {"AWS::AccountId", "cdk::Aws::account_id()"},   {"AWS::Region", "cdk::Aws::region()"},
    {"AWS::Partition", "cdk::Aws::partition()"},    {"AWS::StackName", "cdk::Aws::stack_name()"},
    {"AWS::StackId", "cdk::Aws::stack_id()"},       {"AWS::URLSuffix", "cdk::Aws::url_suffix()"},
    {"AWS::NotificationARNs", "cdk::Aws::notification_arns()"}, {"AWS::NoValue", "cdk::Aws::no_value()"}};

std::vector<Code> codes_of(Context& ctx, const json& items) {
  std::vector<Code> out;
  for (const auto& item : items) out.push_back(value_code(ctx, item));
  return out;
}

Code generic(Context& ctx, const std::string& name, const json& arg) {
  return Code::of("cdk::Value::intrinsic(" + string_literal(name) + ", ", {value_code(ctx, arg)}, ")");
}

Code ref(Context& ctx, const json& arg) {
  if (!arg.is_string()) ctx.refuse("has a Ref to something that is not a name: " + arg.dump());
  const std::string id = arg.get<std::string>();
  if (auto p = kPseudo.find(id); p != kPseudo.end()) return Code::leaf(p->second);
  if (id.starts_with("AWS::")) return Code::leaf("cdk::Value::pseudo(" + string_literal(id) + ")");
  const Element* e = ctx.source.find(id);
  if (e && e->kind != Kind::Parameter && e->kind != Kind::Resource)
    ctx.refuse("has a Ref to " + describe(*e) + ", which is neither a parameter nor a resource");
  return Code::leaf(element_var(ctx, id, Kind::Resource, "refers to") + ".ref()");
}

/// `x.attr_arn()` where the typed class has the accessor, else `x.get_att("Arn")`.
Code get_att(Context& ctx, const json& arg) {
  std::string id, attribute;
  if (arg.is_string()) {
    const std::string s = arg.get<std::string>();
    const auto dot = s.find('.');
    if (dot == std::string::npos) ctx.refuse("has Fn::GetAtt \"" + s + "\" without an attribute");
    id = s.substr(0, dot);
    attribute = s.substr(dot + 1);
  } else if (arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_string()) {
    id = arg[0].get<std::string>();
    attribute = arg[1].get<std::string>();
  } else {
    return generic(ctx, "Fn::GetAtt", arg);  // an attribute computed by a function
  }
  const std::string var = element_var(ctx, id, Kind::Resource, "reads an attribute of");
  if (auto t = ctx.typed.find(id); t != ctx.typed.end())
    for (const auto& [accessor, name] : t->second->attrs)
      if (name == attribute) return Code::leaf(var + "." + accessor + "()");
  return Code::leaf(var + ".get_att(" + string_literal(attribute) + ")");
}

Code sub(Context& ctx, const json& arg) {
  if (arg.is_string()) return Code::of("cdk::Fn::sub(", {Code::leaf(string_literal(arg.get<std::string>()))}, ")");
  // The variables form with an empty map would come back as the string form.
  if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string() || !arg[1].is_object() || arg[1].empty())
    return generic(ctx, "Fn::Sub", arg);
  std::vector<Code> vars;
  for (const auto& [k, v] : arg[1].items()) vars.push_back(value_code(ctx, v).around(entry_open(k), "}"));
  return Code::of("cdk::Fn::sub(", {Code::leaf(string_literal(arg[0].get<std::string>())), Code::of("{", vars, "}")}, ")");
}

Code join(Context& ctx, const json& arg) {
  if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string() || !arg[1].is_array() || arg[1].empty())
    return generic(ctx, "Fn::Join", arg);
  return Code::of("cdk::Fn::join(",
                  {Code::leaf(string_literal(arg[0].get<std::string>())), Code::of("{", codes_of(ctx, arg[1]), "}")}, ")");
}

bool small_int(const json& j) { return j.is_number_integer() && j.get<std::int64_t>() >= 0 && j.get<std::int64_t>() < (1 << 30); }

Code select(Context& ctx, const json& arg) {
  if (!arg.is_array() || arg.size() != 2 || !small_int(arg[0])) return generic(ctx, "Fn::Select", arg);
  return Code::of("cdk::Fn::select(", {Code::leaf(scalar_literal(arg[0])), value_code(ctx, arg[1])}, ")");
}

Code split(Context& ctx, const json& arg) {
  if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string()) return generic(ctx, "Fn::Split", arg);
  return Code::of("cdk::Fn::split(", {Code::leaf(string_literal(arg[0].get<std::string>())), value_code(ctx, arg[1])},
                  ")");
}

Code get_azs(Context& ctx, const json& arg) {
  if (arg.is_string() && arg.get<std::string>().empty()) return Code::leaf("cdk::Fn::get_azs()");
  return Code::of("cdk::Fn::get_azs(", {value_code(ctx, arg)}, ")");
}

Code cidr(Context& ctx, const json& arg) {
  if (!arg.is_array() || arg.size() != 3 || !small_int(arg[1]) || !small_int(arg[2])) return generic(ctx, "Fn::Cidr", arg);
  return Code::of("cdk::Fn::cidr(",
                  {value_code(ctx, arg[0]), Code::leaf(scalar_literal(arg[1])), Code::leaf(scalar_literal(arg[2]))}, ")");
}

Code find_in_map(Context& ctx, const json& arg) {
  if (!arg.is_array() || arg.size() != 3 || !arg[0].is_string()) return generic(ctx, "Fn::FindInMap", arg);
  const std::string var = element_var(ctx, arg[0].get<std::string>(), Kind::Mapping, "looks up the mapping");
  return Code::of(var + ".find_in_map(", {value_code(ctx, arg[1]), value_code(ctx, arg[2])}, ")");
}

Code condition_if(Context& ctx, const json& arg) {
  if (!arg.is_array() || arg.size() != 3 || !arg[0].is_string()) ctx.refuse("has an Fn::If that is not [condition, then, else]");
  const std::string var = element_var(ctx, arg[0].get<std::string>(), Kind::Condition, "uses the condition");
  return Code::of("cdk::Fn::condition_if(", {Code::leaf(var), value_code(ctx, arg[1]), value_code(ctx, arg[2])}, ")");
}

Code condition_list(Context& ctx, const std::string& name, const json& arg) {
  if (name == "Fn::Equals" && arg.is_array() && arg.size() == 2)
    return Code::of("cdk::Fn::condition_equals(", codes_of(ctx, arg), ")");
  if (name == "Fn::Not" && arg.is_array() && arg.size() == 1)
    return Code::of("cdk::Fn::condition_not(", codes_of(ctx, arg), ")");
  if ((name == "Fn::And" || name == "Fn::Or") && arg.is_array() && !arg.empty())
    return Code::of(std::string("cdk::Fn::condition_") + (name == "Fn::And" ? "and" : "or") + "({", codes_of(ctx, arg),
                    "})");
  return generic(ctx, name, arg);
}

Code one_argument(Context& ctx, const char* function, const json& arg) {
  return Code::of(std::string(function) + "(", {value_code(ctx, arg)}, ")");
}

Code intrinsic(Context& ctx, const std::string& name, const json& arg) {
  if (name == "Ref") return ref(ctx, arg);
  if (name == "Condition")
    return Code::leaf("cdk::Fn::condition(" + element_var(ctx, arg.get<std::string>(), Kind::Condition, "uses") + ")");
  if (name == "Fn::GetAtt") return get_att(ctx, arg);
  if (name == "Fn::Sub") return sub(ctx, arg);
  if (name == "Fn::Join") return join(ctx, arg);
  if (name == "Fn::Select") return select(ctx, arg);
  if (name == "Fn::Split") return split(ctx, arg);
  if (name == "Fn::GetAZs") return get_azs(ctx, arg);
  if (name == "Fn::Cidr") return cidr(ctx, arg);
  if (name == "Fn::FindInMap") return find_in_map(ctx, arg);
  if (name == "Fn::If") return condition_if(ctx, arg);
  if (name == "Fn::Base64") return one_argument(ctx, "cdk::Fn::base64", arg);
  if (name == "Fn::ImportValue") return one_argument(ctx, "cdk::Fn::import_value", arg);
  if (name == "Fn::Equals" || name == "Fn::Not" || name == "Fn::And" || name == "Fn::Or")
    return condition_list(ctx, name, arg);
  return generic(ctx, name, arg);  // Fn::Length, Fn::ToJsonString, ...: kept as written
}

}  // namespace

bool is_intrinsic(const Context& ctx, const json& j) {
  if (!j.is_object() || j.size() != 1) return false;
  const std::string& key = j.begin().key();
  const json& arg = j.begin().value();
  if (key == "Ref" || key.starts_with("Fn::")) return true;
  if (key != "Condition" || !arg.is_string()) return false;
  const Element* e = ctx.source.find(arg.get<std::string>());
  return e != nullptr && e->kind == Kind::Condition;
}

std::string element_var(Context& ctx, const std::string& id, Kind kind, const char* used_as) {
  const Element* e = ctx.source.find(id);
  if (e == nullptr) ctx.refuse(std::string(used_as) + " \"" + id + "\", which the template does not define");
  const bool fits = e->kind == kind || (kind == Kind::Resource && e->kind == Kind::Parameter &&
                                        std::string_view(used_as) == "refers to");
  if (!fits) ctx.refuse(std::string(used_as) + " " + describe(*e) + ", which cannot be used that way");
  ctx.used.insert(id);
  return e->var;
}

Code value_code(Context& ctx, const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      ctx.dropped.push_back((ctx.current ? describe(*ctx.current) + ": " : std::string()) +
                            "a null value (a template written by cdkpp leaves nulls out)");
      return Code::leaf("cdk::Value()");
    case json::value_t::string: return Code::leaf(string_literal(j.get<std::string>()));
    case json::value_t::array:
      if (j.empty()) return Code::leaf("cdk::Value(cdk::Value::List{})");
      return Code::of("cdk::Value::list({", codes_of(ctx, j), "})");
    case json::value_t::object: break;
    default: return Code::leaf(scalar_literal(j));
  }
  if (is_intrinsic(ctx, j)) {
    const std::string& key = j.begin().key();
  const json& arg = j.begin().value();
    return intrinsic(ctx, key, arg);
  }
  if (j.empty()) return Code::leaf("cdk::Value(cdk::Value::Map{})");
  std::vector<Code> entries;
  for (const auto& [k, v] : j.items()) entries.push_back(value_code(ctx, v).around(entry_open(k), "}"));
  return Code::of("cdk::Value::map({", entries, "})");
}

}  // namespace migrate
