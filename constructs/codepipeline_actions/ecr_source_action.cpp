#include <cdk/codepipeline_actions/ecr_source_action.hpp>

#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/codepipeline_actions/detail/events_role.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/error.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/iam/role.hpp>

namespace cdk::codepipeline_actions {

codepipeline::ActionConfig EcrSourceAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!repository) throw Error(path, "the ECR source action has no repository", "set .repository");
  if (image_tag.empty()) throw Error(path, "the ECR source action has an empty image_tag", "name a tag, e.g. \"latest\"");
  if (output.empty()) throw Error(path, "the source action has no output artifact", "set .output = cdk::codepipeline::Artifact{\"Image\"}");
  o.role.add_to_policy({.actions = {"ecr:DescribeImages"}, .resources = {repository->repository_arn()}});
  codepipeline::grant_artifacts_write(o.store, o.role);
  auto& rule = o.scope.add<events::Rule>("SourceEventRule", {.event_pattern = {
      .source = {"aws.ecr"}, .detail_type = {"ECR Image Action"},
      .detail = Value::map({{"action-type", Value::list({"PUSH"})}, {"result", Value::list({"SUCCESS"})},
                            {"repository-name", Value::list({repository->repository_name()})},
                            {"image-tag", Value::list({image_tag})}})}});
  detail::start_pipeline_on(rule, o.pipeline);
  return {.category = codepipeline::ActionCategory::Source, .provider = "ECR", .outputs = {output},
          .configuration = Value::map({{"RepositoryName", repository->repository_name()}, {"ImageTag", image_tag}})};
}

}  // namespace cdk::codepipeline_actions
