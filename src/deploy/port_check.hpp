#pragma once
// `diff --template FILE`: what the first deploy of the app's template would do
// to a stack made from another template (one aws-cdk-lib synthesized, say), so
// a team ports stack by stack and sees ids only on one side, type changes and
// replacements before anything is deployed.
#include "deploy/template_diff.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>

namespace cdk::deploy {

struct PortCheck {
  int only_in_file = 0;   ///< resources the first deploy deletes
  int only_in_app = 0;    ///< resources it creates
  int type_changes = 0;
  int replaced = 0;       ///< always or conditionally, type changes included
  int refused = 0;        ///< what deploy would refuse without --allow-replace (replacement_guard.hpp)
};

/// Counts `diff` (file_template -> app_template) and prints the summary under
/// the diff: each deleted, retyped or replaced resource, those that hold data
/// marked, the aws-cdk-lib elements the app does not write (harmless to lose),
/// and what the replacement guard would refuse.
PortCheck print_port_check(std::ostream& out, const std::string& file, const TemplateDiff& diff,
                           const nlohmann::json& file_template, const nlohmann::json& app_template);

}  // namespace cdk::deploy
