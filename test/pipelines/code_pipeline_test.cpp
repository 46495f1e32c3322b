// pipelines::CodePipeline: the stages it makes (Source, Build, UpdatePipeline,
// one per stage or wave), CloudFormation actions in dependency order run as
// the bootstrap roles, waves, pre/post steps, and the checks.
#include "pipelines/support.hpp"
#include "support/actions.hpp"
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"

#include <cdk/codepipeline/pipeline.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>
#include <cdk/sns/cfn_topic.hpp>

#include <gmock/gmock.h>

namespace {

using cdk::testing::sub;

using namespace cdk::testing::pipelines;
using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace pipelines = cdk::pipelines;

const char* deploy_role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-eu-west-1";
const char* exec_role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-eu-west-1";

TEST_F(PipelinesTest, MakesSourceBuildAndUpdatePipelineStagesBeforeTheAddedStages) {
  auto& staging = app_stack("Staging");
  pipeline().add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  const auto s = stages(t);
  EXPECT_THAT(stage_names(s), ElementsAre("Source", "Build", "UpdatePipeline", "Staging"));
  EXPECT_EQ(s[0]["Actions"][0]["Name"], "acme_infra");
  EXPECT_EQ(s[0]["Actions"][0]["ActionTypeId"]["Provider"], "CodeStarSourceConnection");
  EXPECT_EQ(s[0]["Actions"][0]["OutputArtifacts"][0]["Name"], "acme_infra_Source");
  const auto synth = action(s[1], "Synth");
  EXPECT_EQ(synth["InputArtifacts"][0]["Name"], "acme_infra_Source");
  EXPECT_EQ(synth["OutputArtifacts"][0]["Name"], "Synth_Output");
  t.has_resource_properties("AWS::CodePipeline::Pipeline", Match::object_like({{"RestartExecutionOnUpdate", true}, {"PipelineType", "V2"}}));
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelinesTest, TheSynthProjectBuildsTheProgramWithCMakeAndKeepsTheBuildDirectoryInALocalCache) {
  auto& staging = app_stack("Staging");
  pipeline().add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Source", Match::object_like({{"Type", "CODEPIPELINE"},
                                     {"BuildSpec", Match::string_like_regexp(
                                         "cmake --build /root/.cache/cdkpp-build --target infra(.|\\n)*"
                                         "/root/.cache/cdkpp-build/infra --out \\\\\"cdk.out\\\\\" synth")}})},
      {"Cache", Match::object_equals({{"Type", "LOCAL"}, {"Modes", Match::array_equals({"LOCAL_CUSTOM_CACHE"})}})}}));
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Source", Match::object_like({{"BuildSpec", Match::string_like_regexp("\"base-directory\": \"cdk.out\"")}})}}));
}

TEST_F(PipelinesTest, SelfMutateDeploysThePipelineStackAsItsBootstrapRoles) {
  auto& staging = app_stack("Staging");
  pipeline().add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  const auto self = action(stages(t)[2], "SelfMutate");
  EXPECT_EQ(self["Configuration"]["ActionMode"], "CREATE_UPDATE");
  EXPECT_EQ(self["Configuration"]["StackName"], "Delivery");
  EXPECT_EQ(self["Configuration"]["TemplatePath"], "Synth_Output::Delivery.template.json");
  EXPECT_EQ(self["Configuration"]["RoleArn"]["Fn::Sub"], exec_role);
  EXPECT_EQ(self["RoleArn"]["Fn::Sub"], deploy_role);
}

TEST_F(PipelinesTest, WithoutSelfMutationThereIsNoUpdatePipelineStage) {
  auto& staging = app_stack("Staging");
  auto p = props();
  p.self_mutation = false;
  pipeline(std::move(p)).add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  EXPECT_THAT(stage_names(stages(t)), ElementsAre("Source", "Build", "Staging"));
  t.has_resource_properties("AWS::CodePipeline::Pipeline", Match::object_like({{"RestartExecutionOnUpdate", Match::absent()}}));
}

