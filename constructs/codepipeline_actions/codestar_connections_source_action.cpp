#include <cdk/codepipeline_actions/codestar_connections_source_action.hpp>

#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>

namespace cdk::codepipeline_actions {

codepipeline::ActionConfig CodeStarConnectionsSourceAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (connection_arn.is_null())
    throw Error(path, "the source action has no connection_arn", "pass a CodeStarConnection's connection_arn() or an existing ARN");
  if (owner.empty() || repo.empty() || branch.empty())
    throw Error(path, "the source action needs owner, repo and branch", "set .owner, .repo and .branch");
  if (output.empty()) throw Error(path, "the source action has no output artifact", "set .output = cdk::codepipeline::Artifact{\"Source\"}");
  o.role.add_to_policy({.actions = {"codestar-connections:UseConnection"}, .resources = {connection_arn}});
  codepipeline::grant_artifacts_read_write(o.store, o.role);
  o.role.add_to_policy({.actions = {"s3:PutObjectAcl", "s3:PutObjectVersionAcl"}, .resources = {o.store.arn_for_objects("*")}});
  Value::Map config = {{"ConnectionArn", connection_arn}, {"FullRepositoryId", owner + "/" + repo}, {"BranchName", branch}};
  if (code_build_clone_output) config.emplace_back("OutputArtifactFormat", "CODEBUILD_CLONE_REF");
  if (trigger_on_push) config.emplace_back("DetectChanges", *trigger_on_push);
  return {.category = codepipeline::ActionCategory::Source, .provider = "CodeStarSourceConnection",
          .outputs = {output}, .configuration = Value(std::move(config))};
}

}  // namespace cdk::codepipeline_actions
