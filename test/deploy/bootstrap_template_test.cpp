// The CDKToolkit template: what deploys and the AWS CDK CLI look for in it.
#include "deploy/bootstrap_template.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace cdk::deploy {
namespace {

using nlohmann::json;

TEST(BootstrapTemplate, NamesItsResourcesAsCdkBootstrapDoes) {
  json t = json::parse(toolkit_template("team2"));
  EXPECT_EQ(t["Parameters"]["Qualifier"]["Default"], "team2");
  const json& r = t["Resources"];
  EXPECT_EQ(r["StagingBucket"]["Properties"]["BucketName"]["Fn::Sub"],
            "cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}");
  EXPECT_EQ(r["ContainerAssetsRepository"]["Properties"]["RepositoryName"]["Fn::Sub"],
            "cdk-${Qualifier}-container-assets-${AWS::AccountId}-${AWS::Region}");
  EXPECT_EQ(r["CdkBootstrapVersion"]["Properties"]["Name"]["Fn::Sub"], "/cdk-bootstrap/${Qualifier}/version");
  EXPECT_EQ(r["CdkBootstrapVersion"]["Properties"]["Value"], std::to_string(bootstrap_version));
  EXPECT_GE(bootstrap_version, 6);
  for (const auto& [id, kind] : std::map<std::string, std::string>{{"DeploymentActionRole", "deploy"},
                                                                   {"FilePublishingRole", "file-publishing"},
                                                                   {"ImagePublishingRole", "image-publishing"},
                                                                   {"LookupRole", "lookup"},
                                                                   {"CloudFormationExecutionRole", "cfn-exec"}}) {
    EXPECT_EQ(r[id]["Properties"]["RoleName"]["Fn::Sub"],
              "cdk-${Qualifier}-" + kind + "-role-${AWS::AccountId}-${AWS::Region}");
  }
  for (const char* output : {"BucketName", "BucketDomainName", "ImageRepositoryName", "BootstrapVersion"}) {
    EXPECT_TRUE(t["Outputs"].contains(output)) << output;
  }
  EXPECT_EQ(t["Outputs"]["BootstrapVersion"]["Value"], std::to_string(bootstrap_version));
}

TEST(BootstrapTemplate, TheBucketIsEncryptedPrivateTlsOnlyAndKept) {
  json t = json::parse(toolkit_template());
  const json& bucket = t["Resources"]["StagingBucket"];
  EXPECT_EQ(bucket["DeletionPolicy"], "Retain");
  EXPECT_TRUE(bucket["Properties"].contains("BucketEncryption"));
  EXPECT_EQ(bucket["Properties"]["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"], true);
  const json& deny = t["Resources"]["StagingBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
  EXPECT_EQ(deny["Effect"], "Deny");
  EXPECT_EQ(deny["Condition"]["Bool"]["aws:SecureTransport"], "false");
}

// `cdk bootstrap --trust`'s shape: the deploy and publishing roles (not lookup
// or cfn-exec) may be assumed by the TrustedAccounts parameter's accounts.
TEST(BootstrapTemplate, TrustedAccountsMayAssumeTheDeployAndPublishingRoles) {
  json t = json::parse(toolkit_template());
  EXPECT_EQ(t["Parameters"]["TrustedAccounts"]["Type"], "CommaDelimitedList");
  EXPECT_EQ(t["Parameters"]["TrustedAccounts"]["Default"], "");
  EXPECT_TRUE(t["Conditions"].contains("HasTrustedAccounts"));
  for (const char* role : {"DeploymentActionRole", "FilePublishingRole", "ImagePublishingRole"}) {
    const json& statements = t["Resources"][role]["Properties"]["AssumeRolePolicyDocument"]["Statement"];
    ASSERT_EQ(statements.size(), 2u) << role;
    EXPECT_EQ(statements[1]["Fn::If"][0], "HasTrustedAccounts");
    EXPECT_EQ(statements[1]["Fn::If"][1]["Principal"]["AWS"], json({{"Ref", "TrustedAccounts"}}));
  }
  for (const char* role : {"LookupRole", "CloudFormationExecutionRole"})
    EXPECT_EQ(t["Resources"][role]["Properties"]["AssumeRolePolicyDocument"]["Statement"].size(), 1u) << role;
}

TEST(BootstrapTemplate, QualifiersAreWhatCdkBootstrapAccepts) {
  EXPECT_TRUE(is_valid_qualifier("hnb659fds"));
  EXPECT_TRUE(is_valid_qualifier("a1"));
  EXPECT_FALSE(is_valid_qualifier(""));
  EXPECT_FALSE(is_valid_qualifier("Upper"));
  EXPECT_FALSE(is_valid_qualifier("elevenchars"));
  EXPECT_FALSE(is_valid_qualifier("with-dash"));
}

}  // namespace
}  // namespace cdk::deploy

namespace cdk::deploy {
namespace {

// lint.deploy runs cfn-lint over what this writes (ctest's working directory is the build tree).
TEST(BootstrapTemplate, IsWrittenForTheLintRun) {
  std::filesystem::create_directories("lint/deploy");
  std::ofstream("lint/deploy/CDKToolkit.template.json") << toolkit_template();
  EXPECT_TRUE(std::filesystem::exists("lint/deploy/CDKToolkit.template.json"));
}

}  // namespace
}  // namespace cdk::deploy
