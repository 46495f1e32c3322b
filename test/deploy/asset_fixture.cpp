#include "asset_fixture.hpp"

#include "support.hpp"

namespace cdk::deploy::testing {
namespace {

using nlohmann::ordered_json;

constexpr const char* version_parameter = "/cdk-bootstrap/hnb659fds/version";

ordered_json assets_document(const AssetStackSpec& s) {
  ordered_json doc = {{"version", "36.0.0"}, {"files", ordered_json::object()},
                      {"dockerImages", ordered_json::object()}};
  for (const auto& f : s.files) {
    doc["files"][f.hash] = {
        {"source", {{"path", f.path}, {"packaging", f.packaging}}},
        {"destinations",
         {{"current_account-current_region",
           {{"bucketName", f.bucket},
            {"objectKey", f.object_key()},
            {"assumeRoleArn", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-"
                              "${AWS::AccountId}-${AWS::Region}"}}}}}};
  }
  for (const auto& i : s.images) {
    ordered_json source = {{"directory", i.directory}};
    for (const auto& [k, v] : i.source_extra.items()) source[k] = v;
    doc["dockerImages"][i.hash] = {
        {"source", source},
        {"destinations",
         {{"current_account-current_region",
           {{"repositoryName", "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}"},
            {"imageTag", i.hash},
            {"assumeRoleArn", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-image-publishing-"
                              "role-${AWS::AccountId}-${AWS::Region}"}}}}}};
  }
  return doc;
}

ordered_json asset_metadata(const AssetStackSpec& s) {
  ordered_json metadata = ordered_json::object();
  auto add = [&](const std::string& construct, const std::string& hash, const std::string& path) {
    if (construct.empty()) return;
    metadata["/" + construct] = ordered_json::array(
        {{{"type", "aws:cdk:asset"}, {"data", {{"path", path}, {"id", hash}, {"sourceHash", hash}}}}});
  };
  for (const auto& f : s.files) add(f.construct_path, f.hash, f.path);
  for (const auto& i : s.images) add(i.construct_path, i.hash, i.directory);
  return metadata;
}

}  // namespace

void write_asset_assembly(const std::filesystem::path& dir, const std::vector<AssetStackSpec>& stacks) {
  ordered_json manifest = {{"version", "36.0.0"}, {"artifacts", ordered_json::object()}};
  for (const auto& s : stacks) {
    const std::string assets_id = s.id + ".assets";
    const std::string assets_file = s.id + ".assets.json";
    write_file(dir / assets_file, assets_document(s).dump(1) + "\n");
    manifest["artifacts"][assets_id] = {
        {"type", "cdk:asset-manifest"},
        {"properties",
         {{"file", assets_file},
          {"requiresBootstrapStackVersion", s.requires_bootstrap_version},
          {"bootstrapStackVersionSsmParameter", version_parameter}}}};
    write_file(dir / (s.id + ".template.json"), s.template_json.dump(1) + "\n");
    manifest["artifacts"][s.id] = {
        {"type", "aws:cloudformation:stack"},
        {"environment", "aws://unknown-account/unknown-region"},
        {"properties",
         {{"templateFile", s.id + ".template.json"},
          {"requiresBootstrapStackVersion", s.requires_bootstrap_version},
          {"bootstrapStackVersionSsmParameter", version_parameter}}},
        {"dependencies", {assets_id}},
        {"metadata", asset_metadata(s)},
        {"displayName", s.id}};
  }
  write_file(dir / "manifest.json", manifest.dump(1) + "\n");
}

std::string moto_asset_bucket() { return std::string("cdk-hnb659fds-assets-") + moto_account + "-us-east-1"; }
std::string moto_image_repository() {
  return std::string("cdk-hnb659fds-container-assets-") + moto_account + "-us-east-1";
}

nlohmann::json lambda_template(const FileAssetSpec& code) {
  nlohmann::json trust = {
      {"Version", "2012-10-17"},
      {"Statement",
       {{{"Effect", "Allow"}, {"Principal", {{"Service", "lambda.amazonaws.com"}}}, {"Action", "sts:AssumeRole"}}}}};
  return {
      {"Parameters",
       {{"BootstrapVersion", {{"Type", "AWS::SSM::Parameter::Value<String>"}, {"Default", version_parameter}}}}},
      {"Resources",
       {{"FnServiceRole", {{"Type", "AWS::IAM::Role"}, {"Properties", {{"AssumeRolePolicyDocument", trust}}}}},
        {"Fn",
         {{"Type", "AWS::Lambda::Function"},
          {"Properties",
           {{"Code",
             {{"S3Bucket", {{"Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}}},
              {"S3Key", code.object_key()}}},
            {"Handler", "index.handler"},
            {"Runtime", "python3.12"},
            {"Role", {{"Fn::GetAtt", {"FnServiceRole", "Arn"}}}}}},
          {"DependsOn", {"FnServiceRole"}}}}}}};
}

}  // namespace cdk::deploy::testing
