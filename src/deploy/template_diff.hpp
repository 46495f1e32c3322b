#pragma once
// Differences between a deployed template and a synthesized one, section by
// section and resource by resource, as `diff` prints them and as the approval
// check judges them.
#include "l1/replacement.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace cdk::deploy {

struct TemplateChange {
  enum class Kind { Added, Removed, Modified };
  std::string section;      ///< Resources, Outputs, Parameters, Conditions, Mappings, Rules, ...
  std::string logical_id;
  std::string type;         ///< resource type, for Resources
  Kind kind = Kind::Modified;
  std::vector<std::string> details;  ///< one line per changed property, for Modified
  /// Modified resources: whether CloudFormation replaces it, from the pinned
  /// spec's data for each changed property (a changed Type always replaces).
  l1::Replacement replacement = l1::Replacement::Never;
  std::vector<std::string> replacing;  ///< the properties (or "Type") that force the replacement

  [[nodiscard]] bool replaces() const noexcept { return replacement != l1::Replacement::Never; }
};

struct TemplateDiff {
  std::vector<TemplateChange> changes;

  [[nodiscard]] bool empty() const noexcept { return changes.empty(); }
  /// Changes that widen who may do what: IAM, security groups, resource policies
  /// and Lambda permissions added or modified. Removals never broaden.
  [[nodiscard]] std::vector<const TemplateChange*> security_changes() const;
  /// Resources CloudFormation replaces, always or conditionally.
  [[nodiscard]] std::vector<const TemplateChange*> replacements() const;
};

/// `old_template` is null or {} for a stack that does not exist yet.
TemplateDiff diff_templates(const nlohmann::json& old_template, const nlohmann::json& new_template);

/// Prints the diff of one stack the way `cdk diff` does: [+] added, [-] removed,
/// [~] modified; a replaced resource says so and names the properties that force it.
void print_diff(std::ostream& out, const std::string& stack, const TemplateDiff& diff);

/// True for resource types whose additions or changes grant access.
bool is_security_type(std::string_view type);

}  // namespace cdk::deploy
