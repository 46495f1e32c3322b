#pragma once
// Other security tools' rule ids: which tool an id belongs to, and the ids
// under which each tool reports the same finding as one of cdkpp's rules, so
// that one suppression with one reason is honoured by all of them. Internal.
#include "synth/resolve.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail::security {

enum class Tool { CdkNag, CfnNag, Checkov, Guard };

/// The tool `id` belongs to by its shape: cdk-nag ("AwsSolutions-IAM5", other
/// packs alike), cfn_nag ("W9", "F1000"), checkov ("CKV_AWS_20", "CKV2_AWS_5"),
/// cfn-guard ("S3_BUCKET_SSL_REQUESTS_ONLY"); nullopt for anything else.
std::optional<Tool> tool_of(std::string_view id);

/// The same finding as a cdkpp rule, in the other tools, on the resource types
/// each tool reports it on (which may differ from the type cdkpp names).
struct Equivalents {
  std::string_view rule;     // cdkpp's id
  std::string_view types;    // resource types these ids are reported on, space-separated
  std::string_view cdk_nag;  // ids, space-separated; empty when the tool has none
  std::string_view cfn_nag;
  std::string_view checkov;
  std::string_view guard;
};

/// Every row for cdkpp rule `rule` whose types include `type`.
std::vector<const Equivalents*> equivalents(std::string_view rule, std::string_view type);
/// Every row for cdkpp rule `rule`.
std::vector<const Equivalents*> equivalents(std::string_view rule);
/// Every id of another tool that names the same finding as cdkpp rule `rule`
/// on any resource type (a suppression under one of them answers the rule too).
std::vector<std::string_view> equivalent_ids(std::string_view rule);
/// cdk-nag's ids for `rule` on a resource of `type`, space-separated; those on
/// any type when none is for `type` (EC26 for a launch template's volumes).
std::string cdk_nag_ids(std::string_view rule, std::string_view type);

/// A template value as cdk-nag prints it in a finding: Fn::Join joined,
/// {"Ref": X} as <X>, {"Fn::GetAtt": [X, A]} as <X.A>, Fn::Sub's ${X} as <X>,
/// anything else as compact JSON.
std::string nag_form(const Json& node);

}  // namespace cdk::detail::security
