#include "synth/stack_pattern.hpp"

namespace cdk::detail {

namespace {

constexpr char kSeparator = '/';

// Backtracking over the pattern; patterns are a few characters long.
bool match_from(std::string_view p, std::string_view t) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      p.remove_prefix(2);
      for (std::size_t i = 0; i <= t.size(); ++i)
        if (match_from(p, t.substr(i))) return true;
      return false;
    }
    if (p.front() == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0; i <= t.size(); ++i) {
        if (match_from(p, t.substr(i))) return true;
        if (i < t.size() && t[i] == kSeparator) break;
      }
      return false;
    }
    if (t.empty() || (p.front() == '?' ? t.front() == kSeparator : p.front() != t.front())) return false;
    p.remove_prefix(1);
    t.remove_prefix(1);
  }
  return t.empty();
}

}  // namespace

bool stack_pattern_match(std::string_view pattern, std::string_view text) { return match_from(pattern, text); }

bool stack_pattern_selects(std::string_view pattern, std::string_view path, std::string_view stack_name,
                           std::string_view artifact_id) {
  return stack_pattern_match(pattern, path) || stack_pattern_match(pattern, stack_name) ||
         stack_pattern_match(pattern, artifact_id);
}

}  // namespace cdk::detail
