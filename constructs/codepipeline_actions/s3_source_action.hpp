#pragma once
/// A source action reading one object of a versioned S3 bucket.
///
///   source_stage.add_action(cdk::codepipeline_actions::S3SourceAction{
///       .action_name = "S3", .bucket = sources, .bucket_key = "engine/source.zip", .output = source});
///
/// Its role may read the object and write the artifact (what the AWS CDK
/// grants). CodePipeline needs the bucket versioned (checked). Changes are
/// found by polling, the AWS CDK's default; S3Trigger::None starts the
/// pipeline only by hand or by a trigger elsewhere; S3Trigger::Events starts
/// it when the object is written: the bucket sends its events to EventBridge
/// and a rule (`<action>/SourceEventRule`) starts the pipeline through
/// `<Pipeline>/EventsRole`. The AWS CDK's S3Trigger.EVENTS needs a CloudTrail
/// trail logging the bucket's data events; S3's EventBridge notifications
/// need none and cost nothing.
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>

namespace cdk::s3 {
class Bucket;
}

namespace cdk::codepipeline_actions {

enum class S3Trigger : std::uint8_t { Poll, None, Events };

struct S3SourceAction {
  std::string action_name{};                ///< required
  Ptr<s3::Bucket> bucket{};                 ///< versioned; required
  std::string bucket_key{};                 ///< the object's key; required
  codepipeline::Artifact output{};          ///< required
  S3Trigger trigger = S3Trigger::Poll;      ///< default Poll, like the AWS CDK
  Optional<std::int64_t> run_order{};       ///< default 1
  std::string variables_namespace{};        ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
