#pragma once
/// The IAM actions s3::Bucket's grants write, as explicit lists (no `s3:Get*`
/// families), so that a policy says exactly what it allows and outside checks
/// (cdk-nag's AwsSolutions-IAM5) find no wildcard action. Names as in AWS's
/// Service Authorization Reference for Amazon S3:
/// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
///
///   role.add_to_policy({.actions = cdk::s3::actions::read(), .resources = {bucket.bucket_arn()}});
///
/// Where the AWS CDK grants `s3:GetObject*`, `s3:GetBucket*`, `s3:List*`,
/// `s3:DeleteObject*` and `s3:Abort*`, these keep what reading, writing and
/// deleting objects needs and leave out what those families also match:
/// reading the bucket's policy, ACLs and configuration, reading objects for
/// replication, and above all s3:DeleteObjectVersion, which deletes an old
/// version for good (versioning no longer protects it): grant that on purpose
/// with Bucket::grant_delete_versions.
#include <string>
#include <vector>

namespace cdk::s3::actions {

/// Read objects and their versions, tags and attributes; list the bucket and
/// its versions; find its region (SDKs ask).
inline std::vector<std::string> read() {
  return {"s3:GetObject",        "s3:GetObjectVersion",        "s3:GetObjectAttributes",
          "s3:GetObjectVersionAttributes", "s3:GetObjectTagging", "s3:GetObjectVersionTagging",
          "s3:ListBucket",       "s3:ListBucketVersions",      "s3:GetBucketLocation"};
}

/// Write objects, their tags and Object Lock settings; abort a multipart upload.
inline std::vector<std::string> put() {
  return {"s3:PutObject",         "s3:PutObjectLegalHold",      "s3:PutObjectRetention",
          "s3:PutObjectTagging",  "s3:PutObjectVersionTagging", "s3:AbortMultipartUpload"};
}

/// Delete objects (a delete marker when versioning is on) and object tags;
/// never a version for good (s3:DeleteObjectVersion).
inline std::vector<std::string> delete_objects() {
  return {"s3:DeleteObject", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging"};
}

/// Delete object versions permanently.
inline std::vector<std::string> delete_versions() { return {"s3:DeleteObjectVersion"}; }

/// On the bucket's KMS key, to read: S3 decrypts each object's data key.
inline std::vector<std::string> key_read() { return {"kms:Decrypt"}; }

/// On the bucket's KMS key, to write: S3 asks for a data key on each put, and
/// decrypts it again to complete a multipart upload.
inline std::vector<std::string> key_write() { return {"kms:Decrypt", "kms:GenerateDataKey"}; }

}  // namespace cdk::s3::actions
