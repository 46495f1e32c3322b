#pragma once
/// Aspects visit every construct below a scope just before synthesis.
///
///   struct RequireVersioning : cdk::IAspect {
///     void visit(cdk::Construct& c) override { ... }
///   };
///   cdk::Aspects::of(stack).add(std::make_shared<RequireVersioning>());
#include <cdk/construct.hpp>

#include <memory>

namespace cdk {

class IAspect {
 public:
  virtual ~IAspect() = default;
  virtual void visit(Construct& construct) = 0;
};

class Aspects {
 public:
  static Aspects of(Construct& scope) { return Aspects(scope); }
  void add(std::shared_ptr<IAspect> aspect);
  [[nodiscard]] const std::vector<std::shared_ptr<IAspect>>& all() const noexcept {
    return scope_.node().aspects();
  }

 private:
  explicit Aspects(Construct& scope) : scope_(scope) {}
  Construct& scope_;
};

}  // namespace cdk
