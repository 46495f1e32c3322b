// Reading asset manifests (the AWS CDK's schema) and the assembly's links to them.
#include "deploy/asset_manifest.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "asset_fixture.hpp"
#include "deploy/assembly.hpp"
#include "deploy/errors.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;

TEST(AssetManifest, ReadsFilesAndImagesWithTheirDestinations) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "App.assets.json", R"({
    "version": "36.0.0",
    "files": {"abc": {"displayName": "App/Fn/Code",
      "source": {"path": "asset.abc", "packaging": "zip"},
      "destinations": {"current_account-current_region": {
        "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "abc.zip",
        "region": "eu-west-1",
        "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role"}}}},
    "dockerImages": {"def": {
      "source": {"directory": "asset.def", "dockerFile": "Dockerfile.prod", "dockerBuildArgs": {"A": "1"},
                 "dockerBuildTarget": "run", "platform": "linux/arm64", "networkMode": "host", "cacheDisabled": true},
      "destinations": {"current_account-current_region": {
        "repositoryName": "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}", "imageTag": "def"}}}}})");
  AssetManifest m = read_asset_manifest(dir.path() / "App.assets.json");
  EXPECT_EQ(m.dir, dir.path());
  ASSERT_EQ(m.files.size(), 1u);
  EXPECT_EQ(m.files[0].id, "abc");
  EXPECT_EQ(m.files[0].display_name, "App/Fn/Code");
  EXPECT_EQ(m.files[0].path, "asset.abc");
  EXPECT_EQ(m.files[0].packaging, "zip");
  ASSERT_EQ(m.files[0].destinations.size(), 1u);
  EXPECT_EQ(m.files[0].destinations[0].object_key, "abc.zip");
  EXPECT_EQ(m.files[0].destinations[0].region, "eu-west-1");
  ASSERT_EQ(m.images.size(), 1u);
  const ImageAsset& i = m.images[0];
  EXPECT_EQ(i.docker_file, "Dockerfile.prod");
  EXPECT_EQ(i.build_args, (std::map<std::string, std::string>{{"A", "1"}}));
  EXPECT_EQ(i.target, "run");
  EXPECT_EQ(i.platform, "linux/arm64");
  EXPECT_EQ(i.network_mode, "host");
  EXPECT_TRUE(i.cache_disabled);
  EXPECT_EQ(i.destinations[0].image_tag, "def");
}

TEST(AssetManifest, FillsInAccountRegionAndPartition) {
  AssetEnvironment env{"111122223333", "cn-north-1", partition_of("cn-north-1")};
  EXPECT_EQ(substitute_placeholders("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x-${AWS::Region}", env),
            "arn:aws-cn:iam::111122223333:role/x-cn-north-1");
  EXPECT_EQ(substitute_placeholders("${AWS::StackName}-$", env), "${AWS::StackName}-$");
  EXPECT_EQ(partition_of("eu-west-1"), "aws");
  EXPECT_EQ(partition_of("us-gov-west-1"), "aws-us-gov");
}

TEST(AssetManifest, RefusesWhatItCannotPublishByName) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "a.json",
                      R"({"version": "36.0.0", "files": {"x": {"source": {"executable": ["make"]}, "destinations": {}}}})");
  try {
    read_asset_manifest(dir.path() / "a.json");
    FAIL() << "expected DeployError";
  } catch (const DeployError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir.path() / "a.json").string() + ": asset x uses source.executable, which cdkpp cannot publish yet");
  }
  testing::write_file(dir.path() / "b.json",
                      R"({"version": "36.0.0", "files": {"x": {"source": {"path": "p", "packaging": "tgz"}}}})");
  EXPECT_THROW(read_asset_manifest(dir.path() / "b.json"), DeployError);
  EXPECT_THROW(read_asset_manifest(dir.path() / "missing.json"), DeployError);
}

TEST(AssetManifest, TheAssemblyLinksEachStackToItsAssetManifestAndConstructPaths) {
  testing::TempDir dir;
  testing::FileAssetSpec code{"abc", "asset.abc", "zip", "App/Fn/Code"};
  testing::write_asset_assembly(dir.path(), {{"App", testing::lambda_template(code), {code}}});
  Assembly a = read_assembly(dir.path());
  ASSERT_EQ(a.stacks.size(), 1u);
  const StackArtifact& s = a.stacks[0];
  EXPECT_TRUE(s.dependencies.empty()) << "the asset manifest is not a stack to deploy";
  ASSERT_EQ(s.asset_manifests.size(), 1u);
  EXPECT_EQ(s.asset_manifests[0].id, "App.assets");
  EXPECT_EQ(s.asset_manifests[0].file, dir.path() / "App.assets.json");
  EXPECT_EQ(s.asset_manifests[0].requires_bootstrap_version, 6);
  EXPECT_EQ(s.asset_manifests[0].bootstrap_version_parameter, "/cdk-bootstrap/hnb659fds/version");
  EXPECT_EQ(s.asset_construct_paths.at("abc"), "App/Fn/Code");
  EXPECT_EQ(s.asset_construct_paths.at("asset.abc"), "App/Fn/Code");
}

}  // namespace
}  // namespace cdk::deploy
