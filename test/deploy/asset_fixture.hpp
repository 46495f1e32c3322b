#pragma once
// Hand-made cloud assemblies with assets, in the AWS CDK's schema (manifest.json
// with a cdk:asset-manifest artifact per stack, <Stack>.assets.json with
// placeholders in the destinations), so the publishing tests do not depend on
// synthesis.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace cdk::deploy::testing {

inline constexpr const char* moto_account = "123456789012";

struct FileAssetSpec {
  std::string hash;       ///< the key in "files" and the object key's stem
  std::string path;       ///< source.path, relative to the assembly
  std::string packaging;  ///< "file" or "zip"
  std::string construct_path;  ///< written as aws:cdk:asset metadata; empty: none
  std::string bucket = "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}";
  [[nodiscard]] std::string object_key() const { return hash + (packaging == "zip" ? ".zip" : ".bin"); }
};

struct ImageAssetSpec {
  std::string hash;
  std::string directory;  ///< source.directory, relative to the assembly
  nlohmann::json source_extra = nlohmann::json::object();  ///< dockerFile, dockerBuildArgs, ...
  std::string construct_path;
};

struct AssetStackSpec {
  std::string id;
  nlohmann::json template_json;
  std::vector<FileAssetSpec> files = {};
  std::vector<ImageAssetSpec> images = {};
  int requires_bootstrap_version = 6;
};

/// Writes manifest.json, the templates and the asset manifests (not the sources).
void write_asset_assembly(const std::filesystem::path& dir, const std::vector<AssetStackSpec>& stacks);

/// The bucket/repository names the default synthesizer gives in moto's account and us-east-1.
std::string moto_asset_bucket();
std::string moto_image_repository();

/// A template with a Lambda function whose code is the file asset's object, as
/// aws-cdk-lib's default synthesizer writes it (bucket name with placeholders,
/// the BootstrapVersion parameter read from SSM).
nlohmann::json lambda_template(const FileAssetSpec& code);

}  // namespace cdk::deploy::testing
