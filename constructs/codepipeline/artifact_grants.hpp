#pragma once
/// Least-privilege grants on a pipeline's artifact bucket, for the actions
/// (custom ones too) and for the services they run:
///
///   cdk::codepipeline::grant_artifacts_read(options.bucket, options.role);   // an action's inputs
///   cdk::codepipeline::grant_artifacts_write(options.bucket, options.role);  // its outputs
///
/// Narrower than s3::Bucket's grants (and than the AWS CDK's families
/// s3:GetObject*, s3:List*, s3:DeleteObject*): reading is
/// s3:GetObject and s3:GetObjectVersion on the objects with s3:GetBucketLocation
/// and s3:GetBucketAcl (CodeBuild asks) on the bucket; writing is s3:PutObject and
/// s3:AbortMultipartUpload. Nothing of a pipeline deletes artifacts (give the
/// bucket lifecycle rules). A KMS-encrypted bucket adds kms:Decrypt or
/// kms:GenerateDataKey on its key.
///
/// CodePipeline names artifact objects per execution, so the objects part
/// is `<bucket>/*`: the grant records that reason for cdk-nag's
/// AwsSolutions-IAM5 (that finding only) on the grantee, when it is a construct.
///
/// The ArtifactStore overloads grant on the store of an action's region
/// (ActionBindOptions::store), which for another region is a replication
/// bucket; a replication key known by its alias only is granted as the
/// region's keys with a kms:ResourceAliases condition naming the alias.
namespace cdk::iam {
class IGrantable;
}
namespace cdk::s3 {
class Bucket;
}

namespace cdk::codepipeline {

struct ArtifactStore;

void grant_artifacts_read(const ArtifactStore& store, iam::IGrantable& grantee);
void grant_artifacts_write(const ArtifactStore& store, iam::IGrantable& grantee);
void grant_artifacts_read_write(const ArtifactStore& store, iam::IGrantable& grantee);

void grant_artifacts_read(const s3::Bucket& bucket, iam::IGrantable& grantee);
void grant_artifacts_write(const s3::Bucket& bucket, iam::IGrantable& grantee);
void grant_artifacts_read_write(const s3::Bucket& bucket, iam::IGrantable& grantee);

}  // namespace cdk::codepipeline
