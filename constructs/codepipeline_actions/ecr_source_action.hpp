#pragma once
/// A source action that starts the pipeline when an image tag is pushed to an
/// ECR repository; its artifact holds imageDetail.json.
///
///   source_stage.add_action(cdk::codepipeline_actions::EcrSourceAction{
///       .action_name = "Image", .repository = repo, .image_tag = "release", .output = image});
///
/// Its role may describe the repository's images and write the artifact.
/// Like the AWS CDK, an EventBridge rule (`<Action>/SourceEventRule`) starts
/// the pipeline on a push of the tag, through a role EventBridge assumes
/// (`<Pipeline>/EventsRole`, allowed to start only this pipeline). The rule
/// matches ECR's own "ECR Image Action" event, where the AWS CDK matches the
/// CloudTrail record of the push (which needs a trail).
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>

namespace cdk::ecr {
class Repository;
}

namespace cdk::codepipeline_actions {

struct EcrSourceAction {
  std::string action_name{};                ///< required
  Ptr<ecr::Repository> repository{};        ///< required
  std::string image_tag = "latest";         ///< default "latest", like the AWS CDK
  codepipeline::Artifact output{};          ///< required
  Optional<std::int64_t> run_order{};       ///< default 1
  std::string variables_namespace{};        ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
