#include <cdk/codepipeline_actions/s3_source_action.hpp>

#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>

namespace cdk::codepipeline_actions {

codepipeline::ActionConfig S3SourceAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!bucket || bucket_key.empty()) throw Error(path, "the S3 source action needs a bucket and a bucket_key", "set .bucket and .bucket_key");
  if (output.empty()) throw Error(path, "the source action has no output artifact", "set .output = cdk::codepipeline::Artifact{\"Source\"}");
  const auto& versioning = bucket->cfn_bucket().props().versioning_configuration;
  const bool versioned = versioning && versioning->status.value() == Value("Enabled");
  if (!versioned)
    throw Error(path, "the source bucket " + bucket->node().path() + " is not versioned, and CodePipeline reads only versioned buckets",
                "create the bucket with .versioned = true");
  bucket->grant_read(o.role, bucket_key);
  o.bucket.grant_write(o.role);
  return {.category = codepipeline::ActionCategory::Source, .provider = "S3", .outputs = {output},
          .configuration = Value::map({{"S3Bucket", bucket->bucket_name()}, {"S3ObjectKey", bucket_key},
                                       {"PollForSourceChanges", trigger == S3Trigger::Poll}})};
}

}  // namespace cdk::codepipeline_actions
