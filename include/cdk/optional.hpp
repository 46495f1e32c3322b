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
/// initializers make; this one is a flag and a union for values up to a
/// pointer's size and one pointer to a heap copy for larger ones (an unset
/// nested property costs 8 bytes, not its whole struct), and its members are
/// instantiated only when used. Moving a larger value moves its pointer: the
/// source is left empty.
#include <new>
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

/// Where an Optional keeps its value: small ones (up to a pointer's size:
/// bool, int, enums) beside a flag, larger ones on the heap behind one
/// pointer, so that an empty nested property of an L1 resource costs 8 bytes
/// instead of its whole struct (a large app holds a hundred thousand
/// resources, most of their nested properties unset).
template <class T, bool Boxed = (sizeof(T) > sizeof(void*))>
class OptionalStorage {
 public:
  OptionalStorage() noexcept {}
  OptionalStorage(const OptionalStorage&) = delete;
  OptionalStorage& operator=(const OptionalStorage&) = delete;
  ~OptionalStorage() { reset(); }

  [[nodiscard]] bool has() const noexcept { return has_; }
  [[nodiscard]] T& get() noexcept { return value_; }
  [[nodiscard]] const T& get() const noexcept { return value_; }
  template <class... Args>
  T& make(Args&&... args) {
    reset();
    ::new (static_cast<void*>(&value_)) T(std::forward<Args>(args)...);
    has_ = true;
    return value_;
  }
  /// Takes o's value (o keeps a moved-from one, as with std::optional).
  void take(OptionalStorage& o) {
    if (!o.has_) reset();
    else if (has_) value_ = std::move(o.value_);
    else make(std::move(o.value_));
  }
  void reset() noexcept {
    if (has_) {
      value_.~T();
      has_ = false;
    }
  }

 private:
  bool has_ = false;
  union {
    T value_;
  };
};

template <class T>
class OptionalStorage<T, true> {
 public:
  OptionalStorage() noexcept = default;
  OptionalStorage(const OptionalStorage&) = delete;
  OptionalStorage& operator=(const OptionalStorage&) = delete;
  ~OptionalStorage() { delete value_; }

  [[nodiscard]] bool has() const noexcept { return value_ != nullptr; }
  [[nodiscard]] T& get() noexcept { return *value_; }
  [[nodiscard]] const T& get() const noexcept { return *value_; }
  template <class... Args>
  T& make(Args&&... args) {
    T* made = new T(std::forward<Args>(args)...);
    delete value_;
    value_ = made;
    return *made;
  }
  /// Takes o's value (o is left empty: the value moves with its pointer).
  void take(OptionalStorage& o) noexcept {
    if (this == &o) return;
    delete value_;
    value_ = o.value_;
    o.value_ = nullptr;
  }
  void reset() noexcept {
    delete value_;
    value_ = nullptr;
  }

 private:
  T* value_ = nullptr;
};
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
    store_.make(std::forward<U>(v));
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
  Optional(Optional&& o) noexcept { store_.take(o.store_); }
  Optional& operator=(const Optional& o) {
    if (this != &o) {
      if (o) assign(*o);
      else reset();
    }
    return *this;
  }
  Optional& operator=(Optional&& o) noexcept {
    if (this != &o) store_.take(o.store_);
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
  ~Optional() = default;
  /// A std::optional copy: `std::optional<T> o = props.x;` (a template, so
  /// std::optional<T> is instantiated only where one is made).
  template <class U>
    requires std::is_same_v<U, T>
  operator std::optional<U>() const {  // NOLINT: implicit like a copy
    return has_value() ? std::optional<U>(**this) : std::optional<U>();
  }

  [[nodiscard]] bool has_value() const noexcept { return store_.has(); }
  explicit operator bool() const noexcept { return store_.has(); }
  [[nodiscard]] T& operator*() & noexcept { return store_.get(); }
  [[nodiscard]] const T& operator*() const& noexcept { return store_.get(); }
  [[nodiscard]] T* operator->() noexcept { return &store_.get(); }
  [[nodiscard]] const T* operator->() const noexcept { return &store_.get(); }
  /// The value; throws std::bad_optional_access when empty.
  [[nodiscard]] T& value() & {
    if (!has_value()) throw std::bad_optional_access();
    return store_.get();
  }
  [[nodiscard]] const T& value() const& {
    if (!has_value()) throw std::bad_optional_access();
    return store_.get();
  }
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return has_value() ? store_.get() : static_cast<T>(std::forward<U>(fallback));
  }
  template <class... Args>
  T& emplace(Args&&... args) {
    return store_.make(std::forward<Args>(args)...);
  }
  void reset() noexcept { store_.reset(); }

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
  template <class U>
  void assign(U&& v) {
    if (has_value()) store_.get() = std::forward<U>(v);
    else store_.make(std::forward<U>(v));
  }

  detail::OptionalStorage<T> store_;
};

}  // namespace cdk
