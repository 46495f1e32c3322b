#pragma once
// Suppressions written into the template, where outside tools read them.
// Internal.
#include "synth/resolve.hpp"

namespace cdk {
class Construct;
}

namespace cdk::detail::security {

/// Writes the suppressions covering `resource` (made on it or on a scope above
/// it) into its template entry's Metadata in each outside tool's form:
/// cdk_nag.rules_to_suppress [{id, reason, applies_to}], cfn_nag.rules_to_suppress
/// [{id, reason}], checkov.skip [{id, comment}] and guard.SuppressedRules [id].
/// A cdkpp rule becomes the same finding's ids in those tools, on the resource
/// types it checks (IAM-WILDCARD-ACTION: cdk-nag's IAM5 for the resource's
/// wildcard actions only); another tool's id is written as given. Explanations
/// of wildcard resources (security::explain_wildcard_resources) become cdk-nag
/// IAM5 entries for the wildcard resources of the statements they name.
void write_suppressions(const Construct& resource, Json& entry);

}  // namespace cdk::detail::security
