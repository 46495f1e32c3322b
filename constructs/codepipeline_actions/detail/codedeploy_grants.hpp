#pragma once
// What both CodeDeploy deploy actions let their role do. Internal: not
// included by public headers.
#include <initializer_list>
#include <string_view>

namespace cdk::codedeploy {
class BaseDeploymentGroup;
}
namespace cdk::iam {
class Role;
}

namespace cdk::codepipeline_actions::detail {

/// `application_actions` on the group's application; CreateDeployment and
/// GetDeployment on the group; GetDeploymentConfig on its configuration (or on
/// `default_config`, the one CodeDeploy applies when the group names none).
void grant_deployments(const codedeploy::BaseDeploymentGroup& group, iam::Role& role,
                       std::initializer_list<std::string_view> application_actions, std::string_view default_config);

}  // namespace cdk::codepipeline_actions::detail
