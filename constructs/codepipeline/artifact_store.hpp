#pragma once
/// cdk::codepipeline::ArtifactStore: where a pipeline keeps the artifacts of
/// the actions of one region. CodePipeline copies an action's input artifacts
/// to the store of the action's region before it runs; actions grant their
/// roles access to it (cdk/codepipeline/artifact_grants.hpp).
///
///   codepipeline::grant_artifacts_read(options.store, options.role);
///
/// The pipeline's own region uses its artifact bucket. Another region uses a
/// replication bucket (the support stack's, or one given in
/// PipelineProps::cross_region_replication_buckets), known in the pipeline's
/// stack by its name only: CloudFormation cannot refer across regions.
#include <cdk/value.hpp>

#include <string>
#include <string_view>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::codepipeline {

struct ArtifactStore {
  std::string region{};   ///< the region of the actions using it; empty for the pipeline's own (as its stack's)
  std::string account{};  ///< the bucket's account, with key_alias; default none
  Value bucket_name{};   ///< the bucket's name
  Value bucket_arn{};    ///< the bucket's ARN
  /// The KMS key CodePipeline encrypts artifacts with (the EncryptionKey Id:
  /// a key or alias ARN); null when the bucket's default encryption is used
  Value key_id{};
  /// What grants name for the key: its ARN, or with key_alias the key ARNs
  /// of the store's account and region, narrowed to the alias by a condition
  Value key_arn{};
  std::string key_alias{};  ///< "alias/<name>" when the key is known by its alias only; default none
  /// The bucket when it is a construct of the pipeline's stack; else nullptr
  const s3::Bucket* bucket = nullptr;

  [[nodiscard]] bool encrypted_with_kms() const noexcept { return !key_arn.is_null(); }
  /// <bucket ARN>/<pattern>.
  [[nodiscard]] Value arn_for_objects(std::string_view pattern) const { return bucket_arn + Value(std::string("/").append(pattern)); }
  /// The store's region: `region`, or {"Ref": "AWS::Region"} for the pipeline's own.
  [[nodiscard]] Value region_value() const;
};

/// The store of a bucket of the pipeline's stack (its name, ARN and key).
[[nodiscard]] ArtifactStore artifact_store_of(const s3::Bucket& bucket);

}  // namespace cdk::codepipeline
