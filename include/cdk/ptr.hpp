#pragma once
/// cdk::Ptr<T>: how props name another construct of the tree.
///
/// A non-owning, nullable pointer that is built from a reference, so props read
/// naturally at the call site: `{.vpc = vpc, .targets = {web, api}}`. The tree
/// owns every construct, so a Ptr stays valid as long as the App does.
#include <type_traits>

namespace cdk {

template <class T>
class Ptr {
 public:
  constexpr Ptr() noexcept = default;
  constexpr Ptr(std::nullptr_t) noexcept {}  // NOLINT
  /// From a reference to T or to a class derived from T.
  template <class U>
    requires std::is_convertible_v<U*, T*>
  constexpr Ptr(U& target) noexcept : p_(&target) {}  // NOLINT
  template <class U>
    requires std::is_convertible_v<U*, T*>
  constexpr Ptr(Ptr<U> other) noexcept : p_(other.get()) {}  // NOLINT

  [[nodiscard]] constexpr T* get() const noexcept { return p_; }
  constexpr T& operator*() const noexcept { return *p_; }
  constexpr T* operator->() const noexcept { return p_; }
  constexpr explicit operator bool() const noexcept { return p_ != nullptr; }
  friend constexpr bool operator==(Ptr a, Ptr b) noexcept { return a.p_ == b.p_; }

 private:
  T* p_ = nullptr;
};

}  // namespace cdk
