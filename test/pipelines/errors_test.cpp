// pipelines::CodePipeline's checks: one cdk::Error naming the path and what to do.
#include "pipelines/support.hpp"
#include "support/expect_error.hpp"

#include <gmock/gmock.h>


namespace {

using namespace cdk::testing::pipelines;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace pipelines = cdk::pipelines;

TEST_F(PipelinesTest, RefusesAPipelineWithoutSourceOrSynthStep) {
  auto p = props();
  p.synth.reset();
  expect_error([&] { pipeline(p); }, "Delivery/Pipeline", "has no synth step");
  p = props();
  p.source.reset();
  expect_error([&] { pipeline(p); }, "Delivery/Pipeline", "has no source");
  p = props();
  p.synth->commands.clear();
  expect_error([&] { pipeline(p); }, "Delivery/Pipeline", "the synth step has no commands");
}

TEST_F(PipelinesTest, RefusesAStageNameUsedTwiceOrNamedLikeTheStagesItMakes) {
  auto& a = app_stack("A");
  auto& b = app_stack("B");
  auto& p = pipeline();
  p.add_stage("Prod", {&a});
  expect_error([&] { p.add_stage("Prod", {&b}); }, "Delivery/Pipeline/Prod", "has a stage or wave named \"Prod\" already");
  expect_error([&] { p.add_wave("Build"); }, "Delivery/Pipeline/Build", "the name of a stage the pipeline makes");
  auto& wave = p.add_wave("Regions");
  wave.add_stage("Eu", {&b});
  expect_error([&] { wave.add_stage("Eu", {&app_stack("C")}); }, "Delivery/Pipeline/Regions/Eu", "has a stage named \"Eu\" already");
}

TEST_F(PipelinesTest, RefusesAnEmptyStageAStackInTwoStagesAndThePipelinesOwnStack) {
  auto& a = app_stack("A");
  auto& p = pipeline();
  expect_error([&] { p.add_stage("Empty", {}); }, "Delivery/Pipeline/Empty", "the stage has no stacks");
  p.add_stage("Staging", {&a});
  expect_error([&] { p.add_stage("Prod", {&a}); }, "Delivery/Pipeline/Prod", "stack A is deployed by another stage already");
  expect_error([&] { p.add_stage("Self", {&delivery}); }, "Delivery/Pipeline/Self", "stack Delivery is the pipeline's own stack");
}

TEST_F(PipelinesTest, RefusesStacksWithoutAConcreteEnvironment) {
  auto& p = pipeline();
  auto& agnostic = app_stack("Agnostic", {});
  expect_error([&] { p.add_stage("A", {&agnostic}); }, "Delivery/Pipeline/A", "stack Agnostic has no account and region");
  auto& region_only = app_stack("RegionOnly", {.region = "us-east-1"});
  expect_error([&] { p.add_stage("B", {&region_only}); }, "Delivery/Pipeline/B", "stack RegionOnly has no account and region");
}

TEST_F(PipelinesTest, RefusesStacksWhenThePipelinesStackHasNoEnvironment) {
  auto& agnostic_pipeline_stack = app.add<cdk::Stack>("Agnostic");
  auto& p = agnostic_pipeline_stack.add<pipelines::CodePipeline>("Pipeline", props());
  auto& a = app_stack("A");
  expect_error([&] { p.add_stage("Prod", {&a}); }, "Agnostic/Pipeline/Prod", "the pipeline's stack Agnostic has no account and region");
}

TEST_F(PipelinesTest, RefusesAStackThatDependsOnAStackDeployedLaterOrInParallel) {
  auto& db = app_stack("Db");
  auto& api = app_stack("Api");
  api.add_dependency(db);
  auto& p = pipeline();
  p.add_stage("First", {&api});
  p.add_stage("Second", {&db});
  expect_error([&] { p.build_pipeline(); }, "Delivery/Pipeline/First", "stack Api depends on Db, which deploys in parallel or later");
}

TEST_F(PipelinesTest, RefusesReadingAnOutputOfAStackNotDeployedBeforeTheStep) {
  auto& api = app_stack("Api");
  auto& url = api.add<cdk::CfnOutput>("Url", cdk::CfnOutputProps{.value = "https://api.example.com"});
  pipeline().add_stage("Prod", {&api}, {.pre = {pipelines::ShellStep{.id = "Early", .commands = {"true"},
                                                                      .env_from_cfn_outputs = {{"URL", url}}}}});
  expect_error([&] { Template::from_stack(delivery); }, "Delivery/Pipeline/Prod/Early",
               "variable URL reads an output of stack Api, which is not deployed before the step");
}

TEST_F(PipelinesTest, RefusesStagesAddedAfterThePipelineIsBuilt) {
  auto& a = app_stack("A");
  auto& p = pipeline();
  p.add_stage("Staging", {&a});
  p.build_pipeline();
  EXPECT_TRUE(p.built());
  expect_error([&] { p.add_stage("Prod", {&app_stack("B")}); }, "Delivery/Pipeline/Prod", "the pipeline is built already");
}

TEST_F(PipelinesTest, RefusesARepoStringWithoutOwnerAndCMakeSynthWithoutTarget) {
  expect_error([] { pipelines::CodePipelineSource::connection("infra", "main", {.connection_arn = connection_arn}); },
               "CodePipelineSource", "\"infra\" is not an \"owner/repo\" string");
  expect_error([] { pipelines::cmake_synth({}); }, "cmake_synth", "no CMake target to build");
}

}  // namespace
