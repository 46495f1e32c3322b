#include <cdk/codepipeline/artifact_grants.hpp>

#include <cdk/iam/grant.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/security.hpp>
#include <cdk/stack.hpp>

#include <string>
#include <vector>

namespace cdk::codepipeline {

namespace {

enum class Access { Read, Write, ReadWrite };

std::vector<std::string> s3_actions(Access access) {
  std::vector<std::string> out;
  if (access != Access::Write)
    out = {"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion"};
  if (access != Access::Read) out.insert(out.end(), {"s3:AbortMultipartUpload", "s3:PutObject"});
  return out;
}

std::vector<std::string> kms_actions(Access access) {
  std::vector<std::string> out;
  if (access != Access::Write) out.emplace_back("kms:Decrypt");
  if (access != Access::Read) out.emplace_back("kms:GenerateDataKey");
  return out;
}

// cdk-nag names the objects wildcard by the bucket's logical id.
void explain_objects_wildcard(const s3::Bucket& bucket, iam::IGrantable& grantee) {
  auto* scope = dynamic_cast<Construct*>(&grantee);
  if (scope == nullptr) return;
  const auto id = Stack::of(bucket).logical_id(bucket.cfn_bucket());
  security::suppress(*scope, "AwsSolutions-IAM5",
                     "pipeline artifacts: CodePipeline names the objects per execution, so the grant covers the bucket's objects",
                     {.applies_to = {"Resource::<" + id + ".Arn>/*"}});
}

void grant(const s3::Bucket& bucket, iam::IGrantable& grantee, Access access) {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = s3_actions(access),
                                .resource_arns = {bucket.bucket_arn(), bucket.arn_for_objects("*")}});
  if (bucket.encryption() == s3::BucketEncryption::Kms)
    iam::Grant::add_to_principal({.grantee = grantee, .actions = kms_actions(access),
                                  .resource_arns = {bucket.encryption_key_arn()}});
  explain_objects_wildcard(bucket, grantee);
}

}  // namespace

void grant_artifacts_read(const s3::Bucket& bucket, iam::IGrantable& grantee) { grant(bucket, grantee, Access::Read); }
void grant_artifacts_write(const s3::Bucket& bucket, iam::IGrantable& grantee) { grant(bucket, grantee, Access::Write); }
void grant_artifacts_read_write(const s3::Bucket& bucket, iam::IGrantable& grantee) {
  grant(bucket, grantee, Access::ReadWrite);
}

}  // namespace cdk::codepipeline
