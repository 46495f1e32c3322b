#pragma once
// Validation plugins: checks that run over each synthesized stack, owned by
// synthesis and implemented above it (the security rule pack in
// src/security, and any later check), as aws-cdk-lib's policy validation
// plugins are. Synthesis calls them; it knows none of them by name. Internal.
#include "synth/resolve.hpp"

#include <cdk/error.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cdk {
class Construct;
class Stack;
}  // namespace cdk

namespace cdk::detail {

class StackView;

/// One rendered stack, as a plugin sees it.
struct StackUnderValidation {
  const Stack& stack;
  const StackView& view;  // its template
  /// Logical id -> the construct that made it (for paths and suppressions).
  const std::unordered_map<std::string, const Construct*>& constructs;
};

class ValidationPlugin {
 public:
  virtual ~ValidationPlugin() = default;
  /// A short name for reports, e.g. "cdkpp-security".
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// What the plugin finds in one stack. Errors fail the synthesis;
  /// warnings and infos are reported (warnings fail it under --strict).
  [[nodiscard]] virtual std::vector<Diagnostic> validate(const StackUnderValidation& stack) const = 0;
  /// Adds to a resource's template entry ({Type, Properties, Metadata, ...})
  /// as synthesis renders it, e.g. the suppressions outside tools read from
  /// Metadata; `resource` is the construct that made it. Default: nothing.
  virtual void annotate(const Construct& resource, Json& entry) const {
    (void)resource;
    (void)entry;
  }
};

}  // namespace cdk::detail
