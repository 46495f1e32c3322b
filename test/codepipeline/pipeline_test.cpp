// codepipeline::Pipeline: the AWS CDK's construct ids (so logical ids), the
// artifact bucket, the pipeline role that may only assume the action roles,
// stages, transitions, V2 triggers and variables, and the structural checks
// (one line each, naming the path).
#include "codepipeline/support.hpp"
#include "support/expect_error.hpp"

#include <cdk/codebuild/project.hpp>
#include <cdk/codepipeline/cfn_pipeline.hpp>
#include <cdk/s3/bucket.hpp>

#include <gmock/gmock.h>

namespace {

using namespace cdk::testing::pipeline;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codepipeline = cdk::codepipeline;
namespace actions = cdk::codepipeline_actions;
using ::testing::HasSubstr;

std::string synth_error(cdk::Stack& stack) {
  try {
    Template::from_stack(stack);
  } catch (const cdk::SynthError& e) {
    return e.what();
  }
  return "no error";
}

class PipelineStructureTest : public PipelineTest {
 protected:
  codepipeline::Artifact built{"Built"};
  cdk::codebuild::PipelineProject& project() {
    if (auto* p = dynamic_cast<cdk::codebuild::PipelineProject*>(stack.node().try_find_child("Build"))) return *p;
    return stack.add<cdk::codebuild::PipelineProject>("Build");
  }
  actions::CodeBuildAction build_action(const char* name, codepipeline::Artifact input, std::vector<codepipeline::Artifact> outputs = {}) {
    return {.action_name = name, .project = project(), .input = std::move(input), .outputs = std::move(outputs)};
  }
};

TEST_F(PipelineStructureTest, HasTheAwsCdkIdsAV2TypeAndAnEncryptedTlsOnlyArtifactBucket) {
  auto& p = pipeline();
  p.add_stage({.stage_name = "Build"}).add_action(build_action("Compile", source, {built}));
  EXPECT_EQ(p.stages().size(), 2U);
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(p.cfn_pipeline()), "PipelineC660917D");
  t.has_resource("AWS::CodePipeline::Pipeline", Match::object_like({
      {"Properties", Match::object_like({
          {"ArtifactStore", Match::object_equals({{"Location", ref("PipelineArtifactsBucket22248F97")}, {"Type", "S3"}})},
          {"RoleArn", get_att("PipelineRoleD68726F7", "Arn")}, {"PipelineType", "V2"},
          {"Stages", Match::array_equals({
              Match::object_like({{"Name", "Source"}}),
              Match::object_equals({{"Name", "Build"}, {"Actions", Match::array_equals({Match::object_equals({
                  {"ActionTypeId", Match::object_equals({{"Category", "Build"}, {"Owner", "AWS"}, {"Provider", "CodeBuild"}, {"Version", "1"}})},
                  {"Configuration", Match::object_equals({{"ProjectName", ref("Build45A36621")}})},
                  {"InputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Source"}})})},
                  {"Name", "Compile"},
                  {"OutputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Built"}})})},
                  {"RoleArn", get_att("PipelineBuildCompileCodePipelineActionRole66C9F3E6", "Arn")},
                  {"RunOrder", 1}})})}})})}})},
      {"DependsOn", Match::array_equals({"PipelineRoleDefaultPolicyC7A05455"})}}));
  t.has_resource("AWS::S3::Bucket", Match::object_like({
      {"DeletionPolicy", "Retain"},
      {"Properties", Match::object_like({{"BucketEncryption", Match::object_equals({{"ServerSideEncryptionConfiguration",
          Match::array_equals({Match::object_equals({{"ServerSideEncryptionByDefault",
              Match::object_equals({{"SSEAlgorithm", "AES256"}})}})})}})}})}}));
  t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
      {"Bucket", ref("PipelineArtifactsBucket22248F97")},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Effect", "Deny"}, {"Condition", Match::object_equals({{"Bool", Match::object_equals({{"aws:SecureTransport", "false"}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(PipelineStructureTest, ThePipelineRoleMayOnlyAssumeTheActionRolesWhichTrustOnlyIt) {
  auto& p = pipeline();
  p.add_stage({.stage_name = "Build"}).add_action(build_action("Compile", source));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Role", Match::object_equals({{"AssumeRolePolicyDocument", Match::object_equals({
      {"Version", "2012-10-17"}, {"Statement", Match::array_equals({Match::object_equals({
          {"Effect", "Allow"}, {"Action", "sts:AssumeRole"},
          {"Principal", Match::object_equals({{"AWS", get_att("PipelineRoleD68726F7", "Arn")}})}})})}})}}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineRoleD68726F7", Match::array_equals({
      Match::object_like({{"Action", Match::array_with({"s3:GetObject", "s3:PutObject"})}}),
      allow({"sts:AssumeRole"}, get_att("PipelineSourceGitHubCodePipelineActionRole1AB4BA0C", "Arn")),
      allow({"sts:AssumeRole"}, get_att("PipelineBuildCompileCodePipelineActionRole66C9F3E6", "Arn"))})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(PipelineStructureTest, RendersV2TriggersVariablesRestartExecutionModeAndDisabledTransitions) {
  auto& p = pipeline({.pipeline_name = "engine", .execution_mode = codepipeline::ExecutionMode::Queued,
                      .restart_execution_on_update = true,
                      .variables = {{.name = "Target", .default_value = "staging", .description = "where to deploy"}},
                      .triggers = {{.source_action_name = "GitHub",
                                    .push_filter = {{.branches_includes = {"main", "release/*"}, .file_paths_excludes = {"docs/**"}},
                                                    {.tags_includes = {"v*"}}},
                                    .pull_request_filter = {{.events = {codepipeline::GitPullRequestEvent::Open},
                                                             .branches_includes = {"main"}}}}}});
  p.add_stage({.stage_name = "Build", .transition_to_enabled = false, .transition_disabled_reason = "frozen"})
      .add_action(build_action("Compile", source));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", Match::object_like({
      {"Name", "engine"}, {"ExecutionMode", "QUEUED"}, {"RestartExecutionOnUpdate", true},
      {"Variables", Match::array_equals({Match::object_equals({{"DefaultValue", "staging"}, {"Description", "where to deploy"},
                                                               {"Name", "Target"}})})},
      {"DisableInboundStageTransitions", Match::array_equals({Match::object_equals({{"Reason", "frozen"}, {"StageName", "Build"}})})},
      {"Triggers", Match::array_equals({Match::object_equals({
          {"ProviderType", "CodeStarSourceConnection"},
          {"GitConfiguration", Match::object_equals({
              {"SourceActionName", "GitHub"},
              {"Push", Match::array_equals({
                  Match::object_equals({{"Branches", Match::object_equals({{"Includes", Match::array_equals({"main", "release/*"})}})},
                                        {"FilePaths", Match::object_equals({{"Excludes", Match::array_equals({"docs/**"})}})}}),
                  Match::object_equals({{"Tags", Match::object_equals({{"Includes", Match::array_equals({"v*"})}})}})})},
              {"PullRequest", Match::array_equals({Match::object_equals({
                  {"Branches", Match::object_equals({{"Includes", Match::array_equals({"main"})}})},
                  {"Events", Match::array_equals({"OPEN"})}})})}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(PipelineStructureTest, UsesAGivenArtifactBucketAndAddsVariablesAndTriggersLater) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Artifacts");
  auto& p = pipeline({.artifact_bucket = bucket});
  p.add_stage({.stage_name = "Build"}).add_action(build_action("Compile", source));
  p.add_variable({.name = "Stage"});
  p.add_trigger({.source_action_name = "GitHub", .push_filter = {{.branches_includes = {"main"}}}});
  EXPECT_EQ(&p.artifact_bucket(), &bucket);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::S3::Bucket", 1);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", Match::object_like({
      {"ArtifactStore", Match::object_equals({{"Location", ref("Artifacts82DD59A1")}, {"Type", "S3"}})},
      {"Variables", Match::array_equals({Match::object_equals({{"Name", "Stage"}})})},
      {"Triggers", Match::array_with({Match::object_like({{"ProviderType", "CodeStarSourceConnection"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(PipelineStructureTest, RefusesRepeatedOrInvalidNamesAndV2FeaturesOnV1AtOnce) {
  auto& p = pipeline();
  expect_error([&] { p.add_stage({.stage_name = "Source"}); }, "Stack/Pipeline/Source", "already has a stage or construct named \"Source\"");
  expect_error([&] { p.add_stage({.stage_name = "Bad Name"}); }, "Stack/Pipeline/Bad Name", "stage name \"Bad Name\" must be 1-100");
  auto& build = p.add_stage({.stage_name = "Build"});
  build.add_action(build_action("Compile", source));
  expect_error([&] { build.add_action(build_action("Compile", source)); }, "Stack/Pipeline/Build/Compile",
               "stage \"Build\" already has an action named \"Compile\"");
  expect_error([&] { build.add_action(build_action("Bad/Name", source)); }, "Stack/Pipeline/Build/Bad/Name", "action name");
  expect_error([&] {
    auto a = build_action("Late", source);
    a.run_order = 1000;
    build.add_action(a);
  }, "Stack/Pipeline/Build/Late", "run_order 1000 is outside CodePipeline's range 1-999");
  expect_error([&] { build.add_action(build_action("Odd", codepipeline::Artifact{"no spaces"})); }, "Stack/Pipeline/Build/Odd",
               "artifact name \"no spaces\"");
  expect_error([&] { stack.add<codepipeline::Pipeline>("V1", {.pipeline_type = codepipeline::PipelineType::V1,
                                                             .variables = {{.name = "X"}}}); },
               "Stack/V1", "variable \"X\" needs a V2 pipeline");
  expect_error([&] { stack.add<codepipeline::Pipeline>("V1b", {.pipeline_type = codepipeline::PipelineType::V1,
                                                              .triggers = {{.source_action_name = "GitHub"}}}); },
               "Stack/V1b", "triggers need a V2 pipeline");
  expect_error([&] { stack.add<codepipeline::Pipeline>("V1c", {.pipeline_type = codepipeline::PipelineType::V1,
                                                              .execution_mode = codepipeline::ExecutionMode::Parallel}); },
               "Stack/V1c", "execution mode PARALLEL needs a V2 pipeline");
  expect_error([&] { p.add_trigger({.source_action_name = "GitHub", .push_filter = {{.file_paths_includes = {"src/**"}}}}); },
               "Stack/Pipeline", "names no branch or tag");
  expect_error([&] { p.add_trigger({.source_action_name = "GitHub", .push_filter = {{.tags_includes = {"a"}}, {.tags_includes = {"b"}},
                                                                                      {.tags_includes = {"c"}}, {.tags_includes = {"d"}}}}); },
               "Stack/Pipeline", "more than 3 push or pull-request filters");
  expect_error([&] { stack.add<codepipeline::Stage>("Loose", codepipeline::StageProps{.stage_name = "Loose"}); }, "Stack/Loose",
               "a stage is made by its pipeline");
}

TEST_F(PipelineStructureTest, ALonePipelineStageFailsSynthesis) {
  pipeline();
  EXPECT_THAT(synth_error(stack), HasSubstr("Stack/Pipeline: the pipeline has 1 stage(s); CodePipeline needs at least two"));
}

TEST_F(PipelineStructureTest, AnEmptyStageFailsSynthesis) {
  auto& p = pipeline();
  p.add_stage({.stage_name = "Build"});
  EXPECT_THAT(synth_error(stack), HasSubstr("Stack/Pipeline/Build: the stage has no actions"));
}

TEST_F(PipelineStructureTest, OnlySourceActionsInTheFirstStageAndNoneElsewhere) {
  auto& p = stack.add<codepipeline::Pipeline>("Pipeline");
  p.add_stage({.stage_name = "Build"}).add_action(build_action("Compile", source));
  p.add_stage({.stage_name = "Source"}).add_action(actions::CodeStarConnectionsSourceAction{
      .action_name = "GitHub", .connection_arn = connection_arn, .owner = "a", .repo = "b", .branch = "main", .output = source});
  const auto e = synth_error(stack);
  EXPECT_THAT(e, HasSubstr("Stack/Pipeline/Build/Compile: the first stage may hold only source actions"));
  EXPECT_THAT(e, HasSubstr("Stack/Pipeline/Source/GitHub: a source action may only be in the first stage"));
  EXPECT_THAT(e, HasSubstr("Stack/Pipeline/Build/Compile: artifact \"Source\" is consumed but no earlier action produces it"));
}

TEST_F(PipelineStructureTest, ArtifactsMustBeProducedEarlierAndOnlyOnce) {
  auto& p = pipeline();
  auto& build = p.add_stage({.stage_name = "Build"});
  auto test_action = build_action("Test", built);
  test_action.run_order = 2;
  build.add_action(build_action("Compile", source, {built})).add_action(test_action);
  build.add_action(build_action("Parallel", built));  // same run order as Compile: not yet produced
  p.add_stage({.stage_name = "Again"}).add_action(build_action("Twice", source, {built}));
  const auto e = synth_error(stack);
  EXPECT_THAT(e, HasSubstr("Stack/Pipeline/Build/Parallel: artifact \"Built\" is consumed but no earlier action produces it"));
  EXPECT_THAT(e, HasSubstr("Stack/Pipeline/Again/Twice: artifact \"Built\" is produced by two actions"));
  EXPECT_THAT(e, ::testing::Not(HasSubstr("Stack/Pipeline/Build/Test:")));
}

TEST_F(PipelineStructureTest, ATriggerMustNameACodeStarSourceAction) {
  auto& p = pipeline({.triggers = {{.source_action_name = "Compile", .push_filter = {{.branches_includes = {"main"}}}}}});
  p.add_stage({.stage_name = "Build"}).add_action(build_action("Compile", source));
  EXPECT_THAT(synth_error(stack), HasSubstr("Stack/Pipeline: the trigger names \"Compile\", which is not a CodeStar Connections source action"));
}

}  // namespace

namespace {

TEST_F(PipelineStructureTest, AnActionAsAnExistingRoleMakesNoRoleAndLetsThePipelineAssumeIt) {
  auto& p = pipeline();
  const char* role = "arn:aws:iam::123456789012:role/deployer";
  p.add_stage({.stage_name = "Deploy"}).add_action_as_role({
      .action_name = "Stack", .run_order = 2, .role_arn = role,
      .config = {.category = codepipeline::ActionCategory::Deploy, .provider = "CloudFormation", .inputs = {source},
                 .configuration = cdk::Value::map({{"ActionMode", "CHANGE_SET_EXECUTE"}, {"StackName", "app"},
                                                   {"ChangeSetName", "next"}})}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", Match::object_like({{"Stages", Match::array_with({
      Match::object_like({{"Name", "Deploy"}, {"Actions", Match::array_equals({Match::object_like({
          {"Name", "Stack"}, {"RoleArn", role}, {"RunOrder", 2}, {"InputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Source"}})})}})})}})})}}));
  EXPECT_EQ(p.stages().back()->actions().front().role, nullptr);
  t.resource_count_is("AWS::IAM::Role", 2);  // the pipeline's and the source action's
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineRoleD68726F7", Match::array_with({allow({"sts:AssumeRole"}, role)})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(PipelineStructureTest, RefusesAnActionAsARoleWithoutTheRole) {
  auto& stage = pipeline().add_stage({.stage_name = "Deploy"});
  expect_error([&] { stage.add_action_as_role({.action_name = "Stack", .config = {.category = codepipeline::ActionCategory::Deploy,
                                                                                  .provider = "CloudFormation"}}); },
               "Stack/Pipeline/Deploy/Stack", "the action has no role_arn");
}

}  // namespace
