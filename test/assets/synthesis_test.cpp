// Assets in the cloud assembly: <Stack>.assets.json in the AWS CDK's asset
// manifest schema, the cdk:asset-manifest artifact, the stack artifact's
// bootstrap properties, the BootstrapVersion check in the template, and the
// staged files (byte-identical across runs, reused when already staged).
#include "asset_test_util.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/docker_image_asset.hpp>
#include <cdk/file_asset.hpp>
#include <cdk/sqs/cfn_queue.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

namespace {

using assettest::read;
using assettest::write;
using cdktest::Json;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

class SynthesisTest : public ::testing::Test {
 protected:
  cdktest::TempDir dir;
  void SetUp() override { assettest::write_app(dir.path() / "app"); }
  std::string app_dir() const { return (dir.path() / "app").string(); }

  // A stack with a queue (so it has a resource), a directory asset and an image asset.
  static cdk::Stack& add_stack(cdk::App& app, const std::string& source, cdk::Environment env = {}) {
    auto& stack = app.add<cdk::Stack>("Service", {.env = std::move(env)});
    stack.add<cdk::sqs::CfnQueue>("Queue");
    stack.add<cdk::FileAsset>("Code", {.path = source});
    stack.add<cdk::DockerImageAsset>("Image", {.directory = source,
                                               .file = "Dockerfile",
                                               .build_args = {{"VERSION", "1.4"}},
                                               .target = "runtime",
                                               .platform = "linux/amd64"});
    return stack;
  }
};

TEST_F(SynthesisTest, TheAssetManifestHasTheAwsCdkShape) {
  cdk::App app;
  auto& stack = add_stack(app, app_dir());
  const auto& code = dynamic_cast<cdk::FileAsset&>(stack.node().find_child("Code"));
  const auto& image = dynamic_cast<cdk::DockerImageAsset&>(stack.node().find_child("Image"));
  const auto a = cdk::detail::synthesize(app, {});
  const std::string f = code.asset_hash(), i = image.asset_hash();
  const Json expected = Json::parse(R"({
    "version": "36.0.0",
    "files": {")" + f + R"(": {
      "source": {"path": "asset.)" + f + R"(.zip", "packaging": "file"},
      "destinations": {"current_account-current_region": {
        "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}",
        "objectKey": ")" + f + R"(.zip",
        "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-${AWS::Region}"}}}},
    "dockerImages": {")" + i + R"(": {
      "source": {"directory": "asset.)" + i + R"(", "dockerFile": "Dockerfile",
                 "dockerBuildArgs": {"VERSION": "1.4"}, "dockerBuildTarget": "runtime", "platform": "linux/amd64"},
      "destinations": {"current_account-current_region": {
        "repositoryName": "cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}",
        "imageTag": ")" + i + R"(",
        "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-image-publishing-role-${AWS::AccountId}-${AWS::Region}"}}}}
  })");
  EXPECT_EQ(a.stacks.at(0).asset_manifest, expected) << a.stacks.at(0).asset_manifest.dump(1);
}

TEST_F(SynthesisTest, AStackWithAnEnvironmentNamesItInTheDestinations) {
  cdk::App app;
  add_stack(app, app_dir(), {.account = "123456789012", .region = "eu-west-1"});
  const auto a = cdk::detail::synthesize(app, {});
  const Json& files = a.stacks.at(0).asset_manifest["files"];
  const Json& d = files.begin().value()["destinations"];
  ASSERT_TRUE(d.contains("123456789012-eu-west-1")) << d.dump();
  const Json& dest = d["123456789012-eu-west-1"];
  EXPECT_EQ(dest["bucketName"], "cdk-hnb659fds-assets-123456789012-eu-west-1");
  EXPECT_EQ(dest["region"], "eu-west-1");
  EXPECT_EQ(dest["assumeRoleArn"],
            "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-file-publishing-role-123456789012-eu-west-1");
}

