#pragma once
/// cdkpp's built-in security rules run on every synthesis (and `validate`):
/// each finding is a warning naming the construct path (an error with
/// --strict). A finding that is accepted on purpose is suppressed on the
/// construct, or on a scope above it, with the reason the report shows:
///
///   cdk::security::suppress(assets_bucket, "S3-PUBLIC-ACCESS",
///                           "serves the public web assets through the website endpoint");
///
/// The rules, with their ids, severities, explanations and fixes, are listed
/// by `<program> validate --rules` and in README.md ("Security rules").
#include <cdk/construct.hpp>

#include <string>
#include <string_view>

namespace cdk::security {

/// Silences rule `rule_id` on `scope` and every construct below it. The reason
/// must say why the finding is acceptable (at least 10 characters); an unknown
/// rule id or an empty reason throws cdk::Error naming the scope's path.
void suppress(Construct& scope, std::string_view rule_id, std::string_view reason);

}  // namespace cdk::security
