#pragma once
// The toolkit stack `bootstrap` deploys: the resources that deploys with
// assets need, named as `cdk bootstrap` names them, so cdkpp and the AWS CDK
// CLI share one bootstrap per account and region (README "Bootstrap").
#include <string>

namespace cdk::deploy {

/// The stack both cdkpp and the AWS CDK CLI bootstrap into.
inline constexpr const char* default_toolkit_stack = "CDKToolkit";
/// cdkpp's earlier toolkit stack (a template staging bucket only); still read for large templates.
inline constexpr const char* legacy_toolkit_stack = "CdkppToolkit";
/// aws-cdk-lib's default synthesizer qualifier.
inline constexpr const char* default_qualifier = "hnb659fds";
/// The version this template provides, written to /cdk-bootstrap/<qualifier>/version. 6 is the
/// oldest that aws-cdk-lib's default synthesizer accepts; `cdk bootstrap` sees it as older than
/// its own template and upgrades the stack in place.
inline constexpr int bootstrap_version = 6;
inline constexpr const char* staging_bucket_logical_id = "StagingBucket";
inline constexpr const char* bucket_name_output = "BucketName";

/// The toolkit stack's template. Its one parameter, Qualifier, defaults to
/// `qualifier` (the same parameter name `cdk bootstrap` uses, so an upgrade by
/// the AWS CDK CLI keeps it).
std::string toolkit_template(const std::string& qualifier = default_qualifier);

/// Bootstrap qualifiers are what `cdk bootstrap` accepts: 1 to 10 lower-case letters or digits.
bool is_valid_qualifier(const std::string& qualifier);

}  // namespace cdk::deploy
