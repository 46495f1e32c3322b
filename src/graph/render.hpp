#pragma once
// Rendering DOT text to a picture with Graphviz `dot`. Internal.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cdk::detail {

/// The first executable file named `name` in the directories of PATH.
std::optional<std::filesystem::path> find_on_path(std::string_view name);

/// Runs Graphviz `dot -T<format>` (format "svg" or "png") over `dot_text`
/// and returns the picture's bytes. Throws cdk::Error when `dot` is not on
/// PATH (install graphviz or use --format dot) or when it fails (its first
/// line of error output).
std::string render_with_dot(const std::string& dot_text, std::string_view format);

}  // namespace cdk::detail
