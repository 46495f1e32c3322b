#pragma once
/// A build or test action running a CodeBuild project (usually a
/// codebuild::PipelineProject) on the action's inputs.
///
///   build_stage.add_action(cdk::codepipeline_actions::CodeBuildAction{
///       .action_name = "Compile", .project = project, .input = source, .outputs = {binaries},
///       .environment_variables = {{"IMAGE_TAG", {.value = "#{SourceVariables.CommitId}"}}}});
///
/// As the AWS CDK grants: the action's role may start, stop and watch builds
/// of this project only; the project's role may read the artifact bucket
/// (and write it when the action has outputs), read the parameters and
/// secrets the action's variables name, and use the connection of a source
/// action whose output is a CodeBuild clone reference.
#include <cdk/codebuild/environment_variable.hpp>
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cdk::codebuild {
class Project;
}

namespace cdk::codepipeline_actions {

enum class CodeBuildActionType : std::uint8_t { Build, Test };

struct CodeBuildAction {
  std::string action_name{};                                 ///< required
  Ptr<codebuild::Project> project{};                         ///< required
  codepipeline::Artifact input{};                            ///< the primary source; required
  List<codepipeline::Artifact> extra_inputs{};               ///< secondary sources; default none
  List<codepipeline::Artifact> outputs{};                    ///< default none
  codebuild::BuildEnvironmentVariables environment_variables{};  ///< override the project's; default none
  CodeBuildActionType type = CodeBuildActionType::Build;     ///< Build or Test category; default Build
  Optional<std::int64_t> run_order{};                        ///< default 1
  std::string variables_namespace{};                         ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