TEST_F(SynthesisTest, TheManifestHasTheAssetArtifactAndTheStackDependsOnIt) {
  cdk::App app;
  add_stack(app, app_dir());
  const Json m = cdk::detail::synthesize(app, {}).manifest;
  const Json& artifacts = m["artifacts"];
  const Json expected_assets = Json::parse(R"({"type": "cdk:asset-manifest", "properties": {
      "file": "Service.assets.json", "requiresBootstrapStackVersion": 6,
      "bootstrapStackVersionSsmParameter": "/cdk-bootstrap/hnb659fds/version"}})");
  EXPECT_EQ(artifacts["Service.assets"], expected_assets);
  EXPECT_EQ(artifacts.begin().key(), "Service.assets");  // before its stack, as aws-cdk-lib writes it
  const Json& stack = artifacts["Service"];
  EXPECT_EQ(stack["dependencies"], Json::array({"Service.assets"}));
  const Json& p = stack["properties"];
  EXPECT_EQ(p["assumeRoleArn"],
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-deploy-role-${AWS::AccountId}-${AWS::Region}");
  EXPECT_EQ(p["cloudFormationExecutionRoleArn"],
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-${AWS::AccountId}-${AWS::Region}");
  EXPECT_EQ(p["requiresBootstrapStackVersion"], 6);
  EXPECT_EQ(p["bootstrapStackVersionSsmParameter"], "/cdk-bootstrap/hnb659fds/version");
}

TEST_F(SynthesisTest, AStackWithAssetsChecksTheBootstrapVersion) {
  cdk::App app(cdk::AppProps{.context = {{"@aws-cdk/core:bootstrapQualifier", "custom1"}}});
  auto& stack = add_stack(app, app_dir());
  const Json t = cdktest::synth_template(app, "Service");
  EXPECT_EQ(t["Parameters"]["BootstrapVersion"]["Type"], "AWS::SSM::Parameter::Value<String>");
  EXPECT_EQ(t["Parameters"]["BootstrapVersion"]["Default"], "/cdk-bootstrap/custom1/version");
  EXPECT_THAT(t["Parameters"]["BootstrapVersion"]["Description"].get<std::string>(), HasSubstr("[cdk:skip]"));
  const Json assertion = t["Rules"]["CheckBootstrapVersion"]["Assertions"][0];
  EXPECT_EQ(assertion["Assert"], Json::parse(R"({"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"],
                                                 {"Ref": "BootstrapVersion"}]}]})"));
  EXPECT_THAT(assertion["AssertDescription"].get<std::string>(), HasSubstr("version 6"));
  (void)cdktest::synth_template(app, "Service");  // a second synthesis adds nothing twice
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SynthesisTest, AStackWithoutAssetsIsUnchanged) {
  cdk::App app;
  app.add<cdk::Stack>("Plain").add<cdk::sqs::CfnQueue>("Queue");
  add_stack(app, app_dir());
  const auto a = cdk::detail::synthesize(app, {});
  const auto& plain = a.stacks.at(0);
  ASSERT_EQ(plain.stack->node().path(), "Plain");
  EXPECT_TRUE(plain.asset_manifest.is_null());
  EXPECT_FALSE(plain.template_json.contains("Parameters"));
  EXPECT_FALSE(plain.template_json.contains("Rules"));
  EXPECT_FALSE(a.manifest["artifacts"].contains("Plain.assets"));
  EXPECT_FALSE(a.manifest["artifacts"]["Plain"]["properties"].contains("assumeRoleArn"));
  EXPECT_FALSE(a.manifest["artifacts"]["Plain"].contains("dependencies"));
}

TEST_F(SynthesisTest, StagedFilesAreByteIdenticalAcrossRunsAndPlaces) {
  write(dir.path() / "app", "bin/bootstrap", "#!/bin/sh\necho hi\n");
  fs::permissions(dir.path() / "app/bin/bootstrap", fs::perms::owner_all, fs::perm_options::add);
  fs::copy(dir.path() / "app", dir.path() / "copy", fs::copy_options::recursive);
  fs::last_write_time(dir.path() / "copy/index.py", fs::file_time_type::clock::now() - std::chrono::hours(72));
  auto synth_to = [&](const fs::path& source, const fs::path& out) {
    cdk::App app;
    auto& stack = add_stack(app, source.string());
    cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), out);
    return dynamic_cast<cdk::FileAsset&>(stack.node().find_child("Code")).staged_name();
  };
  const auto name = synth_to(dir.path() / "app", dir.path() / "out1");
  ASSERT_EQ(name, synth_to(dir.path() / "copy", dir.path() / "out2"));
  const std::string zip = read(dir.path() / "out1" / name);
  ASSERT_GT(zip.size(), 22u);
  EXPECT_EQ(zip.substr(0, 2), "PK");
  EXPECT_EQ(zip, read(dir.path() / "out2" / name));
  EXPECT_THAT(zip, HasSubstr("lib/data/table.csv"));
  EXPECT_THAT(read(dir.path() / "out1/Service.assets.json"), HasSubstr(name));
}

TEST_F(SynthesisTest, TheImageContextIsStagedAsADirectory) {
  write(dir.path() / "app", "notes.log", "left out");
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Service");
  stack.add<cdk::sqs::CfnQueue>("Queue");
  auto& image = stack.add<cdk::DockerImageAsset>("Image", {.directory = app_dir(), .exclude = {"*.log"}});
  cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), dir.path() / "out");
  const fs::path staged = dir.path() / "out" / image.staged_name();
  EXPECT_EQ(read(staged / "Dockerfile"), read(dir.path() / "app/Dockerfile"));
  EXPECT_TRUE(fs::exists(staged / "lib/data/table.csv"));
  EXPECT_FALSE(fs::exists(staged / "notes.log"));
}

TEST_F(SynthesisTest, AnAssetAlreadyStagedIsNotStagedAgain) {
  const fs::path out = dir.path() / "out";
  std::string name;
  for (int run = 0; run < 2; ++run) {
    cdk::App app;
    auto& stack = add_stack(app, app_dir());
    name = dynamic_cast<cdk::FileAsset&>(stack.node().find_child("Code")).staged_name();
    struct stat before {};
    const bool existed = ::stat((out / name).c_str(), &before) == 0;
    cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), out);
    struct stat after {};
    ASSERT_EQ(::stat((out / name).c_str(), &after), 0);
    if (existed) EXPECT_EQ(before.st_ino, after.st_ino) << "the second run wrote the zip again instead of linking it";
  }
}

}  // namespace
