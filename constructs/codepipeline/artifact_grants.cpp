#include <cdk/codepipeline/artifact_grants.hpp>

#include <cdk/codepipeline/artifact_store.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/iam/role.hpp>
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

// cdk-nag names a wildcard by the resource as its template writes it: a
// bucket of the stack by logical id, a replication bucket by its literal ARN.
std::string objects_wildcard(const ArtifactStore& store) {
  if (store.bucket != nullptr) return "Resource::<" + Stack::of(*store.bucket).logical_id(store.bucket->cfn_bucket()) + ".Arn>/*";
  const std::string name = store.bucket_name.kind() == Value::Kind::String ? store.bucket_name.as_string() : "<bucket>";
  return "Resource::arn:<AWS::Partition>:s3:::" + name + "/*";
}

void explain_wildcards(const ArtifactStore& store, iam::IGrantable& grantee) {
  auto* scope = dynamic_cast<Construct*>(&grantee);
  if (scope == nullptr) return;
  security::suppress(*scope, "AwsSolutions-IAM5",
                     "pipeline artifacts: CodePipeline names the objects per execution, so the grant covers the bucket's objects",
                     {.applies_to = {objects_wildcard(store)}});
  if (store.key_alias.empty()) return;
  security::suppress(*scope, "AwsSolutions-IAM5",
                     "the replication bucket's key is known by its alias only: the grant names the region's keys and a "
                     "kms:ResourceAliases condition narrows it to that alias",
                     {.applies_to = {"Resource::arn:<AWS::Partition>:kms:" + store.region + ":" + store.account + ":key/*"}});
}

void grant(const ArtifactStore& store, iam::IGrantable& grantee, Access access) {
  iam::Grant::add_to_principal({.grantee = grantee, .actions = s3_actions(access),
                                .resource_arns = {store.bucket_arn, store.arn_for_objects("*")}});
  if (store.encrypted_with_kms()) {
    Value conditions;
    if (!store.key_alias.empty())
      conditions = Value::map({{"ForAnyValue:StringEquals", Value::map({{"kms:ResourceAliases", Value(store.key_alias)}})}});
    iam::Grant::add_to_principal({.grantee = grantee, .actions = kms_actions(access), .resource_arns = {store.key_arn},
                                  .conditions = conditions});
  }
  explain_wildcards(store, grantee);
}

}  // namespace

Value ArtifactStore::region_value() const { return region.empty() ? Aws::region() : Value(region); }

ArtifactStore artifact_store_of(const s3::Bucket& bucket) {
  ArtifactStore out{.bucket_name = bucket.bucket_name(), .bucket_arn = bucket.bucket_arn(), .bucket = &bucket};
  if (bucket.encryption() == s3::BucketEncryption::Kms) out.key_id = out.key_arn = bucket.encryption_key_arn();
  return out;
}

void grant_artifacts_read(const ArtifactStore& store, iam::IGrantable& grantee) { grant(store, grantee, Access::Read); }
void grant_artifacts_write(const ArtifactStore& store, iam::IGrantable& grantee) { grant(store, grantee, Access::Write); }
void grant_artifacts_read_write(const ArtifactStore& store, iam::IGrantable& grantee) {
  grant(store, grantee, Access::ReadWrite);
}

void grant_artifacts_read(const s3::Bucket& bucket, iam::IGrantable& grantee) {
  grant(artifact_store_of(bucket), grantee, Access::Read);
}
void grant_artifacts_write(const s3::Bucket& bucket, iam::IGrantable& grantee) {
  grant(artifact_store_of(bucket), grantee, Access::Write);
}
void grant_artifacts_read_write(const s3::Bucket& bucket, iam::IGrantable& grantee) {
  grant(artifact_store_of(bucket), grantee, Access::ReadWrite);
}

}  // namespace cdk::codepipeline
