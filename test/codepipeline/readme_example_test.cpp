// The README's CI/CD example, as written there: it compiles, synthesizes and
// is cfn-lint clean.
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/codebuild/codebuild.hpp>
#include <cdk/codepipeline/codepipeline.hpp>
#include <cdk/codepipeline_actions/codepipeline_actions.hpp>

#include <gtest/gtest.h>

namespace {

TEST(ReadmeExample, BuildsAPipelineFromGitHubThroughASynthBuildToAnApprovedDeploy) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Cicd");
  // --- as in README.md ("CI/CD: CodeBuild and CodePipeline") ---
  namespace actions = cdk::codepipeline_actions;
  auto& github = stack.add<actions::CodeStarConnection>("GitHub", {.connection_name = "acme-github"});
  auto& build = stack.add<cdk::codebuild::PipelineProject>("Build", {
      .build_spec = cdk::codebuild::BuildSpec::from_object({
          .build = {.commands = {"cmake -S . -B build", "cmake --build build", "./build/infra synth --out cdk.out"}},
          .artifact_files = {"**/*"}, .artifact_base_directory = "cdk.out"}),
      .compute_type = cdk::codebuild::ComputeType::Large});
  cdk::codepipeline::Artifact source{"Source"}, synth{"Synth"};
  auto& pipeline = stack.add<cdk::codepipeline::Pipeline>("Pipeline", {
      .triggers = {{.source_action_name = "GitHub", .push_filter = {{.branches_includes = {"main"}}}}}});
  pipeline.add_stage({.stage_name = "Source"}).add_action(actions::CodeStarConnectionsSourceAction{
      .action_name = "GitHub", .connection_arn = github.connection_arn(),
      .owner = "acme", .repo = "engine", .branch = "main", .output = source});
  pipeline.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{
      .action_name = "Synth", .project = build, .input = source, .outputs = {synth}});
  pipeline.add_stage({.stage_name = "Deploy"})
      .add_action(actions::ManualApprovalAction{.action_name = "Approve", .run_order = 1})
      .add_action(actions::CloudFormationCreateUpdateStackAction{
          .action_name = "Engine", .stack_name = "engine", .template_path = synth.at_path("Engine.template.json"),
          .admin_permissions = true, .run_order = 2});
  // ---
  auto t = cdk::assertions::Template::from_stack(stack);
  t.resource_count_is("AWS::CodePipeline::Pipeline", 1);
  // The pipeline role, one role per action, the build's role and the deployment role.
  t.resource_count_is("AWS::IAM::Role", 7);
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
