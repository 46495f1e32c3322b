#pragma once
/// What CfnInclude needs to make an included resource its typed L1 class: the
/// table of generated readers by CloudFormation type (generated/src/l1/include_*.cpp)
/// and the helpers those readers call.
///
/// A value is taken into a typed field only when rendering the field gives the
/// value back unchanged: scalars, lists and maps keep the template's Value as
/// it is (a token included); nested property types must be literal maps whose
/// every key is a known property. Whatever does not fit is left out of the
/// typed props and stays with the resource as the template writes it.
#include <cdk/cfn_resource.hpp>
#include <cdk/prop.hpp>
#include <cdk/value.hpp>

#include <map>
#include <cdk/optional.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::l1 {

/// Reads one map: a resource's Properties or a nested property type's value.
class Reader {
 public:
  /// `value` may be anything; a non-map never fits.
  explicit Reader(const Value& value);

  /// The entry `name` when it is there and of the shape asked for (and marks it
  /// taken); nullptr when it is absent, or of another shape (marked rejected).
  const Value* scalar(const char* name);     ///< a scalar or a token
  const Value* list(const char* name);       ///< a list or a token
  const Value* map(const char* name);        ///< a map or a token
  const Value* any(const char* name);        ///< anything but null
  const Value* object(const char* name);     ///< a literal map (a property type)
  const Value* objects(const char* name);    ///< a non-empty literal list of literal maps
  const Value* object_map(const char* name); ///< a non-empty literal map of literal maps
  /// The entry just returned did not fit after all.
  void reject(const char* name);

  /// For a property type: a map whose every entry was taken.
  [[nodiscard]] bool fits() const;
  /// For a resource: the names of the entries not taken (unknown or not fitting).
  [[nodiscard]] std::vector<std::string> left_over() const;

 private:
  const Value* entry(const char* name, bool (*shape)(const Value&));
  const Value::Map* map_ = nullptr;
  std::vector<char> taken_;  // per entry: 0 not seen, 1 taken, 2 rejected
};

// Out of line on purpose, as cdk::l1::put: thousands of call sites stay one call each.
void take(Reader& r, const char* name, Prop<std::string>& p);
void take(Reader& r, const char* name, Prop<std::int64_t>& p);
void take(Reader& r, const char* name, Prop<double>& p);
void take(Reader& r, const char* name, Prop<bool>& p);
void take(Reader& r, const char* name, PropList<std::string>& p);
void take(Reader& r, const char* name, PropList<std::int64_t>& p);
void take(Reader& r, const char* name, PropList<double>& p);
void take(Reader& r, const char* name, PropList<bool>& p);
void take(Reader& r, const char* name, PropMap<std::string>& p);
void take(Reader& r, const char* name, PropMap<std::int64_t>& p);
void take(Reader& r, const char* name, PropMap<double>& p);
void take(Reader& r, const char* name, PropMap<bool>& p);
void take(Reader& r, const char* name, Value& v);
void take(Reader& r, const char* name, cdk::Optional<CfnTag>& tag);
void take(Reader& r, const char* name, std::vector<CfnTag>& tags);

// The property-type overloads find the generated `from_value(const Value&, S&)`
// by argument-dependent lookup in the service's namespace.
// Property types are filled in place, through the out-of-line take_object(s):
// a temporary S moved into the field, or the loops written here, would be
// instantiated for every property type and cost more compile time than the rest.
bool take_object(Reader& r, const char* name, void* field, bool (*fill)(const Value&, void* field));
bool take_objects(Reader& r, const char* name, void* field, std::size_t stride, void* (*resize)(void* field, std::size_t n),
                  bool (*fill)(const Value&, void* item));

template <class S>
void take(Reader& r, const char* name, cdk::Optional<S>& out) {
  take_object(r, name, &out, [](const Value& v, void* f) {
    auto& o = *static_cast<cdk::Optional<S>*>(f);
    if (from_value(v, o.emplace())) return true;
    o.reset();
    return false;
  });
}
template <class S>
void take(Reader& r, const char* name, Boxed<S>& out) {
  take_object(r, name, &out, [](const Value& v, void* f) {
    S s{};
    if (!from_value(v, s)) return false;
    *static_cast<Boxed<S>*>(f) = std::move(s);
    return true;
  });
}
template <class S>
void take(Reader& r, const char* name, std::vector<S>& out) {
  take_objects(
      r, name, &out, sizeof(S),
      [](void* f, std::size_t n) -> void* {
        auto& o = *static_cast<std::vector<S>*>(f);
        o = std::vector<S>(n);
        return o.data();
      },
      [](const Value& v, void* item) { return from_value(v, *static_cast<S*>(item)); });
}
template <class S>
void take(Reader& r, const char* name, std::map<std::string, S>& out) {
  const Value* v = r.object_map(name);
  if (!v) return;
  for (const auto& [k, item] : v->as_map()) {
    if (!from_value(item, out[k])) {
      out.clear();
      return r.reject(name);
    }
  }
}

/// One generated type: how to add it to a scope and fill its props.
struct IncludeType {
  std::string_view cfn_type;  ///< "AWS::EC2::VPC"
  CfnResource& (*make)(Construct& scope, std::string_view id);
  void (*read)(CfnResource& resource, Reader& properties);
};

/// Every shard's table (generated: include_types.cpp).
std::vector<std::span<const IncludeType>> include_type_tables();
/// The generated type for `cfn_type`, or nullptr (custom resources, AWS::Serverless::*,
/// services the build does not generate).
const IncludeType* find_include_type(std::string_view cfn_type);

}  // namespace cdk::l1
