#include <cdk/codepipeline_actions/ecs_deploy_action.hpp>

#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/ecs/base_service.hpp>
#include <cdk/ecs/cluster.hpp>
#include <cdk/ecs/task_definition.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/security.hpp>

#include <vector>

namespace cdk::codepipeline_actions {

codepipeline::ActionConfig EcsDeployAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!service) throw Error(path, "the ECS deploy action has no service", "set .service");
  if (input.empty()) throw Error(path, "the ECS deploy action has no input artifact", "set .input to the build's artifact");
  if (deployment_timeout_minutes && (*deployment_timeout_minutes < 1 || *deployment_timeout_minutes > 60))
    throw Error(path, "deployment_timeout_minutes " + std::to_string(*deployment_timeout_minutes) +
                          " is outside CodePipeline's range 1-60", "set 1-60, or leave it unset for 60");
  // https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-update-role-new-services
  o.role.add_to_policy({.actions = {"ecs:DescribeServices", "ecs:UpdateService"}, .resources = {service->service_arn()}});
  o.role.add_to_policy({.actions = {"ecs:DescribeTaskDefinition", "ecs:DescribeTasks", "ecs:ListTasks",
                                    "ecs:RegisterTaskDefinition", "ecs:TagResource"},
                        .resources = {"*"}});
  security::explain_wildcard_resources(o.role, {"ecs:RegisterTaskDefinition"},
                                       "ECS deploy: registering and describing task definitions takes no resource, "
                                       "and the new tasks' ids are made during the deployment");
  // The new revision keeps the service's task definition's roles.
  auto& task = service->task_definition();
  std::vector<Value> roles = {task.task_role().role_arn()};
  if (auto* execution = task.execution_role()) roles.push_back(execution->role_arn());
  o.role.add_to_policy({.actions = {"iam:PassRole"}, .resources = std::move(roles),
                        .conditions = Value::map({{"StringEquals", Value::map({{"iam:PassedToService", "ecs-tasks.amazonaws.com"}})}})});
  codepipeline::grant_artifacts_read(o.store, o.role);
  Value::Map config = {{"ClusterName", service->cluster().cluster_name()}, {"ServiceName", service->service_name()}};
  if (!file_name.empty()) config.emplace_back("FileName", file_name);
  if (deployment_timeout_minutes) config.emplace_back("DeploymentTimeout", std::to_string(*deployment_timeout_minutes));
  return {.category = codepipeline::ActionCategory::Deploy, .provider = "ECS", .inputs = {input},
          .configuration = Value(std::move(config))};
}

}  // namespace cdk::codepipeline_actions
