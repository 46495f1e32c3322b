#pragma once
/// A source action reading a GitHub, GitLab or Bitbucket repository through a
/// CodeStar Connections connection (provider CodeStarSourceConnection).
///
///   source_stage.add_action(cdk::codepipeline_actions::CodeStarConnectionsSourceAction{
///       .action_name = "GitHub", .connection_arn = connection.connection_arn(),
///       .owner = "acme", .repo = "engine", .branch = "main", .output = source});
///
/// Its role may use the connection and write the artifact (what the AWS CDK
/// grants). Unlike the AWS CDK, the branch has no default ("master" there):
/// name it. A V2 pipeline's Trigger with git filters names this action.
#include <cdk/codepipeline/action.hpp>
#include <cdk/codepipeline/artifact.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>

namespace cdk::codepipeline_actions {

struct CodeStarConnectionsSourceAction {
  std::string action_name{};                    ///< required
  Value connection_arn{};                       ///< a connection's ARN (CodeStarConnection::connection_arn()); required
  std::string owner{};                          ///< user or organization; required
  std::string repo{};                           ///< repository name; required
  std::string branch{};                         ///< required
  codepipeline::Artifact output{};              ///< required
  bool code_build_clone_output = false;         ///< a Git clone reference (for CodeBuild to clone) instead of a .zip; default false
  Optional<bool> trigger_on_push{};             ///< start on pushes; default not set (CodePipeline: true)
  Optional<std::int64_t> run_order{};           ///< default 1
  std::string variables_namespace{};            ///< default none

  codepipeline::ActionConfig bind(const codepipeline::ActionBindOptions& options) const;
};

}  // namespace cdk::codepipeline_actions
