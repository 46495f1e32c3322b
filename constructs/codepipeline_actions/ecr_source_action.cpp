#include <cdk/codepipeline_actions/ecr_source_action.hpp>

#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/error.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/rule.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>

namespace cdk::codepipeline_actions {

namespace {

// One role per pipeline lets EventBridge start it, as the AWS CDK's CodePipeline target has it.
iam::Role& events_role(codepipeline::Pipeline& pipeline) {
  if (auto* existing = dynamic_cast<iam::Role*>(pipeline.node().try_find_child("EventsRole"))) return *existing;
  auto& role = pipeline.add<iam::Role>("EventsRole", {.assumed_by = iam::ServicePrincipal{"events.amazonaws.com"}});
  role.add_to_policy({.actions = {"codepipeline:StartPipelineExecution"}, .resources = {pipeline.pipeline_arn()}});
  return role;
}

}  // namespace

codepipeline::ActionConfig EcrSourceAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!repository) throw Error(path, "the ECR source action has no repository", "set .repository");
  if (image_tag.empty()) throw Error(path, "the ECR source action has an empty image_tag", "name a tag, e.g. \"latest\"");
  if (output.empty()) throw Error(path, "the source action has no output artifact", "set .output = cdk::codepipeline::Artifact{\"Image\"}");
  o.role.add_to_policy({.actions = {"ecr:DescribeImages"}, .resources = {repository->repository_arn()}});
  o.bucket.grant_write(o.role);
  auto& rule = o.scope.add<events::Rule>("SourceEventRule", {.event_pattern = {
      .source = {"aws.ecr"}, .detail_type = {"ECR Image Action"},
      .detail = Value::map({{"action-type", Value::list({"PUSH"})}, {"result", Value::list({"SUCCESS"})},
                            {"repository-name", Value::list({repository->repository_name()})},
                            {"image-tag", Value::list({image_tag})}})}});
  rule.cfn_rule().props().targets.push_back({.arn = o.pipeline.pipeline_arn(), .id = "Target0",
                                             .role_arn = events_role(o.pipeline).role_arn()});
  return {.category = codepipeline::ActionCategory::Source, .provider = "ECR", .outputs = {output},
          .configuration = Value::map({{"RepositoryName", repository->repository_name()}, {"ImageTag", image_tag}})};
}

}  // namespace cdk::codepipeline_actions
