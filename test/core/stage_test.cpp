// Stage: environment and names of the stacks inside, nesting, Stage::of, bad input.
#include "core/logical_id.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::HasSubstr;

const cdk::Environment prod_env{.account = "111111111111", .region = "eu-west-1"};

TEST(Stage, StacksInsideTakeItsEnvironment) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod", {.env = prod_env});
  auto& network = prod.add<cdk::Stack>("Network");
  EXPECT_EQ(network.env().account, "111111111111");
  EXPECT_EQ(network.env().region, "eu-west-1");
  EXPECT_EQ(network.environment_uri(), "aws://111111111111/eu-west-1");
  EXPECT_EQ(network.region(), cdk::Value("eu-west-1"));
}

TEST(Stage, AStackKeepsWhatItSetsItselfAndTakesTheRest) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod", {.env = prod_env});
  auto& us = prod.add<cdk::Stack>("Us", cdk::StackProps{.env = {.region = "us-east-1"}});
  EXPECT_EQ(us.environment_uri(), "aws://111111111111/us-east-1");
}

TEST(Stage, WithoutEnvItsStacksStayEnvironmentAgnostic) {
  cdk::App app;
  auto& dev = app.add<cdk::Stage>("Dev");
  EXPECT_TRUE(dev.add<cdk::Stack>("Web").environment_agnostic());
}

TEST(Stage, StackNameDefaultsToStageNameDashIdAndPathShowsTheStage) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& network = prod.add<cdk::Stack>("Network");
  EXPECT_EQ(network.stack_name(), "Prod-Network");
  EXPECT_EQ(network.node().path(), "Prod/Network");
  // The artifact id is unique in the whole app: the path made unique, as aws-cdk-lib does.
  EXPECT_EQ(network.artifact_id(), cdk::detail::make_logical_id({"Prod", "Network"}));
  EXPECT_EQ(network.template_path(), "assembly-Prod/" + network.artifact_id() + ".template.json");
}

TEST(Stage, AnExplicitStackNameIsKept) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod");
  EXPECT_EQ(prod.add<cdk::Stack>("Network", cdk::StackProps{.stack_name = "network-prod"}).stack_name(), "network-prod");
}

TEST(Stage, StageNamePropReplacesTheIdInStackNames) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod", {.stage_name = "production"});
  EXPECT_EQ(prod.stage_name(), "production");
  EXPECT_EQ(prod.add<cdk::Stack>("Network").stack_name(), "production-Network");
  EXPECT_EQ(prod.artifact_id(), "assembly-Prod");  // the directory follows the path, not the name
}

TEST(Stage, AStackBelowAConstructOfTheStageGetsAUniqueName) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& group = prod.add<cdk::Construct>("Group");
  auto& web = group.add<cdk::Stack>("Web");
  EXPECT_EQ(web.stack_name(), "Prod-" + cdk::detail::make_logical_id({"Group", "Web"}));
  EXPECT_EQ(cdk::Stage::of(web), &prod);
}

TEST(Stage, TopLevelStacksAreUnchanged) {
  cdk::App app;
  auto& web = app.add<cdk::Stack>("Web");
  EXPECT_EQ(web.stack_name(), "Web");
  EXPECT_EQ(web.artifact_id(), "Web");
  EXPECT_EQ(web.template_path(), "Web.template.json");
  EXPECT_EQ(cdk::Stage::of(web), nullptr);
}

TEST(Stage, StagesNestWithJoinedNamesAndAssemblyDirectories) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod", {.env = prod_env});
  auto& eu = prod.add<cdk::Stage>("Eu", {.env = {.region = "eu-central-1"}});
  auto& api = eu.add<cdk::Stack>("Api");
  EXPECT_EQ(eu.stage_name(), "Prod-Eu");
  EXPECT_EQ(eu.artifact_id(), "assembly-Prod-Eu");
  EXPECT_EQ(eu.assembly_directory(), "assembly-Prod/assembly-Prod-Eu");
  EXPECT_EQ(eu.env().account, "111111111111");  // from Prod
  EXPECT_EQ(api.environment_uri(), "aws://111111111111/eu-central-1");
  EXPECT_EQ(api.stack_name(), "Prod-Eu-Api");
  EXPECT_EQ(api.node().path(), "Prod/Eu/Api");
  EXPECT_EQ(api.template_path(), "assembly-Prod/assembly-Prod-Eu/" + api.artifact_id() + ".template.json");
}

TEST(Stage, OfFindsTheEnclosingStageNotItself) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& eu = prod.add<cdk::Stage>("Eu");
  auto& bucket = eu.add<cdk::Stack>("Api").add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  EXPECT_EQ(cdk::Stage::of(bucket), &eu);
  EXPECT_EQ(cdk::Stage::of(eu), &prod);
  EXPECT_EQ(cdk::Stage::of(prod), nullptr);
}

TEST(Stage, AnInvalidIdIsAnErrorNamingIt) {
  cdk::App app;
  for (const char* id : {"1st", "P", "Pro d", "Prod+1"}) {
    try {
      app.add<cdk::Stage>(id);
      ADD_FAILURE() << id << " was accepted";
    } catch (const cdk::Error& e) {
      EXPECT_THAT(e.diagnostic().message, HasSubstr("stage id \"" + std::string(id) + "\" is not valid"));
    }
  }
  EXPECT_NO_THROW(app.add<cdk::Stage>("Prod-eu_1.b"));
}

TEST(Stage, AStageInsideAStackIsAnError) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Web");
  try {
    stack.add<cdk::Stage>("Prod");
    ADD_FAILURE() << "a stage inside a stack was accepted";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Web/Prod");
    EXPECT_THAT(e.diagnostic().message, HasSubstr("cannot be created inside a stack"));
  }
}

TEST(Stage, AStackDependencyAcrossStagesIsAnErrorNamingBothStacks) {
  cdk::App app;
  auto& dev_web = app.add<cdk::Stage>("Dev").add<cdk::Stack>("Web");
  auto& prod_web = app.add<cdk::Stage>("Prod").add<cdk::Stack>("Web");
  auto& top = app.add<cdk::Stack>("Shared");
  try {
    prod_web.add_dependency(dev_web);
    ADD_FAILURE() << "a dependency across stages was accepted";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Prod/Web");
    EXPECT_THAT(e.diagnostic().message, HasSubstr("\"Dev/Web\" of another stage"));
  }
  EXPECT_THROW(prod_web.add_dependency(top), cdk::Error);  // a top-level stack is in no stage
  auto& prod_db = app.node().find_child("Prod").add<cdk::Stack>("Db");
  EXPECT_NO_THROW(prod_web.add_dependency(prod_db));
}

}  // namespace
