#pragma once
// Reads `<Stack>.assets.json`, the AWS CDK's asset manifest (cloud assembly
// schema, "AssetManifest"): file assets and container image assets keyed by
// their hash, each with a source in the assembly and destinations in S3/ECR.
// Reference: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.cloud_assembly_schema.AssetManifest.html
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::deploy {

struct FileAssetDestination {
  std::string id;  ///< "current_account-current_region"
  std::string bucket_name;
  std::string object_key;
  std::string region;  ///< empty: the stack's region
  std::string assume_role_arn;
};

struct FileAsset {
  std::string id;            ///< the key in "files" (the asset hash)
  std::string display_name;  ///< the construct path when the manifest gives one
  std::string path;          ///< source.path, relative to the assembly directory
  std::string packaging = "file";  ///< "file" or "zip" (a directory is zipped before upload)
  std::vector<FileAssetDestination> destinations;
};

struct ImageAssetDestination {
  std::string id;
  std::string repository_name;
  std::string image_tag;
  std::string region;
  std::string assume_role_arn;
};

struct ImageAsset {
  std::string id;
  std::string display_name;
  std::string directory;    ///< source.directory, relative to the assembly directory
  std::string docker_file;  ///< relative to directory; empty: Dockerfile
  std::map<std::string, std::string> build_args;
  std::string target;
  std::string platform;
  std::string network_mode;
  bool cache_disabled = false;
  std::vector<ImageAssetDestination> destinations;
};

struct AssetManifest {
  std::filesystem::path file;  ///< the .assets.json, absolute
  std::filesystem::path dir;   ///< where source paths are relative to (the assembly)
  std::vector<FileAsset> files;
  std::vector<ImageAsset> images;
};

/// Throws DeployError naming the file and the asset for anything this
/// publisher cannot do (a source made by an executable, build secrets, ...).
AssetManifest read_asset_manifest(const std::filesystem::path& file);

/// Where assets go: the values of the placeholders in bucket names, keys and role ARNs.
struct AssetEnvironment {
  std::string account;
  std::string region;
  std::string partition;  ///< "aws", "aws-cn", ...
};

/// The partition a region belongs to ("cn-north-1" -> "aws-cn").
std::string partition_of(std::string_view region);

/// Replaces ${AWS::AccountId}, ${AWS::Region} and ${AWS::Partition}.
std::string substitute_placeholders(std::string_view text, const AssetEnvironment& env);

}  // namespace cdk::deploy
