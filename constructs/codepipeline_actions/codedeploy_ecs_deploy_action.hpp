#pragma once
/// A deploy action that hands a new task definition to a CodeDeploy ECS
/// blue/green deployment group (provider CodeDeployToECS): CodePipeline
/// registers the task definition template, puts its ARN into the AppSpec
/// template and starts the deployment.
///
///   deploy_stage.add_action(cdk::codepipeline_actions::CodeDeployEcsDeployAction{
///       .action_name = "Deploy", .deployment_group = blue_green,
///       .task_definition_template_input = build,        // taskdef.json
///       .app_spec_template_input = build,               // appspec.yaml
///       .container_image_inputs = {{.input = build, .task_definition_placeholder = "IMAGE1_NAME"}}});
///
/// The templates come from an artifact (files taskdef.json and appspec.yaml)
/// or from a file in one (`build.at_path("deploy/taskdef.json")`); exactly one
/// of the two for each. Up to four image inputs, each an artifact holding
/// imageDetails.json (an ECR source's output), whose ImageURI replaces
/// `<placeholder>` in the task definition template.
///
/// The action's role gets what the AWS CDK grants, narrower where the group
/// tells more: the application's revisions, deployments of this group, its
/// deployment configuration, ecs:RegisterTaskDefinition (no resource-level
/// permission exists), reading the artifact bucket, and iam:PassRole only for
/// the task role and execution role of the service's task definition, only to
/// ECS tasks (the AWS CDK passes any role). A template naming other roles is
/// refused by IAM at deploy time: give them to the service's task definition.
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::codedeploy {
class EcsDeploymentGroup;
}

namespace cdk::codepipeline_actions {

/// An image whose URI replaces a placeholder of the task definition template.
struct CodeDeployEcsContainerImageInput {
  codepipeline::Artifact input{};                     ///< holds imageDetails.json; required
  std::string task_definition_placeholder = "IMAGE";  ///< `<IMAGE>` in the template is replaced; default "IMAGE"
};

struct CodeDeployEcsDeployAction {
  static constexpr std::size_t max_image_inputs = 4;

  std::string action_name{};                                           ///< required
  Ptr<codedeploy::EcsDeploymentGroup> deployment_group{};               ///< required
  codepipeline::Artifact task_definition_template_input{};             ///< holds taskdef.json; this or the file is required
  Optional<codepipeline::ArtifactPath> task_definition_template_file{};       ///< default none
  codepipeline::Artifact app_spec_template_input{};                    ///< holds appspec.yaml; this or the file is required
  Optional<codepipeline::ArtifactPath> app_spec_template_file{};       ///< default none
  List<CodeDeployEcsContainerImageInput> container_image_inputs{};         ///< up to 4; default none
  Optional<std::int64_t> run_order{};                                  ///< default 1
  std::string variables_namespace{};                                   ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions

CDKPP_EXTERN_VECTOR(cdk::codepipeline_actions::CodeDeployEcsContainerImageInput);
