#include <cdk/codepipeline_actions/codedeploy_ecs_deploy_action.hpp>

#include <cdk/codedeploy/application.hpp>
#include <cdk/codedeploy/ecs_deployment_group.hpp>
#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/codepipeline_actions/detail/codedeploy_grants.hpp>
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/task_definition.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/security.hpp>

#include <algorithm>

namespace cdk::codepipeline_actions {

namespace {

// The file an action reads: the artifact's default file, or the one named.
codepipeline::ArtifactPath template_file(const std::string& path, std::string_view what,
                                         const codepipeline::Artifact& input,
                                         const std::optional<codepipeline::ArtifactPath>& file,
                                         std::string_view default_name) {
  const std::string field(what);
  if (!input.empty() && file)
    throw Error(path, "both " + field + "_input and " + field + "_file are set",
                "keep one: the artifact (its " + std::string(default_name) + ") or the file in an artifact");
  if (file) {
    if (file->artifact_name.empty() || file->file_name.empty())
      throw Error(path, field + "_file names no artifact or no file", "use artifact.at_path(\"file\")");
    return *file;
  }
  if (input.empty())
    throw Error(path, "the CodeDeploy ECS deploy action has no " + field,
                "set ." + field + "_input (an artifact with " + std::string(default_name) + ") or ." + field + "_file");
  return input.at_path(std::string(default_name));
}

void add_input(std::vector<codepipeline::Artifact>& inputs, const codepipeline::Artifact& artifact) {
  if (std::find(inputs.begin(), inputs.end(), artifact) == inputs.end()) inputs.push_back(artifact);
}

// The roles the service's task definition runs with, and only to ECS tasks.
void grant_pass_task_roles(ecs::TaskDefinition& task, iam::Role& role) {
  std::vector<Value> roles = {task.task_role().role_arn()};
  if (auto* execution = task.execution_role()) roles.push_back(execution->role_arn());
  role.add_to_policy({.actions = {"iam:PassRole"}, .resources = std::move(roles),
                      .conditions = Value::map({{"StringEqualsIfExists",
                                                 Value::map({{"iam:PassedToService", "ecs-tasks.amazonaws.com"}})}})});
}

}  // namespace

codepipeline::ActionConfig CodeDeployEcsDeployAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!deployment_group)
    throw Error(path, "the CodeDeploy ECS deploy action has no deployment group", "set .deployment_group");
  const auto task_def = template_file(path, "task_definition_template", task_definition_template_input,
                                      task_definition_template_file, "taskdef.json");
  const auto app_spec =
      template_file(path, "app_spec_template", app_spec_template_input, app_spec_template_file, "appspec.yaml");
  if (container_image_inputs.size() > max_image_inputs)
    throw Error(path, std::to_string(container_image_inputs.size()) + " container image inputs; CodePipeline takes up to 4",
                "build one image details artifact per container, at most four");

  detail::grant_deployments(*deployment_group, o.role,
                            {"codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
                             "codedeploy:RegisterApplicationRevision"},
                            "CodeDeployDefault.ECSAllAtOnce");
  o.role.add_to_policy({.actions = {"ecs:RegisterTaskDefinition"}, .resources = {"*"}});
  security::explain_wildcard_resources(o.role, {"ecs:RegisterTaskDefinition"},
                                       "ecs:RegisterTaskDefinition has no resource-level permissions");
  grant_pass_task_roles(deployment_group->service().task_definition(), o.role);
  codepipeline::grant_artifacts_read(o.store, o.role);

  std::vector<codepipeline::Artifact> inputs;
  Value::Map config = {{"ApplicationName", deployment_group->application().application_name()},
                       {"DeploymentGroupName", deployment_group->deployment_group_name()},
                       {"TaskDefinitionTemplateArtifact", task_def.artifact_name},
                       {"TaskDefinitionTemplatePath", task_def.file_name},
                       {"AppSpecTemplateArtifact", app_spec.artifact_name},
                       {"AppSpecTemplatePath", app_spec.file_name}};
  add_input(inputs, codepipeline::Artifact(task_def.artifact_name));
  add_input(inputs, codepipeline::Artifact(app_spec.artifact_name));
  for (std::size_t i = 0; i < container_image_inputs.size(); ++i) {
    const auto& image = container_image_inputs[i];
    if (image.input.empty())
      throw Error(path, "container image input " + std::to_string(i + 1) + " has no artifact",
                  "set .input to an artifact holding imageDetails.json");
    const auto n = std::to_string(i + 1);
    config.emplace_back("Image" + n + "ArtifactName", image.input.name());
    config.emplace_back("Image" + n + "ContainerName", image.task_definition_placeholder);
    add_input(inputs, image.input);
  }
  return {.category = codepipeline::ActionCategory::Deploy, .provider = "CodeDeployToECS",
          .inputs = std::move(inputs), .configuration = Value(std::move(config))};
}

}  // namespace cdk::codepipeline_actions
