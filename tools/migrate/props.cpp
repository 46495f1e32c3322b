#include "props.hpp"

#include "values.hpp"

namespace migrate {

namespace {

using nlohmann::json;
using cfngen::plan::Field;
using cfngen::plan::ResourcePlan;
using cfngen::plan::Shape;
using Kind_ = cfngen::TypeRef::Kind;

/// Why the last conversion failed, for the fallback message.
struct Typing {
  Context& ctx;
  const ResourcePlan& plan;
  std::string why;

  std::optional<Code> fail(std::string reason) {
    if (why.empty()) why = std::move(reason);
    return std::nullopt;
  }

  [[nodiscard]] static bool literal_fits(Kind_ k, const json& j) {
    switch (k) {
      case Kind_::Integer: return j.is_number_integer();
      case Kind_::Number: return j.is_number();
      case Kind_::Boolean: return j.is_boolean();
      default: return j.is_string();
    }
  }

  /// One Prop<T>: a literal of its type, a token, or (another literal than
  /// the spec says) the value as written, wrapped in cdk::Value.
  std::optional<Code> scalar(Kind_ k, const json& j) {
    if (j.is_null()) return fail("a null value");
    if (is_intrinsic(ctx, j) || j.is_array() || j.is_object()) return value_code(ctx, j);
    if (literal_fits(k, j)) return value_code(ctx, j);
    return Code::of("cdk::Value(", {value_code(ctx, j)}, ")");
  }

  std::optional<Code> list(Kind_ k, const json& j) {
    if (!j.is_array()) return scalar(k, j);  // a token for the whole list
    if (j.empty()) return Code::leaf("cdk::Value(cdk::Value::List{})");
    std::vector<Code> items;
    for (const auto& item : j) {
      auto c = scalar(k, item);
      if (!c) return std::nullopt;
      items.push_back(std::move(*c));
    }
    return Code::of("{", std::move(items), "}");
  }

  std::optional<Code> map(Kind_ k, const json& j) {
    if (!j.is_object() || is_intrinsic(ctx, j)) return scalar(k, j);
    if (j.empty()) return Code::leaf("cdk::Value(cdk::Value::Map{})");
    std::vector<Code> entries;
    for (const auto& [key, v] : j.items()) {
      auto c = scalar(k, v);
      if (!c) return std::nullopt;
      entries.push_back(std::move(*c).around(entry_open(key), "}"));
    }
    return Code::of("{", std::move(entries), "}");
  }

  std::optional<Code> tag(const json& j) {
    if (!j.is_object() || j.size() != 2 || !j.contains("Key") || !j.contains("Value") || is_intrinsic(ctx, j))
      return fail("a tag that is not {Key, Value}");
    auto key = scalar(Kind_::String, j["Key"]);
    auto value = scalar(Kind_::String, j["Value"]);
    if (!key || !value) return std::nullopt;
    return Code::of("{", {std::move(*key), std::move(*value)}, "}");
  }

  std::optional<Code> tag_list(const json& j) {
    if (is_intrinsic(ctx, j)) return fail("tags computed by an intrinsic");
    if (!j.is_array() || j.empty()) return fail("tags that are not a non-empty list");
    std::vector<Code> items;
    for (const auto& item : j) {
      auto c = tag(item);
      if (!c) return std::nullopt;
      items.push_back(std::move(*c));
    }
    return Code::of("{", std::move(items), "}");
  }

  std::optional<Code> structure(const std::string& type_name, const json& j) {
    const auto* s = Catalog::find_struct(plan, type_name);
    if (s == nullptr) return fail("no typed struct for " + type_name);
    if (!j.is_object() || is_intrinsic(ctx, j)) return fail("a value computed by an intrinsic where " + s->name + " goes");
    for (const auto& [key, _] : j.items()) {
      bool known = false;
      for (const auto& f : s->fields) known = known || f.prop->name == key;
      if (!known) return fail("\"" + key + "\", which " + s->name + " does not have in the spec");
    }
    std::vector<Code> items;
    for (const auto& f : s->fields) {
      if (!j.contains(f.prop->name)) {
        if (f.prop->required) return fail(s->name + " without its required " + f.prop->name);
        continue;
      }
      auto c = field(f, j[f.prop->name]);
      if (!c) return std::nullopt;
      items.push_back(std::move(*c).around("." + f.name + " = "));
    }
    return Code::of(Catalog::qualified(plan) + "::" + s->name + "{", std::move(items), "}");
  }

