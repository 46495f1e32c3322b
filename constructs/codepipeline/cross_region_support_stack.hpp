#pragma once
/// cdk::codepipeline::CrossRegionSupportStack: the replication bucket of a
/// pipeline's artifacts in another region, in a stack of its own there,
/// which the pipeline's stack depends on. A Pipeline makes it when an action
/// names another region and no cross_region_replication_buckets entry covers
/// that region; you do not make one yourself.
///
/// As the AWS CDK makes it: construct id `cross-region-stack-<account>:<region>`
/// next to the pipeline's stack (in the app, or the pipeline stack's Stage),
/// shared by the pipelines of that account; stack name
/// `<pipeline stack name>-support-<region>`; in it
/// `Default/CrossRegionCodePipelineReplicationBucket`, with a generated
/// physical name (Names::physical_name) so that the pipeline's stack can name
/// it before it exists. The bucket is private, TLS-only and encrypted: SSE-S3,
/// or with `create_kms_key` (the pipeline's cross_account_keys) a
/// customer-managed key (`...EncryptionKey`, rotation on, deleted with the
/// stack) and its alias (`...EncryptionAlias`, a generated name) by which the
/// pipeline's stack names it. Unlike the AWS CDK's, key rotation is always on.
/// The bucket keeps no server access logs (S3-NO-ACCESS-LOGS / AwsSolutions-S1
/// suppressed with that reason); give cross_region_replication_buckets for
/// buckets that log.
#include <cdk/codepipeline/artifact_store.hpp>
#include <cdk/stack.hpp>

#include <string>
#include <vector>

namespace cdk::kms {
class CfnKey;
}
namespace cdk::s3 {
class Bucket;
}

namespace cdk::codepipeline {

struct CrossRegionSupportStackProps {
  std::string pipeline_stack_name{};  ///< names the stack "<name>-support-<region>"; required
  Environment env{};                  ///< the pipeline's account and the replication region; required
  bool create_kms_key = false;        ///< a customer-managed key instead of SSE-S3; default false
};

class CrossRegionSupportStack : public Stack {
 public:
  using Props = CrossRegionSupportStackProps;
  CrossRegionSupportStack(Construct& scope, std::string_view id, const CrossRegionSupportStackProps& props);
  ~CrossRegionSupportStack() override;

  /// "cross-region-stack-<account>:<region>".
  [[nodiscard]] static std::string id_for(const Environment& env);

  [[nodiscard]] s3::Bucket& replication_bucket() const noexcept { return *bucket_; }
  [[nodiscard]] const std::string& replication_bucket_name() const noexcept { return bucket_name_; }
  [[nodiscard]] bool has_kms_key() const noexcept { return key_ != nullptr; }
  /// "alias/<generated>" with a key, else empty.
  [[nodiscard]] const std::string& key_alias() const noexcept { return alias_; }
  /// The store as the pipeline's stack names it: by literal name and ARNs.
  [[nodiscard]] ArtifactStore store() const;
  /// Lets a role (by ARN; one of another account) read the replicated
  /// artifacts: bucket policy, and with a key the key policy. Once per role.
  void grant_read_to(const Value& role_arn);

 private:
  void render_key_policy();

  s3::Bucket* bucket_ = nullptr;
  kms::CfnKey* key_ = nullptr;
  std::string bucket_name_;
  std::string alias_;
  std::vector<Value> readers_;
};

}  // namespace cdk::codepipeline
