#pragma once
// Internal to cdk::pipelines: the order in which a stage deploys its stacks.
#include <string>
#include <vector>

namespace cdk {
class Stack;
}

namespace cdk::pipelines::detail {

/// The stacks `stack` depends on: its explicit dependencies and the stacks
/// whose elements its templates' values refer to (what synthesis turns into
/// exports and imports).
std::vector<const Stack*> stack_dependencies(const Stack& stack);

/// `stacks` in levels: each stack in a level after every stack of the group it
/// depends on. Throws cdk::Error naming `path` for a dependency cycle.
std::vector<std::vector<Stack*>> deploy_levels(const std::string& path, const std::vector<Stack*>& stacks);

}  // namespace cdk::pipelines::detail