  std::optional<Code> structure_list(const Field& f, const json& j) {
    if (is_intrinsic(ctx, j)) return fail("a value computed by an intrinsic where a list of structs goes");
    if (!j.is_array() || j.empty()) return fail("a value that is not a non-empty list where a list of structs goes");
    std::vector<Code> items;
    for (const auto& item : j) {
      auto c = structure(f.target, item);
      if (!c) return std::nullopt;
      items.push_back(std::move(*c));
    }
    return Code::of("{", std::move(items), "}");
  }

  std::optional<Code> structure_map(const Field& f, const json& j) {
    if (!j.is_object() || j.empty() || is_intrinsic(ctx, j)) return fail("a value that is not a map of structs");
    std::vector<Code> entries;
    for (const auto& [key, v] : j.items()) {
      auto c = structure(f.target, v);
      if (!c) return std::nullopt;
      entries.push_back(std::move(*c).around(entry_open(key), "}"));
    }
    return Code::of("{", std::move(entries), "}");
  }

  std::optional<Code> field(const Field& f, const json& j) {
    switch (f.shape) {
      case Shape::Scalar: return scalar(f.scalar, j);
      case Shape::List: return list(f.scalar, j);
      case Shape::Map: return map(f.scalar, j);
      case Shape::Json: return j.is_null() ? fail("a null value") : std::optional<Code>(value_code(ctx, j));
      case Shape::Struct: return structure(f.target, j);
      case Shape::StructList: return structure_list(f, j);
      case Shape::StructMap: return structure_map(f, j);
      case Shape::Tag: return tag(j);
      case Shape::TagList: return tag_list(j);
    }
    return fail("an unknown shape");
  }
};

const json& properties_of(const Element& e) {
  static const json empty = json::object();
  return e.body->contains("Properties") ? (*e.body)["Properties"] : empty;
}

ResourceProps untyped(Context& ctx, const Element& e) {
  const json& props = properties_of(e);
  ResourceProps out;
  if (!props.empty()) out.props = value_code(ctx, props);
  return out;
}

const Field* field_named(const ResourcePlan& plan, const std::string& name) {
  for (const auto& f : plan.props)
    if (f.prop->name == name) return &f;
  return nullptr;
}

}  // namespace

ResourceProps resource_props(Context& ctx, const Element& e, const ResourcePlan* plan) {
  const std::string type = (*e.body)["Type"].get<std::string>();
  if (plan == nullptr) {
    ctx.fall_back("", "cdk::CfnResource: the library has no typed class for " + type);
    return untyped(ctx, e);
  }
  const json& props = properties_of(e);
  ResourceProps out;
  out.typed = true;
  std::map<std::string, Code> typed;
  std::vector<Fallback> raw_reasons;
  for (const auto& [name, v] : props.items()) {
    const Field* f = field_named(*plan, name);
    Typing t{ctx, *plan, {}};
    std::optional<Code> c = f ? t.field(*f, v) : std::nullopt;
    if (c) {
      typed.emplace(name, std::move(*c).around("." + f->name + " = "));
      continue;
    }
    const std::string why = f ? t.why : "not a property of " + type + " in the spec";
    if (f && f->prop->required) {
      ctx.fall_back("", "cdk::CfnResource: its required property " + name + " has " + why);
      return untyped(ctx, e);
    }
    raw_reasons.push_back({"property " + name, why});
    out.raw.emplace_back(name, value_code(ctx, v));
  }
  for (const auto& f : plan->props)
    if (f.prop->required && !props.contains(f.prop->name)) {
      ctx.fall_back("", "cdk::CfnResource: it lacks the required property " + f.prop->name);
      return untyped(ctx, e);
    }
  std::vector<Code> items;
  for (const auto& f : plan->props)
    if (auto it = typed.find(f.prop->name); it != typed.end()) items.push_back(std::move(it->second));
  out.props = Code::of("{", std::move(items), "}");
  for (auto& r : raw_reasons) ctx.fall_back(std::move(r.where), "kept as written: " + r.why);
  return out;
}

}  // namespace migrate
