#pragma once
/// Base of everything that becomes an entry of a template section.
#include <cdk/construct.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <optional>
#include <string>

namespace cdk {

class Stack;

/// The template section an element is written to.
enum class Section : std::uint8_t { Parameters, Mappings, Conditions, Rules, Resources, Outputs };

class CfnElement : public Construct {
 public:
  CfnElement(Construct& scope, std::string_view id);

  /// The stack this element is written to.
  [[nodiscard]] Stack& stack() const noexcept { return stack_; }
  [[nodiscard]] virtual Section section() const noexcept = 0;

  /// The logical id: the one given to override_logical_id, or the one the
  /// stack computes from the path (same algorithm as aws-cdk-lib).
  [[nodiscard]] std::string logical_id() const;
  /// Keeps a logical id across a refactor that moves the construct.
  /// Throws cdk::Error unless the id is 1-255 alphanumeric characters.
  void override_logical_id(std::string logical_id);
  [[nodiscard]] std::optional<std::string> logical_id_override() const { return logical_id_override_; }

  /// {"Ref": this}.
  [[nodiscard]] Value ref() const { return Value::ref(*this); }

  /// The body of this element's template entry, before resolution.
  [[nodiscard]] virtual Value render() const = 0;

 private:
  Stack& stack_;
  Optional<std::string> logical_id_override_;  // rare: one pointer, not a std::optional's 40 bytes
};

}  // namespace cdk
