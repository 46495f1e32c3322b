#pragma once
/// cdk::codepipeline::Stage: a stage of a Pipeline, made by Pipeline::add_stage.
///
///   auto& build = pipeline.add_stage({.stage_name = "Build"});
///   build.add_action(cdk::codepipeline_actions::CodeBuildAction{
///       .action_name = "Compile", .project = project, .input = source, .outputs = {binaries}});
///
/// A stage is the construct `<Pipeline>/<StageName>`, and each action the
/// construct `<Pipeline>/<StageName>/<ActionName>` holding its role, as in the
/// AWS CDK, so the roles' logical ids match.
#include <cdk/codepipeline/action.hpp>
#include <cdk/construct.hpp>
#include <cdk/container_instances.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cdk::codepipeline {

class Pipeline;

struct StageProps {
  std::string stage_name{};                                   ///< 1-100 of [A-Za-z0-9.@_-], unique in the pipeline; required
  bool transition_to_enabled = true;                          ///< let executions enter the stage; default true
  std::string transition_disabled_reason = "Transition disabled";  ///< with transition_to_enabled false; default as the AWS CDK
};

/// An action declared whole that CodePipeline runs as a role that exists
/// already, by ARN, instead of one made for it: how CDK Pipelines deploys (as
/// the target environment's bootstrap deploy role, which may be in another
/// account). Nothing is bound and nothing is granted to that role (it must
/// allow what the action does); the pipeline's role may assume it.
///
///   stage.add_action_as_role({.action_name = "Deploy", .run_order = 2,
///                             .role_arn = deploy_role_arn, .config = {...}});
struct RoleActionProps {
  std::string action_name{};          ///< unique in the stage; required
  std::int64_t run_order = 1;         ///< 1-999; default 1
  std::string variables_namespace{};  ///< default none
  Value role_arn{};                   ///< the role CodePipeline assumes to run the action; required
  ActionConfig config{};              ///< category, provider, artifacts and configuration; required
  std::string region{};               ///< where the action runs; default the pipeline's region
};

/// One action as the stage holds it.
struct StageAction {
  std::string name;
  std::int64_t run_order = 1;
  std::string variables_namespace;
  Construct* scope = nullptr;  ///< `<Pipeline>/<Stage>/<Action>`
  iam::Role* role = nullptr;   ///< the role made for the action, or nullptr with role_arn
  ActionConfig config;
  Value role_arn{};            ///< an existing role the action runs as (add_action_as_role)
  std::string region{};        ///< where the action runs; empty: the pipeline's region
};

class Stage : public Construct {
 public:
  using Props = StageProps;
  /// `scope` must be the Pipeline (use Pipeline::add_stage).
  Stage(Construct& scope, std::string_view id, const StageProps& props);

  /// Adds an action: makes its role, binds it, and adds it to the pipeline.
  /// Throws cdk::Error (naming the action's path) for a repeated or invalid
  /// name, a run order outside 1-999, or an artifact name CodePipeline refuses.
  /// An action refused by its own checks leaves its role in the tree: treat
  /// the error as the end of the program, as `synth` does. An action with a
  /// `region` member naming another region than the pipeline's binds to the
  /// artifact store of that region (Pipeline::artifact_store).
  template <PipelineAction A>
  Stage& add_action(const A& action) {
    std::string region;
    if constexpr (requires { std::string(action.region); }) region = action.region;
    auto& scope = begin_action(action.action_name, action.run_order);
    const ActionConfig config = action.bind(bind_options(scope, region));
    finish_action(scope, action.run_order.value_or(1), action.variables_namespace, config, region);
    return *this;
  }

  /// Adds an action that runs as an existing role (RoleActionProps). Throws
  /// cdk::Error as add_action does, and for a missing role_arn.
  Stage& add_action_as_role(RoleActionProps action);

  [[nodiscard]] const std::string& stage_name() const noexcept { return props_.stage_name; }
  [[nodiscard]] const StageProps& props() const noexcept { return props_; }
  [[nodiscard]] const std::vector<StageAction>& actions() const noexcept { return actions_; }
  [[nodiscard]] Pipeline& pipeline() const noexcept { return pipeline_; }

 private:
  Construct& begin_action(const std::string& name, const std::optional<std::int64_t>& run_order, bool make_role = true);
  [[nodiscard]] ActionBindOptions bind_options(Construct& scope, const std::string& region);
  void finish_action(Construct& scope, std::int64_t run_order, const std::string& variables_namespace,
                     const ActionConfig& config, const std::string& region);

  Pipeline& pipeline_;
  StageProps props_;
  std::vector<StageAction> actions_;
};

}  // namespace cdk::codepipeline

CDKPP_EXTERN_VECTOR(cdk::codepipeline::StageAction);
