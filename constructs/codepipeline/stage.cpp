#include <cdk/codepipeline/stage.hpp>

#include "detail/names.hpp"

#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>

#include <algorithm>

namespace cdk::codepipeline {

namespace {

Pipeline& pipeline_of(Construct& scope, std::string_view id) {
  auto* pipeline = dynamic_cast<Pipeline*>(&scope);
  if (pipeline == nullptr)
    throw Error(scope.node().path() + "/" + std::string(id), "a stage is made by its pipeline",
                "use pipeline.add_stage({.stage_name = ...})");
  return *pipeline;
}

}  // namespace

Stage::Stage(Construct& scope, std::string_view id, const StageProps& props)
    : Construct(scope, id), pipeline_(pipeline_of(scope, id)), props_(std::move(props)) {}

Construct& Stage::begin_action(const std::string& name, const std::optional<std::int64_t>& run_order, bool make_role) {
  const auto path = node().path() + "/" + name;
  detail::check_name(path, "action name", name, ".@_-");
  if (node().try_find_child(name) != nullptr)
    throw Error(path, "stage \"" + stage_name() + "\" already has an action named \"" + name + "\"",
                "give each action of a stage its own name");
  if (run_order && (*run_order < 1 || *run_order > 999))
    throw Error(path, "run_order " + std::to_string(*run_order) + " is outside CodePipeline's range 1-999",
                "set 1-999 (actions with the same run order run in parallel)");
  auto& scope = add<Construct>(name);
  if (!make_role) return scope;
  // Only the pipeline's role may assume an action's role; it gets
  // sts:AssumeRole on exactly this one.
  auto& role = scope.add<iam::Role>("CodePipelineActionRole", {.assumed_by = iam::ArnPrincipal{pipeline_.role().role_arn()}});
  pipeline_.role().add_to_policy({.actions = {"sts:AssumeRole"}, .resources = {role.role_arn()}});
  return scope;
}

Stage& Stage::add_action_as_role(RoleActionProps action) {
  if (action.role_arn.is_null())
    throw Error(node().path() + "/" + action.action_name, "the action has no role_arn",
                "set .role_arn to the role CodePipeline should assume, or use add_action to have one made");
  auto& scope = begin_action(action.action_name, action.run_order, false);
  (void)pipeline_.artifact_store(action.region, scope.node().path());
  pipeline_.role().add_to_policy({.actions = {"sts:AssumeRole"}, .resources = {action.role_arn}});
  finish_action(scope, action.run_order, action.variables_namespace, action.config, action.region);
  actions_.back().role_arn = std::move(action.role_arn);
  pipeline_.refresh();
  return *this;
}

ActionBindOptions Stage::bind_options(Construct& scope, const std::string& region) {
  auto& role = dynamic_cast<iam::Role&>(scope.node().find_child("CodePipelineActionRole"));
  const auto& store = pipeline_.artifact_store(region, scope.node().path());
  return {.scope = scope, .role = role, .bucket = pipeline_.artifact_bucket(), .pipeline = pipeline_, .store = store};
}

void Stage::finish_action(Construct& scope, std::int64_t run_order, const std::string& variables_namespace,
                          const ActionConfig& config, const std::string& region) {
  const auto path = scope.node().path();
  for (const auto* list : {&config.inputs, &config.outputs})
    for (const auto& artifact : *list) detail::check_name(path, "artifact name", artifact.name(), "_-");
  if (!variables_namespace.empty()) detail::check_name(path, "variables namespace", variables_namespace, "@_-", 128);
  auto* role = dynamic_cast<iam::Role*>(scope.node().try_find_child("CodePipelineActionRole"));
  actions_.push_back({.name = scope.node().id(), .run_order = run_order, .variables_namespace = variables_namespace,
                      .scope = &scope, .role = role, .config = config,
                      .region = region == pipeline_.region() ? std::string() : region});
  pipeline_.refresh();
}

}  // namespace cdk::codepipeline
