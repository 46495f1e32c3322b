#pragma once
// How the commands name stacks: a pattern against a stack's construct path
// ("Prod/Network"), stack name ("Prod-Network") or artifact id. The one rule
// for synth, list, cost and the deploy commands. Internal.
#include <string_view>

namespace cdk::detail {

/// Glob over a construct path: '?' is one character and '*' any run, neither
/// crossing '/'; '**' is any run, '/' included ("Prod/*", "Prod/**", "*/Network").
bool stack_pattern_match(std::string_view pattern, std::string_view text);

/// Whether `pattern` selects the stack with this path, stack name or artifact id.
bool stack_pattern_selects(std::string_view pattern, std::string_view path, std::string_view stack_name,
                           std::string_view artifact_id);

}  // namespace cdk::detail
