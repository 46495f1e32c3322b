#pragma once
// C++ expressions as a small tree, laid out on one line when they fit and one
// item per line when they do not, so generated programs read like written ones.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace migrate {

struct Code {
  std::string prefix;        ///< before the expression: ".cidr_block = ", "{\"Key\", "
  std::string text;          ///< a leaf; or, for a group, what opens it: "cdk::Value::list({"
  std::vector<Code> items;   ///< a group's items, separated by ", "
  std::string close;         ///< what closes a group: "})"
  std::string suffix;        ///< after the expression: "}"
  bool group = false;

  static Code leaf(std::string text) { return Code{{}, std::move(text), {}, {}, {}, false}; }
  static Code of(std::string open, std::vector<Code> items, std::string close) {
    return Code{{}, std::move(open), std::move(items), std::move(close), {}, true};
  }
  /// This code with `prefix` before it and `suffix` after it.
  [[nodiscard]] Code around(std::string before, std::string after = {}) && {
    prefix = std::move(before) + prefix;
    suffix += std::move(after);
    return std::move(*this);
  }

  /// On one line, whatever its length.
  [[nodiscard]] std::string inline_text() const;
  /// Laid out for a line that starts at column `indent`.
  [[nodiscard]] std::string layout(std::size_t indent) const;

 private:
  /// Whether a group that does not fit opens its last item on its first line.
  [[nodiscard]] bool hugs_last_item() const;
};

/// A C++ string literal holding `s` exactly: escaped, or a raw literal for
/// multi-line text.
std::string string_literal(std::string_view s);
/// What opens a map entry: `{"key", `.
std::string entry_open(std::string_view key);
/// A C++ literal for a JSON number or bool ("42", "1.5", "true").
std::string scalar_literal(const nlohmann::json& j);
/// A C++ identifier for a logical id: "VpcSubnet1" -> "vpc_subnet1", keywords escaped.
std::string identifier(std::string_view logical_id);

}  // namespace migrate
