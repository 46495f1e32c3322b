#pragma once
// The deployed nested stacks of a stack, each with its deployed template and
// the local one that will replace it: what the replacement guard and `diff`
// look into below a top-level stack.
#include "deploy/cloudformation.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace cdk::deploy {

struct NestedTemplates {
  std::string logical_id;   ///< of the nested stack's resource in its parent
  std::string physical_id;  ///< the deployed nested stack
  nlohmann::json deployed;
  /// From the local parent's aws:asset:path; {"Resources": {}} when the
  /// resource is gone or no longer a nested stack (its stack would be deleted).
  nlohmann::json local;
};

/// Calls `visit` for each deployed nested stack of `stack` (name or id) and,
/// after it, for theirs in turn. `local` is the parent's template about to be
/// deployed; the local nested templates are read from `dir`, beside it.
/// Throws DeployError for a template that cannot be read.
void for_each_nested_stack(const CloudFormation& cfn, const std::string& stack, const nlohmann::json& local,
                           const std::filesystem::path& dir, const std::function<void(const NestedTemplates&)>& visit);

}  // namespace cdk::deploy
