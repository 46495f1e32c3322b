// pipelines::CodePipeline deploying to another account: a customer-managed
// KMS key for the artifacts that the target's deploy role may use, the bucket
// readable by it, actions run as the target's deploy role; single-account
// pipelines keep SSE-S3.
#include "pipelines/support.hpp"
#include "support/actions.hpp"
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"

#include <cdk/file_asset.hpp>
#include <cdk/s3/bucket_actions.hpp>

#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>

namespace {

using cdk::testing::sub;

using namespace cdk::testing::pipelines;
using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
using ::testing::ElementsAre;
namespace pipelines = cdk::pipelines;

const char* prod_account = "222222222222";
const char* prod_deploy_role = "arn:${AWS::Partition}:iam::222222222222:role/cdk-hnb659fds-deploy-role-222222222222-eu-west-1";
const char* prod_exec_role = "arn:${AWS::Partition}:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1";
const char* prod_file_role =
    "arn:${AWS::Partition}:iam::222222222222:role/cdk-hnb659fds-file-publishing-role-222222222222-eu-west-1";

Match key_arn() { return Match::object_equals({{"Fn::GetAtt", Match::array_equals({Match::string_like_regexp("^PipelineArtifactsBucketEncryptionKey"), "Arn"})}}); }

class CrossAccountTest : public PipelinesTest {
 protected:
  cdk::Stack& staging = app_stack("Staging");
  cdk::Stack& prod = app_stack("Prod", {.account = prod_account, .region = region});
};

TEST_F(CrossAccountTest, DeploysToAnotherAccountAsThatAccountsDeployRole) {
  auto& p = pipeline();
  p.add_stage("Staging", {&staging});
  p.add_stage("Prod", {&prod});
  auto t = Template::from_stack(delivery);
  const auto s = stages(t);
  EXPECT_THAT(stage_names(s), ElementsAre("Source", "Build", "UpdatePipeline", "Staging", "Prod"));
  const auto prepare = action(s[4], "Prod.Prepare");
  EXPECT_EQ(prepare["RoleArn"]["Fn::Sub"], prod_deploy_role);
  EXPECT_EQ(prepare["Configuration"]["RoleArn"]["Fn::Sub"], prod_exec_role);
  EXPECT_EQ(action(s[4], "Prod.Deploy")["RoleArn"]["Fn::Sub"], prod_deploy_role);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Action", "sts:AssumeRole"}, {"Resource", sub(prod_deploy_role)}})})}})}}));
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(CrossAccountTest, TheArtifactsAreEncryptedWithARotatedKeyThatTheTargetsDeployRoleMayDecrypt) {
  auto& p = pipeline();
  p.add_stage("Prod", {&prod});
  auto t = Template::from_stack(delivery);
  t.resource_count_is("AWS::KMS::Key", 1);
  t.has_resource("AWS::KMS::Key", Match::object_like({{"DeletionPolicy", "Delete"}}));
  t.has_resource_properties("AWS::KMS::Key", Match::object_like({
      {"EnableKeyRotation", true},
      {"KeyPolicy", Match::object_like({{"Statement", Match::array_with({
          Match::object_like({{"Action", "kms:*"}, {"Resource", "*"}}),
          Match::object_like({{"Action", Match::array_equals({"kms:Decrypt", "kms:DescribeKey"})}, {"Effect", "Allow"},
                              {"Principal", Match::object_equals({{"AWS", sub(prod_deploy_role)}})}}),
          Match::object_like({{"Action", Match::array_equals({"kms:Decrypt", "kms:DescribeKey"})},
                              {"Principal", Match::object_equals({{"AWS", sub(prod_exec_role)}})}})})}})}}));
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"BucketEncryption", Match::object_like({{"ServerSideEncryptionConfiguration", Match::array_equals({Match::object_like({
          {"ServerSideEncryptionByDefault", Match::object_equals({{"SSEAlgorithm", "aws:kms"}, {"KMSMasterKeyID", key_arn()}})}})})}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Principal", Match::object_equals({{"AWS", sub(prod_deploy_role)}})},
          {"Action", cdk::testing::actions_are(cdk::s3::actions::read())}})})}})}}));
  // The pipeline's CodeBuild projects read and write the artifacts with that key.
  t.all_resources_properties("AWS::CodeBuild::Project", Match::object_like({{"EncryptionKey", key_arn()}}));
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(CrossAccountTest, AssetsOfAnotherAccountArePublishedAsThatAccountsPublishingRole) {
  const auto dir = std::filesystem::temp_directory_path() / "cdkpp-pipelines-cross-account-asset";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "index.html") << "hello";
  prod.add<cdk::FileAsset>("Content", cdk::FileAssetProps{.path = dir.string()});
  pipeline().add_stage("Prod", {&prod});
  auto t = Template::from_stack(delivery);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Action", "sts:AssumeRole"}, {"Resource", sub(prod_file_role)}})})}})}}));
  cdk::testing::keep_for_lint(delivery);
  std::filesystem::remove_all(dir);
}

TEST_F(CrossAccountTest, ASingleAccountPipelineKeepsSseS3UnlessAskedForKeys) {
  pipeline().add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  t.resource_count_is("AWS::KMS::Key", 0);
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"BucketEncryption", Match::object_like({{"ServerSideEncryptionConfiguration", Match::array_equals({Match::object_like({
          {"ServerSideEncryptionByDefault", Match::object_equals({{"SSEAlgorithm", "AES256"}})}})})}})}}));

  cdk::App other;
  auto& d = other.add<cdk::Stack>("Delivery", cdk::StackProps{.env = {.account = account, .region = region}});
  auto& s = other.add<cdk::Stack>("Staging", cdk::StackProps{.env = {.account = account, .region = region}});
  s.add<cdk::sqs::CfnQueue>("Queue");
  auto p = props();
  p.cross_account_keys = true;
  d.add<pipelines::CodePipeline>("Pipeline", std::move(p)).add_stage("Staging", {&s});
  Template::from_stack(d).resource_count_is("AWS::KMS::Key", 1);
}

TEST_F(CrossAccountTest, RefusesAnotherAccountWithCrossAccountKeysOff) {
  auto p = props();
  p.cross_account_keys = false;
  pipeline(std::move(p)).add_stage("Prod", {&prod});
  expect_error([&] { Template::from_stack(delivery); }, "Delivery/Pipeline",
               "stack Prod deploys to account 222222222222, and cross_account_keys is false");
}

}  // namespace
