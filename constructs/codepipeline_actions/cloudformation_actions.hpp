#pragma once
/// CloudFormation deploy actions: create or update a stack, create or replace
/// a change set, and execute a change set.
///
///   cdk::codepipeline::Artifact build{"Build"};
///   deploy_stage
///       .add_action(cdk::codepipeline_actions::CloudFormationCreateReplaceChangeSetAction{
///           .action_name = "Prepare", .stack_name = "engine-prod", .change_set_name = "release",
///           .template_path = build.at_path("Engine.template.json"), .admin_permissions = true,
///           .run_order = 1})
///       .add_action(cdk::codepipeline_actions::CloudFormationExecuteChangeSetAction{
///           .action_name = "Execute", .stack_name = "engine-prod", .change_set_name = "release",
///           .run_order = 2});
///
/// As in the AWS CDK: CloudFormation deploys with a deployment role
/// (`<Action>/Role`, assumed by cloudformation.amazonaws.com, allowed
/// everything only with admin_permissions, else what you add through
/// deployment_role()), which may read the artifact bucket; the action's role
/// may pass that role, read (and with an output, write) the artifact bucket,
/// and run only the stack operations of its mode on the named stack (change
/// set operations only on the named change set).
///
/// With a `region` other than the pipeline's, the stack is in that region:
/// CodePipeline copies the inputs to the artifact store there (see
/// codepipeline::Pipeline) and the grants name that store and region.
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cdk::iam {
class IRole;
}

namespace cdk::codepipeline_actions {

enum class CfnCapability : std::uint8_t { Iam, NamedIam, AutoExpand };

struct CloudFormationCreateUpdateStackAction {
  std::string action_name{};                                ///< required
  std::string stack_name{};                                 ///< 1-128, a letter then letters, digits, '-'; required
  codepipeline::ArtifactPath template_path{};               ///< the template in an artifact; required
  bool admin_permissions = false;                           ///< the deployment role made may do anything (warned); default false
  Ptr<iam::IRole> deployment_role{};                        ///< default one made ("Role")
  List<CfnCapability> capabilities{};                       ///< default none, NamedIam with admin_permissions
  std::map<std::string, Value> parameter_overrides{};       ///< default none
  Optional<codepipeline::ArtifactPath> template_configuration{};       ///< parameters/tags file; default none
  List<codepipeline::Artifact> extra_inputs{};              ///< artifacts the parameter overrides read; default none
  codepipeline::Artifact output{};                          ///< the stack's outputs as a file; default none
  std::string output_file_name{};                           ///< with output; default none
  bool replace_on_failure = false;                          ///< delete and recreate a failed stack (REPLACE_ON_FAILURE); default false
  Optional<std::int64_t> run_order{};                       ///< default 1
  std::string variables_namespace{};                        ///< default none
  std::string region{};                                     ///< where the stack is; default the pipeline's region

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

struct CloudFormationCreateReplaceChangeSetAction {
  std::string action_name{};                                ///< required
  std::string stack_name{};                                 ///< required
  std::string change_set_name{};                            ///< required
  codepipeline::ArtifactPath template_path{};               ///< required
  bool admin_permissions = false;                           ///< default false
  Ptr<iam::IRole> deployment_role{};                        ///< default one made ("Role")
  List<CfnCapability> capabilities{};                       ///< default none, NamedIam with admin_permissions
  std::map<std::string, Value> parameter_overrides{};       ///< default none
  Optional<codepipeline::ArtifactPath> template_configuration{};       ///< default none
  List<codepipeline::Artifact> extra_inputs{};              ///< default none
  codepipeline::Artifact output{};                          ///< default none
  std::string output_file_name{};                           ///< with output; default none
  Optional<std::int64_t> run_order{};                       ///< default 1
  std::string variables_namespace{};                        ///< default none
  std::string region{};                                     ///< where the stack is; default the pipeline's region

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

struct CloudFormationExecuteChangeSetAction {
  std::string action_name{};                ///< required
  std::string stack_name{};                 ///< required
  std::string change_set_name{};            ///< required
  codepipeline::Artifact output{};          ///< default none
  std::string output_file_name{};           ///< with output; default none
  Optional<std::int64_t> run_order{};       ///< default 1
  std::string variables_namespace{};        ///< default none
  std::string region{};                     ///< where the stack is; default the pipeline's region

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions

CDKPP_EXTERN_VECTOR(cdk::codepipeline_actions::CfnCapability);
