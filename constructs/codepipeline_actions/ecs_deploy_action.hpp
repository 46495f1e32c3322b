#pragma once
/// A deploy action that rolls an ECS service onto the images named in an
/// image definitions file (imagedefinitions.json, as a build writes it).
///
///   deploy_stage.add_action(cdk::codepipeline_actions::EcsDeployAction{
///       .action_name = "Deploy", .service = service, .input = build});
///
/// The action's role is narrower than the AWS CDK's: ecs:UpdateService and
/// ecs:DescribeServices on this service only (the AWS CDK allows every
/// service), the task-definition and task actions ECS offers no resource for
/// on "*" (with that reason for outside checks), iam:PassRole only of the
/// service's task and execution roles and only to ECS tasks (the AWS CDK
/// passes any role, to EC2 too), and reading the artifact bucket.
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>

namespace cdk::ecs {
class BaseService;
}

namespace cdk::codepipeline_actions {

struct EcsDeployAction {
  std::string action_name{};                                ///< required
  Ptr<ecs::BaseService> service{};                          ///< required
  codepipeline::Artifact input{};                           ///< holds the image definitions file; required
  std::string file_name{};                                  ///< the file in input; default not set (CodePipeline: imagedefinitions.json)
  Optional<std::int64_t> deployment_timeout_minutes{};      ///< 1-60; default not set (CodePipeline: 60)
  Optional<std::int64_t> run_order{};                       ///< default 1
  std::string variables_namespace{};                        ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
