// The README's CDK Pipelines example, as written there: it compiles,
// synthesizes and is cfn-lint clean.
#include "pipelines/support.hpp"

#include <gmock/gmock.h>

namespace {

using namespace cdk::testing::pipelines;
using ::testing::ElementsAre;

TEST_F(PipelinesTest, TheReadmeExampleDeploysStagingThenAnApprovedWaveOfTwoRegionsStacks) {
  auto& staging_db = app_stack("StagingDb");
  auto& staging_api = app_stack("StagingApi");
  auto& staging_url = staging_api.add<cdk::CfnOutput>("Url", cdk::CfnOutputProps{.value = "https://staging.example.com"});
  auto& eu_api = app_stack("EuApi");
  auto& us_api = app_stack("UsApi");
  const std::string arn = connection_arn;
  {
    // --- as in README.md ("CDK Pipelines"), with the Delivery stack of the fixture ---
    namespace pipelines = cdk::pipelines;
    auto& pipeline = delivery.add<pipelines::CodePipeline>("Pipeline", {
        .source = pipelines::CodePipelineSource::connection("acme/infra", "main", {.connection_arn = arn}),
        .synth = pipelines::cmake_synth({.target = "infra"})});
    pipeline.add_stage("Staging", {&staging_db, &staging_api},
                       {.post = {pipelines::ShellStep{.id = "Smoke", .commands = {"curl -f \"$URL/health\""},
                                                      .env_from_cfn_outputs = {{"URL", staging_url}}}}});
    auto& prod = pipeline.add_wave("Prod", {.pre = {pipelines::ManualApprovalStep{.id = "Approve"}}});
    prod.add_stage("Eu", {&eu_api});
    prod.add_stage("Us", {&us_api});   // deploys in parallel with Eu
    // --- end ---
  }
  auto t = cdk::assertions::Template::from_stack(delivery);
  const auto s = stages(t);
  EXPECT_THAT(stage_names(s), ElementsAre("Source", "Build", "UpdatePipeline", "Staging", "Prod"));
  EXPECT_THAT(run_orders(s[3]), ElementsAre("StagingDb.Prepare@1", "StagingDb.Deploy@2", "StagingApi.Prepare@1",
                                            "StagingApi.Deploy@2", "Smoke@3"));
  EXPECT_THAT(run_orders(s[4]), ElementsAre("Approve@1", "Eu.EuApi.Prepare@2", "Eu.EuApi.Deploy@3", "Us.UsApi.Prepare@2",
                                            "Us.UsApi.Deploy@3"));
  cdk::testing::keep_for_lint(delivery);
}

}  // namespace
