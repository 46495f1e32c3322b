#pragma once
// Context: the values a program reads while it builds its tree, from
// cdkpp.json, CDK_CONTEXT_JSON (set by the AWS CDK CLI) and -c key=value.
// Parsed here once, for the App and the command line. Internal.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk {
class App;
}

namespace cdk::detail {

/// "key=value" split at the first '='; throws cdk::Error for anything else.
std::pair<std::string, std::string> parse_context_pair(std::string_view pair);

/// Reads cdkpp.json, CDK_CONTEXT_JSON and every -c/--context in `args` (later wins).
void load_context(App& app, const std::vector<std::string>& args);

/// "a, b,,c" -> {"a", "b", "c"}; a JSON array of strings (from a context
/// file) -> its items.
std::vector<std::string> split_context_list(std::string_view text);

}  // namespace cdk::detail
