#pragma once
// Other security tools' rule ids: which tool an id belongs to, and the ids
// under which each tool reports the same finding as one of cdkpp's rules, so
// that one suppression with one reason is honoured by all of them. Internal.
#include <optional>
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

}  // namespace cdk::detail::security
