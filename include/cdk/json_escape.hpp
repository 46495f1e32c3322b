#pragma once
/// The text of a JSON string without its quotes: '"', '\\' and control
/// characters escaped as JSON requires. For constructs that write a JSON
/// document into a string property (a dashboard body, a buildspec, an event
/// pattern's input).
#include <string>
#include <string_view>

namespace cdk {

/// Appends `text`, escaped, to `out`.
void append_json_escaped(std::string& out, std::string_view text);

/// `text`, escaped.
[[nodiscard]] std::string json_escaped(std::string_view text);

}  // namespace cdk
