#pragma once
// `import`: brings resources that already exist into a stack through an
// IMPORT change set, as `cdk import --resource-mapping` does. The mapping
// names, for each new resource of the template (by logical id or construct
// path), the values of its type's primary identifier:
//   {"Data": {"BucketName": "my-existing-bucket"}}
// The primary identifier's names come from CloudFormation (GetTemplateSummary),
// which lists the types it can import.
// Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import.html
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "deploy/cloudformation.hpp"

namespace cdk::deploy {

/// Resource name (logical id or construct path) -> primary identifier name -> value.
using ResourceMapping = std::map<std::string, std::map<std::string, std::string>>;

/// Reads a mapping file; DeployError (one line, naming the file) when it is
/// missing, not JSON, or not of the shape above.
ResourceMapping read_resource_mapping(const std::filesystem::path& path);

/// Checks the mapping against the template to deploy (`local`), the deployed
/// one (`deployed`, {} for a new stack) and the importable types
/// (`identifiers`), and returns what the IMPORT change set sends. DeployError,
/// naming the construct path and what to do, for: a name that is no new
/// resource, a type CloudFormation cannot import, identifier names that are not
/// the type's, an imported resource without a DeletionPolicy, a new resource
/// left out of the mapping, and an empty mapping.
std::vector<ResourceToImport> plan_import(const std::string& label, const nlohmann::json& local,
                                          const nlohmann::json& deployed, const ResourceMapping& mapping,
                                          const std::map<std::string, std::vector<std::string>>& identifiers);

}  // namespace cdk::deploy
