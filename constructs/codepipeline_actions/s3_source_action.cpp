#include <cdk/codepipeline_actions/s3_source_action.hpp>

#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/codepipeline_actions/detail/events_role.hpp>
#include <cdk/error.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/cfn_bucket.hpp>

namespace cdk::codepipeline_actions {

namespace {

// The bucket announces new objects to EventBridge; a rule starts the pipeline
// when this action's key is written.
void start_on_upload(const codepipeline::ActionBindOptions& o, s3::Bucket& bucket, const std::string& key) {
  bucket.enable_event_bridge_notification();
  auto& rule = o.scope.add<events::Rule>("SourceEventRule", {.event_pattern = {
      .source = {"aws.s3"}, .detail_type = {"Object Created"},
      .detail = Value::map({{"bucket", Value::map({{"name", Value::list({bucket.bucket_name()})}})},
                            {"object", Value::map({{"key", Value::list({key})}})}})}});
  detail::start_pipeline_on(rule, o.pipeline);
}

}  // namespace

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
  codepipeline::grant_artifacts_write(o.store, o.role);
  if (trigger == S3Trigger::Events) start_on_upload(o, *bucket, bucket_key);
  return {.category = codepipeline::ActionCategory::Source, .provider = "S3", .outputs = {output},
          .configuration = Value::map({{"S3Bucket", bucket->bucket_name()}, {"S3ObjectKey", bucket_key},
                                       {"PollForSourceChanges", trigger == S3Trigger::Poll}})};
}

}  // namespace cdk::codepipeline_actions
