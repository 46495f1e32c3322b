// codepipeline::Pipeline with cross_account_keys: the artifact bucket
// encrypted with a rotated customer-managed key (the AWS CDK's ids), the
// pipeline's role using it, and grant_artifacts_read_to letting a role of
// another account read the artifacts through the bucket and key policies.
#include "codepipeline/support.hpp"
#include "support/actions.hpp"
#include "support/expect_error.hpp"

#include <cdk/kms/cfn_key.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>

#include <gmock/gmock.h>

namespace {

using namespace cdk::testing::pipeline;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codepipeline = cdk::codepipeline;
namespace actions = cdk::codepipeline_actions;

const char* other_role = "arn:aws:iam::222222222222:role/deployer";

class CrossAccountKeysTest : public PipelineTest {
 protected:
  codepipeline::Pipeline& keyed() {
    auto& p = pipeline({.cross_account_keys = true});
    p.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{.action_name = "Approve"});
    return p;
  }
};

TEST_F(CrossAccountKeysTest, EncryptTheBucketWithARotatedKeyThatThePipelineRoleUses) {
  auto& p = keyed();
  auto t = Template::from_stack(stack);
  const auto key = "PipelineArtifactsBucketEncryptionKey01D58D69";
  t.has_resource("AWS::KMS::Key", Match::object_like({
      {"Properties", Match::object_equals({
          {"EnableKeyRotation", true},
          {"KeyPolicy", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({Match::object_equals({
              {"Action", "kms:*"}, {"Effect", "Allow"}, {"Resource", "*"},
              {"Principal", Match::object_equals({{"AWS", join({"arn:", ref("AWS::Partition"), ":iam::", ref("AWS::AccountId"), ":root"})}})}})})}})}})},
      {"DeletionPolicy", "Delete"}, {"UpdateReplacePolicy", "Delete"}}));
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({
      {"BucketEncryption", Match::object_equals({{"ServerSideEncryptionConfiguration", Match::array_equals({Match::object_like({
          {"ServerSideEncryptionByDefault", Match::object_equals({{"SSEAlgorithm", "aws:kms"}, {"KMSMasterKeyID", get_att(key, "Arn")}})}})})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineRoleD68726F7", Match::array_with({
      Match::object_like({{"Action", Match::array_with({"kms:Decrypt"})}, {"Resource", get_att(key, "Arn")}})})));
  EXPECT_EQ(t.logical_id(dynamic_cast<cdk::CfnElement&>(p.node().find_child("ArtifactsBucketEncryptionKey").node().find_child("Resource"))), key);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CrossAccountKeysTest, GrantArtifactsReadToAddsTheRoleToTheBucketAndKeyPoliciesOnce) {
  auto& p = keyed();
  p.grant_artifacts_read_to(cdk::Value(other_role));
  p.grant_artifacts_read_to(cdk::Value(other_role));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::KMS::Key", Match::object_like({
      {"KeyPolicy", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", "kms:*"}}),
          Match::object_equals({{"Action", Match::array_equals({"kms:Decrypt", "kms:DescribeKey"})}, {"Effect", "Allow"},
                                {"Resource", "*"}, {"Principal", Match::object_equals({{"AWS", other_role}})}})})}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Effect", "Deny"}}),
          Match::object_like({{"Principal", Match::object_equals({{"AWS", other_role}})},
                              {"Action", cdk::testing::actions_are(cdk::s3::actions::read())}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CrossAccountKeysTest, WithoutCrossAccountKeysTheBucketStaysSseS3AndGrantsTouchOnlyItsPolicy) {
  auto& p = pipeline();
  p.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{.action_name = "Approve"});
  p.grant_artifacts_read_to(cdk::Value(other_role));
  EXPECT_TRUE(p.artifacts_key_arn().is_null());
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::KMS::Key", 0);
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Principal", Match::object_equals({{"AWS", other_role}})}})})}})}}));
}

TEST_F(CrossAccountKeysTest, RefusesCrossAccountKeysWithAGivenBucket) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Artifacts");
  expect_error([&] { stack.add<codepipeline::Pipeline>("Pipeline", {.artifact_bucket = bucket, .cross_account_keys = true}); },
               "Stack/Pipeline", "cross_account_keys encrypts the artifact bucket the pipeline makes");
}

}  // namespace
