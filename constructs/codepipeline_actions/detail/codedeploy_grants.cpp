#include <cdk/codepipeline_actions/detail/codedeploy_grants.hpp>

#include <cdk/codedeploy/application.hpp>
#include <cdk/codedeploy/base_deployment_group.hpp>
#include <cdk/iam/role.hpp>

#include <string>
#include <vector>

namespace cdk::codepipeline_actions::detail {

// https://docs.aws.amazon.com/codedeploy/latest/userguide/auth-and-access-control-permissions-reference.html
void grant_deployments(const codedeploy::BaseDeploymentGroup& group, iam::Role& role,
                       std::initializer_list<std::string_view> application_actions, std::string_view default_config) {
  std::vector<std::string> actions(application_actions.begin(), application_actions.end());
  role.add_to_policy({.actions = std::move(actions), .resources = {group.application().application_arn()}});
  role.add_to_policy({.actions = {"codedeploy:CreateDeployment", "codedeploy:GetDeployment"},
                      .resources = {group.deployment_group_arn()}});
  const auto* config = group.deployment_config();
  const auto arn = config ? config->deployment_config_arn(group)
                          : codedeploy::DeploymentConfigRef::from_name(std::string(default_config),
                                                                       group.application().compute_platform())
                                .deployment_config_arn(group);
  role.add_to_policy({.actions = {"codedeploy:GetDeploymentConfig"}, .resources = {arn}});
}

}  // namespace cdk::codepipeline_actions::detail