TEST_F(PipelinesTest, StacksDeployThroughChangeSetsInDependencyOrder) {
  auto& network = app_stack("Network");
  auto& data = app_stack("Data");
  data.add_dependency(network);
  auto& api = app_stack("Api");  // depends on Network through a reference
  api.add<cdk::sns::CfnTopic>("Topic", cdk::sns::CfnTopic::Props{
      .display_name = dynamic_cast<cdk::sqs::CfnQueue&>(network.node().find_child("Queue")).attr_queue_name()});
  auto& tools = app_stack("Tools");
  pipeline().add_stage("Prod", {&api, &data, &network, &tools});
  auto t = Template::from_stack(delivery);
  const auto prod = stages(t)[3];
  EXPECT_THAT(run_orders(prod), ElementsAre("Network.Prepare@1", "Network.Deploy@2", "Tools.Prepare@1", "Tools.Deploy@2",
                                            "Api.Prepare@3", "Api.Deploy@4", "Data.Prepare@3", "Data.Deploy@4"));
  const auto prepare = action(prod, "Api.Prepare");
  EXPECT_EQ(prepare["Configuration"], nlohmann::json::parse(R"({
      "ActionMode": "CHANGE_SET_REPLACE", "StackName": "Api", "ChangeSetName": "PipelineChange",
      "TemplatePath": "Synth_Output::Api.template.json", "RoleArn": {"Fn::Sub": ")" + std::string(exec_role) + R"("},
      "Capabilities": "CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND"})"));
  EXPECT_EQ(prepare["RoleArn"]["Fn::Sub"], deploy_role);
  EXPECT_EQ(prepare["InputArtifacts"][0]["Name"], "Synth_Output");
  const auto deploy = action(prod, "Api.Deploy");
  EXPECT_EQ(deploy["Configuration"], nlohmann::json::parse(
      R"({"ActionMode": "CHANGE_SET_EXECUTE", "StackName": "Api", "ChangeSetName": "PipelineChange"})"));
  EXPECT_EQ(deploy["RoleArn"]["Fn::Sub"], deploy_role);
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelinesTest, ThePipelineRoleMayAssumeTheDeployRoleWhichMayReadTheAssembly) {
  auto& staging = app_stack("Staging");
  pipeline().add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Action", "sts:AssumeRole"}, {"Resource", sub(deploy_role)}})})}})}}));
  for (const auto* role : {deploy_role, exec_role})
    t.has_resource_properties("AWS::S3::BucketPolicy", Match::object_like({
        {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
            {"Principal", Match::object_equals({{"AWS", sub(role)}})},
            {"Action", cdk::testing::actions_are(cdk::s3::actions::read())}})})}})}}));
  // The made action roles are only those of the source, the synth and no deploy action.
  t.resource_count_is("AWS::IAM::Role", 4);  // pipeline, source action, synth action, synth project
}

