#include <cdk/codepipeline_actions/codedeploy_server_deploy_action.hpp>

#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/codedeploy/application.hpp>
#include <cdk/codedeploy/server_deployment_group.hpp>
#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/codepipeline_actions/detail/codedeploy_grants.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>

namespace cdk::codepipeline_actions {

codepipeline::ActionConfig CodeDeployServerDeployAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!deployment_group)
    throw Error(path, "the CodeDeploy deploy action has no deployment group", "set .deployment_group");
  if (input.empty())
    throw Error(path, "the CodeDeploy deploy action has no input artifact", "set .input to the revision's artifact");
  detail::grant_deployments(*deployment_group, o.role,
                            {"codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"},
                            "CodeDeployDefault.OneAtATime");
  codepipeline::grant_artifacts_read(o.store, o.role);
  for (auto* group : deployment_group->auto_scaling_groups()) codepipeline::grant_artifacts_read(o.store, *group);
  return {.category = codepipeline::ActionCategory::Deploy, .provider = "CodeDeploy", .inputs = {input},
          .configuration = Value::map({{"ApplicationName", deployment_group->application().application_name()},
                                       {"DeploymentGroupName", deployment_group->deployment_group_name()}})};
}

}  // namespace cdk::codepipeline_actions
