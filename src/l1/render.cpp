#include "l1/render.hpp"

#include <algorithm>

namespace cdk::l1 {

Fields::Fields(std::size_t reserve) { map_.reserve(reserve); }
Fields::~Fields() = default;
void Fields::add(const char* name, Value v) { map_.emplace_back(name, std::move(v)); }
Value Fields::done() { return Value(std::move(map_)); }

Value to_value(const CfnTag& tag) {
  Fields m(2);
  put(m, "Key", tag.key);
  put(m, "Value", tag.value);
  return m.done();
}

void put(Fields& m, const char* name, const detail::PropBase& p) {
  if (p.has_value()) m.add(name, p.value());
}
void put(Fields& m, const char* name, const Value& v) {
  if (!v.is_null()) m.add(name, v);
}
void put_value(Fields& m, const char* name, Value v) {
  if (!v.is_null()) m.add(name, std::move(v));
}
void put(Fields& m, const char* name, const Optional<CfnTag>& tag) {
  if (tag) m.add(name, to_value(*tag));
}
void put(Fields& m, const char* name, const std::vector<CfnTag>& tags) {
  if (tags.empty()) return;
  Value::List out;
  out.reserve(tags.size());
  for (const auto& t : tags) out.push_back(to_value(t));
  m.add(name, Value(std::move(out)));
}

void put_list(Fields& m, const char* name, const void* data, std::size_t count, std::size_t stride,
              Value (*render)(const void*)) {
  Value::List out;
  out.reserve(count);
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < count; ++i) out.push_back(render(bytes + i * stride));
  m.add(name, Value(std::move(out)));
}

void require(std::vector<Diagnostic>& out, bool set, std::string_view cfn_type,
             std::string_view owner, std::string_view property, std::string_view field) {
  if (set) return;
  std::string message = "missing required property ";
  message += property;
  message += " of ";
  message += cfn_type;
  if (!owner.empty()) {
    message += '.';
    message += owner;
  }
  std::string hint = owner.empty() ? "set props." : "set ";
  if (!owner.empty()) {
    hint += owner;
    hint += "Property::";
  }
  hint += field;
  out.push_back(Diagnostic{.level = Diagnostic::Level::Error,
                           .path = "",
                           .message = std::move(message),
                           .hint = std::move(hint)});
}

Value finish(Fields& fields, const Value& untyped) {
  Map& typed = fields.map();
  if (untyped.is_null() || untyped.kind() != Value::Kind::Map) return fields.done();
  for (const auto& [name, value] : untyped.as_map()) {
    auto it = std::find_if(typed.begin(), typed.end(), [&](const auto& e) { return e.first == name; });
    if (it != typed.end()) {
      it->second = value;
    } else {
      typed.emplace_back(name, value);
    }
  }
  return fields.done();
}

}  // namespace cdk::l1
