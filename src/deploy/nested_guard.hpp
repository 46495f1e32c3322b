#pragma once
// The replacement guard inside nested stacks: a nested stack's resources are
// replaced or deleted by its parent's deploy, so the guard judges each nested
// template as it judges a top-level one.
#include "deploy/cloudformation.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace cdk::deploy {

struct NestedGuardInput {
  const CloudFormation& cfn;
  const std::string& stack;         ///< the deployed parent's name or id
  const nlohmann::json& local;      ///< the parent's template about to be deployed
  const std::filesystem::path& dir; ///< where the local nested templates are (beside the parent's)
  const std::vector<std::string>& allowed;  ///< --allow-replace
};

/// The refusals (one line each) for every deployed nested stack of `stack`,
/// and theirs in turn (deploy/nested_templates.hpp): its deployed template
/// against the local one; a nested stack gone from the template, or no longer
/// a nested stack, counts as deleting what it holds.
std::vector<std::string> guard_nested_stacks(const NestedGuardInput& input);

}  // namespace cdk::deploy
