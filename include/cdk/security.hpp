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
#include <cdk/list.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cdk::security {

/// Narrows a suppression of a cdk-nag rule to some of its findings.
struct SuppressOptions {
  /// cdk-nag's granular findings, e.g. {"Action::s3:GetObject*", "Resource::*"}
  /// for AwsSolutions-IAM5; cdk-nag ids only; default every finding of the rule.
  List<std::string> applies_to{};
};

/// Silences rule `rule_id` on `scope` and every construct below it. The reason
/// must say why the finding is acceptable (at least 10 characters); an unknown
/// rule id or an empty reason throws cdk::Error naming the scope's path.
///
/// `rule_id` is one of cdkpp's rules (`validate --rules`) or another tool's:
/// cdk-nag ("AwsSolutions-IAM5"), cfn_nag ("W9", "F1000"), checkov
/// ("CKV_AWS_20") or cfn-guard ("S3_BUCKET_SSL_REQUESTS_ONLY"). Synthesis
/// writes every suppression into the Metadata of the resources it covers, in
/// the form each tool reads (cdk_nag.rules_to_suppress,
/// cfn_nag.rules_to_suppress, checkov.skip, guard.SuppressedRules): a cdkpp
/// rule as the same finding's ids in those tools, on the resource types it
/// checks; another tool's id as given, on every resource below `scope`.
void suppress(Construct& scope, std::string_view rule_id, std::string_view reason,
              const SuppressOptions& options = {});

/// Records why the IAM statements that allow any of `actions`, on `scope` and
/// every construct below it, name wildcard resources: an action without
/// resource-level permissions (ecr:GetAuthorizationToken), or names made at run
/// time (log streams, task ids). Synthesis writes it as cdk-nag's
/// AwsSolutions-IAM5 suppression of exactly those statements' wildcard
/// resources, as cdk-nag names them ("Resource::*",
/// "Resource::arn:<AWS::Partition>:logs:...:log-group:/aws/codebuild/<Build>:*"),
/// with the reason; wildcard actions stay reported. Grants call it themselves
/// where the API leaves no choice:
///
///   cdk::security::explain_wildcard_resources(role, {"ecr:GetAuthorizationToken"},
///                                             "the token is for the registry: the action takes no resource");
///
/// Throws cdk::Error naming the scope's path without actions or a reason.
void explain_wildcard_resources(Construct& scope, const std::vector<std::string>& actions, std::string_view reason);
}  // namespace cdk::security
