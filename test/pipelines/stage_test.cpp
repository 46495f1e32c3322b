// pipelines::CodePipeline with cdk::Stage: add_stage(stage) deploys the stage's
// stacks from its nested assembly, named as CDK Pipelines names them.
#include "pipelines/support.hpp"

#include "core/test_util.hpp"

#include <cdk/file_asset.hpp>
#include <cdk/sqs/cfn_queue.hpp>

#include <gmock/gmock.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace {

using namespace cdk::testing::pipelines;
using cdk::assertions::Template;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class PipelineStages : public PipelinesTest {
 protected:
  cdk::Stage& prod = app.add<cdk::Stage>("Prod", {.env = {.account = account, .region = region}});
  cdk::Stack& network = queue_stack(prod, "Network");
  cdk::Stack& api = queue_stack(prod, "Api");

  static cdk::Stack& queue_stack(cdk::Stage& stage, const std::string& id) {
    auto& s = stage.add<cdk::Stack>(id);
    s.add<cdk::sqs::CfnQueue>("Queue");
    return s;
  }
};

TEST_F(PipelineStages, AddStageOfAStageDeploysItsStacksInAPipelineStageNamedAfterIt) {
  api.add_dependency(network);
  auto& p = pipeline();
  auto& d = p.add_stage(prod);
  EXPECT_EQ(d.name(), "Prod");
  EXPECT_THAT(d.stacks(), ElementsAre(&network, &api));
  auto t = Template::from_stack(delivery);
  const auto s = stages(t);
  EXPECT_EQ(s[3]["Name"], "Prod");
  EXPECT_THAT(run_orders(s[3]), ElementsAre("Network.Prepare@1", "Network.Deploy@2", "Api.Prepare@3", "Api.Deploy@4"));
  const auto prepare = action(s[3], "Network.Prepare")["Configuration"];
  EXPECT_EQ(prepare["StackName"], "Prod-Network");
  EXPECT_EQ(prepare["TemplatePath"], "Synth_Output::assembly-Prod/" + network.artifact_id() + ".template.json");
  cdk::testing::keep_for_lint(delivery);
}

TEST_F(PipelineStages, AWaveTakesStagesToo) {
  auto& us = app.add<cdk::Stage>("Us", {.env = {.account = account, .region = region}});
  queue_stack(us, "Api");
  auto& wave = pipeline().add_wave("Regions");
  wave.add_stage(prod);
  wave.add_stage(us);
  const auto s = stages(Template::from_stack(delivery));
  EXPECT_THAT(run_orders(s[3]), ElementsAre("Prod.Network.Prepare@1", "Prod.Network.Deploy@2", "Prod.Api.Prepare@1",
                                            "Prod.Api.Deploy@2", "Us.Api.Prepare@1", "Us.Api.Deploy@2"));
}

TEST_F(PipelineStages, OnlyTheStacksDirectlyInTheStageAreDeployed) {
  queue_stack(prod.add<cdk::Stage>("Eu"), "Api");
  auto& d = pipeline().add_stage(prod);
  EXPECT_THAT(d.stacks(), ElementsAre(&network, &api));
}

TEST_F(PipelineStages, TheAssetsStagePublishesFromTheStagesNestedAssembly) {
  cdktest::TempDir dir;
  std::ofstream(dir.path() / "index.html") << "hello";
  const auto& asset = api.add<cdk::FileAsset>("Content", cdk::FileAssetProps{.path = (dir.path() / "index.html").string()});
  pipeline().add_stage(prod);
  const auto resources = nlohmann::json::parse(Template::from_stack(delivery).to_json())["Resources"];
  std::string spec;
  for (const auto& [id, r] : resources.items())
    if (r["Type"] == "AWS::CodeBuild::Project" && id.rfind("PipelineAssetsFileAsset", 0) == 0)
      spec = r["Properties"]["Source"]["BuildSpec"];
  ASSERT_FALSE(spec.empty());
  EXPECT_EQ(nlohmann::json::parse(spec)["phases"]["build"]["commands"],
            nlohmann::json::array({"cdk-assets --path \"assembly-Prod/" + api.artifact_id() +
                                   ".assets.json\" --verbose publish \"" + asset.asset_hash() + "\""}));
}

TEST_F(PipelineStages, AStageWithoutStacksIsAnError) {
  auto& empty = app.add<cdk::Stage>("Empty");
  try {
    pipeline().add_stage(empty);
    ADD_FAILURE() << "an empty stage was accepted";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Delivery/Pipeline/Empty");
    EXPECT_THAT(e.diagnostic().message, HasSubstr("the stage has no stacks"));
  }
}

TEST_F(PipelineStages, AStagesStacksStillNeedAConcreteEnvironment) {
  auto& dev = app.add<cdk::Stage>("Dev");
  queue_stack(dev, "Api");
  EXPECT_THROW(pipeline().add_stage(dev), cdk::Error);
}

}  // namespace
