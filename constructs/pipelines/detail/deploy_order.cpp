#include "deploy_order.hpp"

#include <cdk/cfn_element.hpp>
#include <cdk/error.hpp>
#include <cdk/stack.hpp>

#include <algorithm>
#include <functional>
#include <map>

namespace cdk::pipelines::detail {

namespace {

void add_unique(std::vector<const Stack*>& out, const Stack* s) {
  if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
}

}  // namespace

std::vector<const Stack*> stack_dependencies(const Stack& stack) {
  std::vector<const Stack*> out;
  for (const auto* d : stack.dependencies()) add_unique(out, d);
  std::function<void(const Construct&)> walk = [&](const Construct& c) {
    if (const auto* e = dynamic_cast<const CfnElement*>(&c)) {
      e->render().for_each_target([&](const CfnElement& target) {
        const auto* other = Stack::try_of(target);
        if (other != nullptr && other != &stack) add_unique(out, other);
      });
    }
    for (const auto* child : c.node().children())
      if (dynamic_cast<const Stack*>(child) == nullptr) walk(*child);
  };
  walk(stack);
  return out;
}

std::vector<std::vector<Stack*>> deploy_levels(const std::string& path, const std::vector<Stack*>& stacks) {
  std::map<const Stack*, std::vector<const Stack*>> within;  // dependencies inside the group
  for (auto* s : stacks)
    for (const auto* d : stack_dependencies(*s))
      if (std::find(stacks.begin(), stacks.end(), d) != stacks.end()) within[s].push_back(d);
  std::vector<std::vector<Stack*>> levels;
  std::vector<const Stack*> placed;
  while (placed.size() < stacks.size()) {
    std::vector<Stack*> level;
    for (auto* s : stacks) {
      if (std::find(placed.begin(), placed.end(), s) != placed.end()) continue;
      const auto& deps = within[s];
      if (std::all_of(deps.begin(), deps.end(), [&](const Stack* d) { return std::find(placed.begin(), placed.end(), d) != placed.end(); }))
        level.push_back(s);
    }
    if (level.empty())
      throw Error(path, "the stage's stacks depend on each other in a cycle", "break the cycle between its stacks");
    placed.insert(placed.end(), level.begin(), level.end());
    levels.push_back(std::move(level));
  }
  return levels;
}

}  // namespace cdk::pipelines::detail