TEST_F(PipelinesTest, AWaveDeploysItsStagesInParallelBetweenItsPreAndPostSteps) {
  auto& eu = app_stack("EuApi");
  auto& us = app_stack("UsApi");
  auto& us_db = app_stack("UsDb");
  us.add_dependency(us_db);
  auto& wave = pipeline().add_wave("Prod", {.pre = {pipelines::ManualApprovalStep{.id = "Approve", .comment = "staging is fine"}},
                                            .post = {pipelines::ShellStep{.id = "Check", .commands = {"true"}}}});
  wave.add_stage("Eu", {&eu});
  wave.add_stage("Us", {&us, &us_db}, {.pre = {pipelines::ShellStep{.id = "Lint", .commands = {"true"}}}});
  auto t = Template::from_stack(delivery);
  const auto prod = stages(t)[3];
  EXPECT_EQ(prod["Name"], "Prod");
  EXPECT_THAT(run_orders(prod), ElementsAre("Approve@1", "Eu.EuApi.Prepare@2", "Eu.EuApi.Deploy@3", "Us.Lint@2",
                                            "Us.UsDb.Prepare@3", "Us.UsDb.Deploy@4", "Us.UsApi.Prepare@5", "Us.UsApi.Deploy@6",
                                            "Check@7"));
  EXPECT_EQ(action(prod, "Approve")["Configuration"]["CustomData"], "staging is fine");
  EXPECT_EQ(action(prod, "Check")["ActionTypeId"]["Provider"], "CodeBuild");
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelinesTest, StagesDeployInTheOrderTheyWereAddedWithTheirPreAndPostSteps) {
  auto& staging = app_stack("Staging");
  auto& prod = app_stack("Prod");
  auto& p = pipeline();
  p.add_stage("Test", {&staging}, {.post = {pipelines::ShellStep{.id = "Integ", .commands = {"./integ.sh"},
                                                                  .input = pipelines::StepInput::SynthOutput}}});
  p.add_stage("Release", {&prod}, {.pre = {pipelines::ManualApprovalStep{.id = "Approve"}}});
  auto t = Template::from_stack(delivery);
  const auto s = stages(t);
  EXPECT_THAT(stage_names(s), ElementsAre("Source", "Build", "UpdatePipeline", "Test", "Release"));
  EXPECT_THAT(run_orders(s[3]), ElementsAre("Staging.Prepare@1", "Staging.Deploy@2", "Integ@3"));
  EXPECT_EQ(action(s[3], "Integ")["InputArtifacts"][0]["Name"], "Synth_Output");
  EXPECT_THAT(run_orders(s[4]), ElementsAre("Approve@1", "Prod.Prepare@2", "Prod.Deploy@3"));
  EXPECT_EQ(action(s[4], "Approve")["ActionTypeId"]["Category"], "Approval");
}

TEST_F(PipelinesTest, AStepReadsTheOutputsOfStacksDeployedBeforeItThroughVariables) {
  auto& api = app_stack("Api");
  auto& url = api.add<cdk::CfnOutput>("Url", cdk::CfnOutputProps{.value = "https://api.example.com"});
  pipeline().add_stage("Prod", {&api}, {.post = {pipelines::ShellStep{
      .id = "Smoke", .commands = {"curl -f \"$URL\""}, .env = {{"MODE", "quick"}}, .env_from_cfn_outputs = {{"URL", url}}}}});
  auto t = Template::from_stack(delivery);
  const auto prod = stages(t)[3];
  EXPECT_EQ(action(prod, "Api.Deploy")["Namespace"], "Api");
  EXPECT_EQ(action(prod, "Smoke")["Configuration"]["EnvironmentVariables"],
            R"([{"name":"URL","type":"PLAINTEXT","value":"#{Api.Url}"}])");
  t.has_resource_properties("AWS::CodeBuild::Project", Match::object_like({
      {"Source", Match::object_like({{"BuildSpec", Match::string_like_regexp("\"MODE\": \"quick\"")}})}}));
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelinesTest, AnS3SourceReadsTheObjectOfAVersionedBucket) {
  auto& bucket = delivery.add<cdk::s3::Bucket>("Drop", cdk::s3::Bucket::Props{.versioned = true});
  auto& staging = app_stack("Staging");
  auto p = props();
  p.source = pipelines::CodePipelineSource::s3(bucket, "infra/source.zip");
  pipeline(std::move(p)).add_stage("Staging", {&staging});
  auto t = Template::from_stack(delivery);
  const auto source = stages(t)[0]["Actions"][0];
  EXPECT_EQ(source["Name"], "Drop");
  EXPECT_EQ(source["ActionTypeId"]["Provider"], "S3");
  EXPECT_EQ(source["Configuration"]["S3ObjectKey"], "infra/source.zip");
  EXPECT_EQ(action(stages(t)[1], "Synth")["InputArtifacts"][0]["Name"], "Drop_Source");
}

}  // namespace

namespace {

TEST(CMakeSynth, PassesContextToTheProgramBeforeTheSynthCommand) {
  const auto step = cdk::pipelines::cmake_synth({.target = "infra", .context = {{"account", "111111111111"}, {"env", "prod"}}});
  EXPECT_EQ(step.commands.back(),
            "/root/.cache/cdkpp-build/infra --out \"cdk.out\" -c \"account=111111111111\" -c \"env=prod\" synth");
}

}  // namespace
