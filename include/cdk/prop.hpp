#pragma once
/// Property values of the generated L1 classes (cdk::ec2::CfnVPC, ...).
///
/// Every property accepts a literal of its real type or a token: any cdk::Value
/// (Ref, Fn::GetAtt, Fn::Join, a parameter). A property left alone stays out of
/// the template.
///
///   auto& vpc = stack.add<cdk::ec2::CfnVPC>("Vpc", {
///       .cidr_block = "10.0.0.0/16",          // Prop<std::string>
///       .enable_dns_hostnames = true,         // Prop<bool>
///       .tags = {{"team", "infra"}}});        // std::vector<CfnTag>
///   stack.add<cdk::ec2::CfnSubnet>("A", {
///       .availability_zone = cdk::Fn::select(0, cdk::Fn::get_azs()),  // a token
///       .cidr_block = "10.0.0.0/24",
///       .vpc_id = vpc.ref()});
///
/// Nested property types are aggregates held in cdk::Optional<T> (one) or
/// std::vector<T> (a list); JSON-typed properties are plain cdk::Value.
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cdk {

namespace detail {

/// Which C++ literals a property of type T accepts. Deliberately narrow: a
/// Prop<bool> takes no pointer or integer, a Prop<std::int64_t> no bool or double.
template <class T, class U>
inline constexpr bool prop_literal_v = false;
template <class U>
inline constexpr bool prop_literal_v<std::string, U> =
    std::is_convertible_v<const U&, std::string_view> && !std::is_same_v<U, std::nullptr_t>;
template <>
inline constexpr bool prop_literal_v<bool, bool> = true;
template <class U>
inline constexpr bool prop_literal_v<std::int64_t, U> =
    std::is_integral_v<U> && !std::is_same_v<U, bool> && !std::is_same_v<U, char>;
template <class U>
inline constexpr bool prop_literal_v<double, U> =
    std::is_arithmetic_v<U> && !std::is_same_v<U, bool> && !std::is_same_v<U, char>;

template <class T, class U>
concept PropLiteral = prop_literal_v<T, std::remove_cvref_t<U>>;

template <class T, class U>
Value prop_literal_value(U&& u) {
  if constexpr (std::is_same_v<T, std::string>) {
    return Value(std::string(std::string_view(u)));
  } else if constexpr (std::is_same_v<T, double>) {
    return Value(static_cast<double>(u));
  } else {
    return Value(u);
  }
}

/// What every property wrapper holds: a Value, null while unset.
class PropBase {
 public:
  [[nodiscard]] const Value& value() const noexcept { return value_; }
  [[nodiscard]] bool has_value() const noexcept { return !value_.is_null(); }
  explicit operator bool() const noexcept { return has_value(); }

 protected:
  PropBase() noexcept = default;
  explicit PropBase(Value v) noexcept : value_(std::move(v)) {}
  Value value_;
};

}  // namespace detail

/// One scalar property: T is std::string, std::int64_t, double or bool.
template <class T>
class Prop : public detail::PropBase {
 public:
  using literal_type = T;
  Prop() noexcept = default;
  /// A literal: `.port = 443`, `.name = "web"`, `.enabled = true`.
  template <class U>
    requires detail::PropLiteral<T, U>
  Prop(U&& literal) : PropBase(detail::prop_literal_value<T>(std::forward<U>(literal))) {}  // NOLINT
  /// A token (or an untyped value): `.vpc_id = vpc.ref()`.
  Prop(Value token) noexcept : PropBase(std::move(token)) {}  // NOLINT
};

/// A list property: a list of literals and tokens, or one token for the whole
/// list (`cdk::Fn::get_azs()`, a list attribute).
template <class T>
class PropList : public detail::PropBase {
 public:
  using literal_type = T;
  PropList() noexcept = default;
  /// `.subnet_ids = {"subnet-1", subnet.ref()}`.
  PropList(std::initializer_list<Prop<T>> items) : PropBase(list_of(items)) {}  // NOLINT
  PropList(const std::vector<Prop<T>>& items) : PropBase(list_of(items)) {}     // NOLINT
  /// `.subnet_ids = ids` for a std::vector<std::string>.
  template <class U>
    requires detail::PropLiteral<T, U>
  PropList(const std::vector<U>& items) {  // NOLINT
    Value::List out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(detail::prop_literal_value<T>(i));
    value_ = Value(std::move(out));
  }
  /// One token for the whole list.
  PropList(Value token) noexcept : PropBase(std::move(token)) {}  // NOLINT

 private:
  template <class C>
  static Value list_of(const C& items) {
    Value::List out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(i.value());
    return Value(std::move(out));
  }
};

/// A map property with string keys, in the order given: `{{"k", "v"}, {"x", token}}`,
/// or one token for the whole map.
template <class T>
class PropMap : public detail::PropBase {
 public:
  using literal_type = T;
  PropMap() noexcept = default;
  PropMap(std::initializer_list<std::pair<std::string, Prop<T>>> entries) {  // NOLINT
    Value::Map out;
    out.reserve(entries.size());
    for (const auto& [k, v] : entries) out.emplace_back(k, v.value());
    value_ = Value(std::move(out));
  }
  template <class U>
    requires detail::PropLiteral<T, U>
  PropMap(const std::map<std::string, U>& entries) {  // NOLINT
    Value::Map out;
    out.reserve(entries.size());
    for (const auto& [k, v] : entries) out.emplace_back(k, detail::prop_literal_value<T>(v));
    value_ = Value(std::move(out));
  }
  PropMap(Value token) noexcept : PropBase(std::move(token)) {}  // NOLINT
};

/// A nested property type that contains itself (directly or through others):
/// like std::optional<T>, but on the heap so T may be incomplete here.
template <class T>
class Boxed {
 public:
  Boxed() noexcept = default;
  /// `.statement = {.byte_match_statement = ...}` works as with std::optional.
  template <class U = T>
    requires(!std::is_same_v<std::remove_cvref_t<U>, Boxed>)
  Boxed(U&& v) : ptr_(std::make_unique<T>(std::forward<U>(v))) {}  // NOLINT
  Boxed(const Boxed& o) : ptr_(o.ptr_ ? std::make_unique<T>(*o.ptr_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) ptr_ = o.ptr_ ? std::make_unique<T>(*o.ptr_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  ~Boxed() = default;

  [[nodiscard]] bool has_value() const noexcept { return ptr_ != nullptr; }
  explicit operator bool() const noexcept { return has_value(); }
  [[nodiscard]] T& operator*() const noexcept { return *ptr_; }
  [[nodiscard]] T* operator->() const noexcept { return ptr_.get(); }
  void reset() noexcept { ptr_.reset(); }

 private:
  std::unique_ptr<T> ptr_;
};

/// One tag of a resource's Tags list: `{"team", "infra"}`.
struct CfnTag {
  Prop<std::string> key;    ///< Key: required
  Prop<std::string> value;  ///< Value: required
};

}  // namespace cdk
