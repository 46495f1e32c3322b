#pragma once
/// A deploy action that starts a CodeDeploy deployment of a revision (an
/// artifact holding appspec.yml and what it installs) on the instances of a
/// server deployment group.
///
///   deploy_stage.add_action(cdk::codepipeline_actions::CodeDeployServerDeployAction{
///       .action_name = "Deploy", .deployment_group = group, .input = bundle});
///
/// As the AWS CDK grants: the action's role may register revisions of the
/// group's application, create and watch deployments of this group and read
/// its deployment configuration and the artifact bucket; the instance roles of
/// the group's Auto Scaling groups may read the artifact bucket (the agent
/// downloads the revision from there). Auto Scaling groups added to the group
/// after the action get no such grant: add them first.
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>

namespace cdk::codedeploy {
class ServerDeploymentGroup;
}

namespace cdk::codepipeline_actions {

struct CodeDeployServerDeployAction {
  std::string action_name{};                                 ///< required
  Ptr<codedeploy::ServerDeploymentGroup> deployment_group{}; ///< required
  codepipeline::Artifact input{};                            ///< the revision; required
  Optional<std::int64_t> run_order{};                        ///< default 1
  std::string variables_namespace{};                         ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
