// codepipeline::grant_artifacts_*: explicit S3 actions (no families, no
// deletes) on the artifact bucket, KMS on an encrypted one, and the reason for
// the objects wildcard written where cdk-nag reads it.
#include "codepipeline/support.hpp"
#include "security/rule_pack.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/iam/cfn_policy.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/policy.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/s3/bucket.hpp>

#include <gmock/gmock.h>

namespace {

using namespace cdk::testing::pipeline;
using cdk::assertions::Template;

class ArtifactGrantsTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::iam::Role& role = stack.add<cdk::iam::Role>("Worker", {.assumed_by = cdk::iam::ServicePrincipal{"codebuild.amazonaws.com"}});
};

Match statement(std::vector<Match> actions, const std::string& bucket) {
  return Match::object_equals({{"Effect", "Allow"}, {"Action", Match::array_equals(std::move(actions))},
                               {"Resource", Match::array_equals({get_att(bucket, "Arn"), join({get_att(bucket, "Arn"), "/*"})})}});
}

TEST_F(ArtifactGrantsTest, ReadAndWriteAreExplicitActionsWithoutDeletes) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Artifacts");
  cdk::codepipeline::grant_artifacts_read(bucket, role);
  cdk::codepipeline::grant_artifacts_write(bucket, role);
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(bucket.cfn_bucket());
  t.has_resource_properties("AWS::IAM::Policy", policy_of(t.logical_id(role.cfn_role()), Match::array_equals({
      statement({"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion"}, id),
      statement({"s3:AbortMultipartUpload", "s3:PutObject"}, id)})));
  const auto text = t.to_json();
  for (const char* family : {"s3:DeleteObject", "s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:Abort*"})
    EXPECT_THAT(text, ::testing::Not(::testing::HasSubstr(family)));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ArtifactGrantsTest, TheObjectsWildcardCarriesItsReasonForCdkNagOnly) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Artifacts");
  cdk::codepipeline::grant_artifacts_read_write(bucket, role);
  const auto assembly = cdk::detail::synthesize(app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}});
  const auto& policy = assembly.stacks.at(0).template_json["Resources"][stack.logical_id(role.default_policy()->cfn_policy())];
  const auto expected = cdk::detail::Json::array({{
      {"id", "AwsSolutions-IAM5"},
      {"reason", "pipeline artifacts: CodePipeline names the objects per execution, so the grant covers the bucket's objects"},
      {"applies_to", {"Resource::<" + stack.logical_id(bucket.cfn_bucket()) + ".Arn>/*"}}}});
  EXPECT_EQ(policy["Metadata"]["cdk_nag"]["rules_to_suppress"], expected);
  EXPECT_FALSE(policy["Metadata"].contains("cfn_nag")) << "the finding is cdk-nag's: other tools get no blanket skip";
}

TEST_F(ArtifactGrantsTest, AKmsEncryptedBucketAddsDecryptAndGenerateDataKeyOnItsKey) {
  const char* key = "arn:aws:kms:eu-west-1:123456789012:key/11112222-3333-4444-5555-666677778888";
  auto& bucket = stack.add<cdk::s3::Bucket>("Artifacts", {.encryption = cdk::s3::BucketEncryption::Kms, .encryption_key_arn = key});
  cdk::codepipeline::grant_artifacts_read_write(bucket, role);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", policy_of(t.logical_id(role.cfn_role()), Match::array_with({
      allow({"kms:Decrypt", "kms:GenerateDataKey"}, key)})));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
