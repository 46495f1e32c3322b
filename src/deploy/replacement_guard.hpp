#pragma once
// The replacement guard: deploy refuses to replace or delete a resource that
// holds data (a database, a bucket, a file system, ...) unless the user named
// it with --allow-replace or its template says it may be destroyed. Judged from
// the template diff (the spec's replacement data) and, when there is one, from
// the change set's own Replacement field.
#include "deploy/cloudformation.hpp"
#include "deploy/template_diff.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cdk::deploy {

/// Types whose replacement or deletion loses what they hold (data, keys,
/// secrets, names others point at). README "Deploying" lists them.
bool is_stateful_type(std::string_view type);
const std::vector<std::string_view>& stateful_types();

/// What the guard refuses in one stack, and what it only warns about: one line
/// each, naming the construct path, the type and logical id, and the property
/// that forces it.
struct GuardFindings {
  std::vector<std::string> refused;  ///< replaced for certain, or deleted
  std::vector<std::string> warned;   ///< replaced only for some values ("may replace")

  [[nodiscard]] bool empty() const noexcept { return refused.empty(); }
};

struct GuardInput {
  const TemplateDiff& diff;
  const nlohmann::json& deployed;  ///< the stack's template now ({} for a new stack)
  const nlohmann::json& local;     ///< the template about to be deployed
  const std::vector<ResourceChange>* change_set = nullptr;  ///< the change set's changes, when one was made
  const std::vector<std::string>& allowed;  ///< --allow-replace: construct paths or logical ids, * wildcards
};

/// A stateful resource is refused, unless `allowed` names it, when it is
/// - replaced (a property the spec says always replaces, a type change, or the
///   change set's Replacement True) and its template does not say Delete
///   (UpdateReplacePolicy, or DeletionPolicy without one): what it held is gone
///   from the app's view even when the old one is retained;
/// - removed from the template without a DeletionPolicy of its own (it would be
///   deleted by default; an explicit Delete, Retain or Snapshot is a decision).
/// A conditional replacement (spec "maybe", change set Conditional: RDS marks
/// MultiAZ, backup retention and maintenance windows so, which rarely replace)
/// is warned about instead.
GuardFindings guard_replacements(const GuardInput& input);

/// The construct path of a resource in a template (aws:cdk:path without its
/// trailing /Resource), or its logical id when the template has none.
std::string construct_path_of(const nlohmann::json& template_json, const std::string& logical_id);

}  // namespace cdk::deploy
