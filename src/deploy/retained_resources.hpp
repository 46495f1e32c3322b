#pragma once
// What a stack's deletion leaves behind: resources whose DeletionPolicy
// (the construct's removal policy) is Retain or RetainExceptOnCreate, and the
// snapshots that Snapshot takes before deleting. `destroy` prints them so
// nothing is kept, and billed, without the user knowing.
// Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdk::deploy {

struct RetainedResource {
  std::string logical_id;
  std::string path;         ///< construct path (aws:cdk:path metadata), else the logical id
  std::string type;         ///< AWS::S3::Bucket
  std::string physical_id;  ///< empty when not known
  std::string policy;       ///< Retain | RetainExceptOnCreate | Snapshot
};

/// The resources of `tpl` that a delete keeps (or snapshots). `physical_ids`
/// maps logical to physical ids of what the stack holds; when given, resources
/// absent from it (never created, e.g. their condition was false) are left out.
std::vector<RetainedResource> retained_resources(
    const nlohmann::json& tpl, const std::optional<std::map<std::string, std::string>>& physical_ids);

/// "Hello: 2 resources are kept by their removal policy (delete them yourself when no longer needed):"
/// then one line per resource: "  Hello/Data/Resource AWS::S3::Bucket my-bucket (Retain)".
std::string describe_retained(const std::string& label, const std::vector<RetainedResource>& retained);

}  // namespace cdk::deploy
