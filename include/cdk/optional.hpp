#pragma once
/// cdk::Optional<T>: the holder of an optional value in props structs: the
/// nested property types of the generated L1 classes
/// (`CfnBucket::Props::versioning_configuration`, ...) and the optional fields
/// of the construct props (`ec2::VpcProps::nat_gateway_provider`, ...).
///
/// It behaves like std::optional<T> where props use it: empty by default,
/// set from a T or a braced list, `if (p.x)`, `p.x->field`, `*p.x`,
/// `p.x.value()`, `p.x.value_or(...)`, `p.x.emplace(...)`, `p.x = std::nullopt`,
/// `p.x.reset()`, `p.x == value`, `p.x == std::nullopt`, and it converts to and
/// from std::optional<T>.
///
///   cdk::s3::CfnBucket::Props props{
///       .versioning_configuration = {{.status = "Enabled"}}};
///   if (props.versioning_configuration) use(props.versioning_configuration->status);
///   std::optional<int> azs = vpc_props.max_azs;              // a std::optional copy
///
/// Why not std::optional: a header holds hundreds of these, and each
/// std::optional<T> instantiation costs the compiler about 1.5 ms and 0.8 MB
/// (conditionally trivial special members, a dozen base classes), and every
/// file that includes the header pays for the empty ones its default member
/// initializers make; this one is one pointer to a heap copy of the value, so
/// an unset nested property of an L1 resource costs 8 bytes instead of its
/// whole struct (a large app holds a hundred thousand resources, most of their
/// nested properties unset), and its members are instantiated only when used.
/// Moving one moves the pointer: the source is left empty.
///
/// A value type may delete its values out of line: a function
/// `void cdk_delete_value(T*) noexcept` found by argument-dependent lookup (a
/// hidden friend; the prefix keeps a program's own functions from being taken
/// for it) is called instead of `delete`. The generated property types
/// declare one and define it in the library, so T's destructor, and those of
/// everything T holds, are compiled there once rather than in every file that
/// destroys props holding a T.
#include <optional>
#include <type_traits>
#include <utility>

namespace cdk {

namespace detail {
template <class U>
inline constexpr bool is_std_optional_v = false;
template <class U>
inline constexpr bool is_std_optional_v<std::optional<U>> = true;
/// What the value constructor and assignment take: not another optional.
template <class U, class Self>
concept OptionalValueArg = !std::is_same_v<std::remove_cvref_t<U>, Self> &&
                           !std::is_same_v<std::remove_cvref_t<U>, std::nullopt_t> &&
                           !is_std_optional_v<std::remove_cvref_t<U>>;
}  // namespace detail

template <class T>
class Optional {
 public:
  using value_type = T;

  Optional() noexcept {}
  Optional(std::nullopt_t) noexcept {}  // NOLINT: implicit like std::optional
  /// A value: `.x = T{...}`, `.x = {{...}}`, or anything T is made from.
  template <class U = T>
    requires detail::OptionalValueArg<U, Optional>
  Optional(U&& v) {  // NOLINT: implicit like std::optional
    emplace(std::forward<U>(v));
  }
  /// From a std::optional (a template, so std::optional<T> is never instantiated here).
  template <class U>
  Optional(const std::optional<U>& o) {  // NOLINT
    if (o) emplace(*o);
  }
  template <class U>
  Optional(std::optional<U>&& o) {  // NOLINT
    if (o) emplace(std::move(*o));
  }
  Optional(const Optional& o) {
    if (o) emplace(*o);
  }
  Optional(Optional&& o) noexcept : value_(std::exchange(o.value_, nullptr)) {}
  Optional& operator=(const Optional& o) {
    if (this != &o) {
      if (o) assign(*o);
      else reset();
    }
    return *this;
  }
  Optional& operator=(Optional&& o) noexcept {
    if (this != &o) {
      drop(value_);
      value_ = std::exchange(o.value_, nullptr);
    }
    return *this;
  }
  Optional& operator=(std::nullopt_t) noexcept {
    reset();
    return *this;
  }
  template <class U = T>
    requires detail::OptionalValueArg<U, Optional>
  Optional& operator=(U&& v) {
    assign(std::forward<U>(v));
    return *this;
  }
  template <class U>
  Optional& operator=(const std::optional<U>& o) {
    if (o) assign(*o);
    else reset();
    return *this;
  }
  template <class U>
  Optional& operator=(std::optional<U>&& o) {
    if (o) assign(std::move(*o));
    else reset();
    return *this;
  }
  ~Optional() { drop(value_); }
  /// A std::optional copy: `std::optional<T> o = props.x;` (a template, so
  /// std::optional<T> is instantiated only where one is made).
  template <class U>
    requires std::is_same_v<U, T>
  operator std::optional<U>() const {  // NOLINT: implicit like a copy
    return has_value() ? std::optional<U>(**this) : std::optional<U>();
  }

  [[nodiscard]] bool has_value() const noexcept { return value_ != nullptr; }
  explicit operator bool() const noexcept { return value_ != nullptr; }
  [[nodiscard]] T& operator*() & noexcept { return *value_; }
  [[nodiscard]] const T& operator*() const& noexcept { return *value_; }
  [[nodiscard]] T* operator->() noexcept { return value_; }
  [[nodiscard]] const T* operator->() const noexcept { return value_; }
  /// The value; throws std::bad_optional_access when empty.
  [[nodiscard]] T& value() & {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }
  [[nodiscard]] const T& value() const& {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }
  template <class... Args>
  T& emplace(Args&&... args) {
    T* made = new T(std::forward<Args>(args)...);  // before the old one goes: args may refer to it
    drop(value_);
    value_ = made;
    return *made;
  }
  void reset() noexcept {
    drop(value_);
    value_ = nullptr;
  }

  friend bool operator==(const Optional& o, std::nullopt_t) noexcept { return !o; }
  /// Equal when both are empty or both hold equal values.
  friend bool operator==(const Optional& a, const Optional& b) {
    return bool(a) == bool(b) && (!a || *a == *b);
  }
  /// Equal when it holds a value equal to v.
  template <class U>
    requires detail::OptionalValueArg<U, Optional>
  friend bool operator==(const Optional& o, const U& v) {
    return o && *o == v;
  }

 private:
  static void drop(T* value) noexcept {
    if constexpr (requires { cdk_delete_value(value); }) {
      if (value) cdk_delete_value(value);
    } else {
      delete value;
    }
  }
  template <class U>
  void assign(U&& v) {
    if (value_) *value_ = std::forward<U>(v);
    else emplace(std::forward<U>(v));
  }

  T* value_ = nullptr;  // the value on the heap, or null when empty
};

}  // namespace cdk
