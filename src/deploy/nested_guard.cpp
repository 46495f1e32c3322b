#include "deploy/nested_guard.hpp"

#include "deploy/nested_templates.hpp"
#include "deploy/replacement_guard.hpp"
#include "deploy/template_diff.hpp"

#include <fmt/format.h>

namespace cdk::deploy {

std::vector<std::string> guard_nested_stacks(const NestedGuardInput& in) {
  std::vector<std::string> refused;
  for_each_nested_stack(in.cfn, in.stack, in.local, in.dir, [&](const NestedTemplates& t) {
    const TemplateDiff diff = diff_templates(t.deployed, t.local);
    for (auto& line : guard_replacements({.diff = diff, .deployed = t.deployed, .local = t.local, .allowed = in.allowed}).refused)
      refused.push_back(fmt::format("{} (in nested stack {})", line, t.logical_id));
  });
  return refused;
}

}  // namespace cdk::deploy
