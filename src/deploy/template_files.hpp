#pragma once
// Reading templates: a file of the assembly or given to diff, and a deployed
// stack's. Each failure is a DeployError naming what could not be read.
#include "deploy/cloudformation.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace cdk::deploy {

/// A template file, JSON or YAML; DeployError naming the file when it cannot
/// be read or is not a template (no Resources).
nlohmann::json read_template_file(const std::filesystem::path& file);

/// The template `name_or_id` has deployed, or an empty object when there is
/// no such stack; DeployError naming `display` when it cannot be read.
nlohmann::json deployed_template(const CloudFormation& cfn, const std::string& name_or_id, const std::string& display);

}  // namespace cdk::deploy
