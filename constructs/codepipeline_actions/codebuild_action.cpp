#include <cdk/codepipeline_actions/codebuild_action.hpp>

// The JSON text CodeBuild projects render is what the action's variables need too.
#include <cdk/codebuild/detail/json_text.hpp>
#include <cdk/codebuild/project.hpp>
#include <cdk/codepipeline/artifact_grants.hpp>
#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/error.hpp>
#include <cdk/iam/role.hpp>

namespace cdk::codepipeline_actions {

namespace {

// A source action that hands CodeBuild a clone reference: the build clones
// through the connection, so the project needs it too.
void grant_clone_connections(const codepipeline::ActionBindOptions& o, const CodeBuildAction& a) {
  for (const auto* stage : o.pipeline.stages())
    for (const auto& action : stage->actions()) {
      const auto& c = action.config.configuration;
      const auto* format = c.kind() == Value::Kind::Map ? c.find("OutputArtifactFormat") : nullptr;
      if (format == nullptr || *format != Value("CODEBUILD_CLONE_REF")) continue;
      for (const auto& out : action.config.outputs) {
        bool consumed = out == a.input;
        for (const auto& extra : a.extra_inputs) consumed = consumed || out == extra;
        if (consumed) a.project->add_to_role_policy({.actions = {"codestar-connections:UseConnection"},
                                                     .resources = {*c.find("ConnectionArn")}});
      }
    }
}

}  // namespace

codepipeline::ActionConfig CodeBuildAction::bind(const codepipeline::ActionBindOptions& o) const {
  const auto path = o.scope.node().path();
  if (!project) throw Error(path, "the CodeBuild action has no project", "set .project = a codebuild::PipelineProject");
  if (input.empty()) throw Error(path, "the CodeBuild action has no input artifact", "set .input to the source's artifact");
  codebuild::check_environment_variables(path, environment_variables);
  project->grant_start_build(o.role);
  if (outputs.empty()) codepipeline::grant_artifacts_read(o.store, *project);
  else codepipeline::grant_artifacts_read_write(o.store, *project);
  codebuild::grant_environment_variables_read(*project, environment_variables);
  grant_clone_connections(o, *this);
  Value::Map config = {{"ProjectName", project->project_name()}};
  if (!extra_inputs.empty()) config.emplace_back("PrimarySource", input.name());
  if (!environment_variables.empty())
    config.emplace_back("EnvironmentVariables",
                        codebuild::detail::json_text(codebuild::environment_variables_value(environment_variables), 0));
  std::vector<codepipeline::Artifact> inputs = {input};
  inputs.insert(inputs.end(), extra_inputs.begin(), extra_inputs.end());
  return {.category = type == CodeBuildActionType::Test ? codepipeline::ActionCategory::Test : codepipeline::ActionCategory::Build,
          .provider = "CodeBuild", .inputs = std::move(inputs), .outputs = outputs, .configuration = Value(std::move(config))};
}

}  // namespace cdk::codepipeline_actions
