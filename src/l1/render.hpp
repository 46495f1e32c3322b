#pragma once
/// Helpers the generated L1 sources (build tree, generated/src/l1/*.cpp) call to
/// render props into a Properties map and to check required properties. Kept
/// tiny and out of the public headers: every generated type uses these, so their
/// cost is paid once per shard, not once per type.
#include <cdk/error.hpp>
#include <cdk/prop.hpp>
#include <cdk/value.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::l1 {

using Map = Value::Map;

/// The Properties map being rendered. Construction and destruction are out of
/// line so the generated functions carry no inlined vector code or cleanup.
class Fields {
 public:
  explicit Fields(std::size_t reserve);
  ~Fields();
  Fields(const Fields&) = delete;
  Fields& operator=(const Fields&) = delete;
  void add(const char* name, Value v);
  /// The map so far, as a Value; the Fields is empty afterwards.
  Value done();
  Map& map() noexcept { return map_; }

 private:
  Map map_;
};

Value to_value(const CfnTag& tag);

// Out of line on purpose: thousands of call sites stay one call each, which
// keeps the generated sources quick to compile.
void put(Fields& m, const char* name, const detail::PropBase& p);
void put(Fields& m, const char* name, const Value& v);
void put_value(Fields& m, const char* name, Value v);
void put(Fields& m, const char* name, const Optional<CfnTag>& tag);
void put(Fields& m, const char* name, const std::vector<CfnTag>& tags);

// The struct overloads find the generated `to_value(const S&)` by argument-dependent
// lookup in the service's namespace (cdk::ec2, ...).
template <class S>
void put(Fields& m, const char* name, const Optional<S>& s) {
  if (s) put_value(m, name, to_value(*s));
}
template <class S>
void put(Fields& m, const char* name, const Boxed<S>& s) {
  if (s) put_value(m, name, to_value(*s));
}
/// A list of structs: items[i] is at data + i * stride, rendered by `render`.
void put_list(Fields& m, const char* name, const void* data, std::size_t count, std::size_t stride,
              Value (*render)(const void*));
template <class S>
void put(Fields& m, const char* name, const std::vector<S>& items) {
  if (items.empty()) return;
  put_list(m, name, items.data(), items.size(), sizeof(S),
           [](const void* item) -> Value { return to_value(*static_cast<const S*>(item)); });
}
template <class S>
void put(Fields& m, const char* name, const std::map<std::string, S>& entries) {
  if (entries.empty()) return;
  Map out;
  out.reserve(entries.size());
  for (const auto& [k, v] : entries) out.emplace_back(k, to_value(v));
  put_value(m, name, Value(std::move(out)));
}

inline bool is_set(const detail::PropBase& p) noexcept { return p.has_value(); }
inline bool is_set(const Value& v) noexcept { return !v.is_null(); }
template <class S>
bool is_set(const Optional<S>& s) noexcept { return s.has_value(); }
template <class S>
bool is_set(const Boxed<S>& s) noexcept { return s.has_value(); }
template <class S>
bool is_set(const std::vector<S>& v) noexcept { return !v.empty(); }
template <class S>
bool is_set(const std::map<std::string, S>& v) noexcept { return !v.empty(); }

// Required properties of nested property types: `check(const S&, out)` is
// generated per struct that has any, and found by argument-dependent lookup.
template <class S>
void check_nested(std::vector<Diagnostic>& out, const Optional<S>& s) {
  if (s) check(*s, out);
}
template <class S>
void check_nested(std::vector<Diagnostic>& out, const Boxed<S>& s) {
  if (s) check(*s, out);
}
template <class S>
void check_nested(std::vector<Diagnostic>& out, const std::vector<S>& items) {
  for (const auto& i : items) check(i, out);
}
template <class S>
void check_nested(std::vector<Diagnostic>& out, const std::map<std::string, S>& entries) {
  for (const auto& [k, v] : entries) check(v, out);
}

/// Appends "missing required property <property> of <type>" unless `set`.
/// `owner` is "" for a top-level property or the property type's name.
void require(std::vector<Diagnostic>& out, bool set, std::string_view cfn_type,
             std::string_view owner, std::string_view property, std::string_view field);

/// The typed Properties map plus whatever set_property() added to the untyped
/// map of the base class (for a name the typed props also set, the untyped wins,
/// like an override).
Value finish(Fields& typed, const Value& untyped);

}  // namespace cdk::l1
