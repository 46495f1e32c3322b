#pragma once
// A part of an object that few objects have, made on first use and held by
// one pointer: a large app's tree holds a hundred thousand constructs, most
// without it (no metadata, dependencies or overrides). Internal to cdkpp.
//
// The members are defined in src/core/on_demand.hpp and compiled once for
// each part type, in the source that defines the type; the header of the
// owner declares that instantiation extern, so that no file destroys a part
// whose type it cannot see.
namespace cdk::detail {

template <class T>
class OnDemand {
 public:
  OnDemand() noexcept = default;
  OnDemand(const OnDemand&) = delete;
  OnDemand& operator=(const OnDemand&) = delete;
  ~OnDemand();

  /// The part, made now if it was not yet.
  T& get();
  /// The part, or an empty one when it was never made.
  [[nodiscard]] const T& get_or_empty() const noexcept;

 private:
  T* part_ = nullptr;
};

}  // namespace cdk::detail
