// Stages in the cloud assembly: nested assemblies (assembly-<Stage>/ with its
// own manifest.json and templates), their artifacts, and the errors for values
// or dependencies between stages.
#include "core/test_util.hpp"
#include "support/lint.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using cdktest::Json;
using ::testing::HasSubstr;

const cdk::Environment prod_env{.account = "111111111111", .region = "eu-west-1"};

Json read_json(const fs::path& p) {
  const auto text = cdktest::read_file(p);
  EXPECT_FALSE(text.empty()) << p << " is missing or empty";
  return text.empty() ? Json::object() : Json::parse(text);
}

// A top-level stack "Shared", stage "Prod" (Network, App using Network's VPC)
// and stage "Eu" inside Prod (Api).
struct StagedApp {
  StagedApp() {
    shared.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
    auto& vpc = network.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC", cdk::Value::map({{"CidrBlock", "10.0.0.0/16"}}));
    web = &app_stack.add<cdk::CfnResource>("Sg", "AWS::EC2::SecurityGroup",
                                           cdk::Value::map({{"VpcId", vpc.ref()}, {"GroupDescription", "web"}}));
    api.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  }
  cdk::App app;
  cdk::Stack& shared = app.add<cdk::Stack>("Shared");
  cdk::Stage& prod = app.add<cdk::Stage>("Prod", {.env = prod_env});
  cdk::Stack& network = prod.add<cdk::Stack>("Network");
  cdk::Stack& app_stack = prod.add<cdk::Stack>("App");
  cdk::Stage& eu = prod.add<cdk::Stage>("Eu", {.env = {.region = "eu-central-1"}});
  cdk::Stack& api = eu.add<cdk::Stack>("Api");
  cdk::CfnResource* web = nullptr;
};

class StageAssembly : public ::testing::Test {
 protected:
  void SetUp() override { cdk::detail::write_assembly(cdk::detail::synthesize(s.app, {}), out()); }
  fs::path out() const { return dir.path() / "cdk.out"; }

  StagedApp s;
  cdktest::TempDir dir;
};

TEST_F(StageAssembly, TheAppManifestHoldsItsOwnStacksAndACloudAssemblyArtifactPerTopLevelStage) {
  const Json m = read_json(out() / "manifest.json");
  const Json& artifacts = m["artifacts"];
  EXPECT_EQ(artifacts["Shared"]["type"], "aws:cloudformation:stack");
  EXPECT_EQ(artifacts["assembly-Prod"],
            (Json{{"type", "cdk:cloud-assembly"},
                  {"properties", {{"directoryName", "assembly-Prod"}, {"displayName", "Prod"}}}}));
  EXPECT_FALSE(artifacts.contains("assembly-Prod-Eu"));  // in Prod's own manifest
  EXPECT_FALSE(artifacts.contains(s.network.artifact_id()));
  EXPECT_EQ(artifacts["Tree"]["type"], "cdk:tree");
  EXPECT_TRUE(fs::exists(out() / "Shared.template.json"));
  EXPECT_FALSE(fs::exists(out() / s.network.template_file()));
}

TEST_F(StageAssembly, AStageDirectoryHasItsManifestWithItsStacksAndTemplates) {
  const fs::path prod = out() / "assembly-Prod";
  const Json m = read_json(prod / "manifest.json");
  EXPECT_EQ(m["version"], cdk::detail::kAssemblyVersion);
  const Json& network = m["artifacts"][s.network.artifact_id()];
  EXPECT_EQ(network["type"], "aws:cloudformation:stack");
  EXPECT_EQ(network["displayName"], "Prod/Network");
  EXPECT_EQ(network["environment"], "aws://111111111111/eu-west-1");
  EXPECT_EQ(network["properties"]["stackName"], "Prod-Network");
  EXPECT_EQ(network["properties"]["templateFile"], s.network.artifact_id() + ".template.json");
  EXPECT_TRUE(network["metadata"].contains("/Prod/Network/Vpc"));
  const Json& app = m["artifacts"][s.app_stack.artifact_id()];
  EXPECT_EQ(app["dependencies"], Json::array({s.network.artifact_id()}));
  EXPECT_TRUE(fs::exists(prod / s.network.template_file()));
  EXPECT_TRUE(fs::exists(prod / s.app_stack.template_file()));
  EXPECT_FALSE(fs::exists(prod / "tree.json"));  // one tree, the app's, as the AWS CDK writes it
}

TEST_F(StageAssembly, ANestedStageIsAnAssemblyInsideItsParentsDirectory) {
  const Json prod = read_json(out() / "assembly-Prod" / "manifest.json");
  EXPECT_EQ(prod["artifacts"]["assembly-Prod-Eu"]["properties"],
            (Json{{"directoryName", "assembly-Prod-Eu"}, {"displayName", "Prod/Eu"}}));
  const fs::path eu = out() / "assembly-Prod" / "assembly-Prod-Eu";
  const Json m = read_json(eu / "manifest.json");
  const Json& api = m["artifacts"][s.api.artifact_id()];
  EXPECT_EQ(api["displayName"], "Prod/Eu/Api");
  EXPECT_EQ(api["environment"], "aws://111111111111/eu-central-1");
  EXPECT_EQ(api["properties"]["stackName"], "Prod-Eu-Api");
  EXPECT_TRUE(fs::exists(eu / s.api.template_file()));
}

TEST_F(StageAssembly, ResourcesKeepTheirLogicalIdsAndCarryTheirFullPath) {
  const Json t = read_json(out() / s.app_stack.template_path());
  ASSERT_TRUE(t["Resources"].contains("Sg"));
  EXPECT_EQ(t["Resources"]["Sg"]["Metadata"]["aws:cdk:path"], "Prod/App/Sg");
  // Within a stage, a reference is an export and an import as between any two stacks.
  EXPECT_TRUE(t["Resources"]["Sg"]["Properties"]["VpcId"].contains("Fn::ImportValue"));
  const Json tree = read_json(out() / "tree.json");
  EXPECT_THAT(tree.dump(), HasSubstr("\"Prod/Eu/Api\""));
}

TEST_F(StageAssembly, TemplatesLint) {
  cdk::testing::keep_for_lint(s.network);
  cdk::testing::keep_for_lint(s.app_stack);
  cdk::testing::keep_for_lint(s.api);
}

TEST(StageErrors, AReferenceToAnotherStagesStackIsAnErrorNamingBothPaths) {
  cdk::App app;
  auto& dev = app.add<cdk::Stage>("Dev").add<cdk::Stack>("Network");
  auto& vpc = dev.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC", cdk::Value::map({{"CidrBlock", "10.0.0.0/16"}}));
  auto& prod = app.add<cdk::Stage>("Prod").add<cdk::Stack>("App");
  prod.add<cdk::CfnResource>("Sg", "AWS::EC2::SecurityGroup",
                             cdk::Value::map({{"VpcId", vpc.ref()}, {"GroupDescription", "web"}}));
  const auto errors = cdktest::synth_errors(app);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "Prod/App/Sg");
  EXPECT_THAT(errors[0].message, HasSubstr("\"Dev/Network/Vpc\" of stack \"Dev/Network\" in another stage"));
  EXPECT_EQ(errors[0].to_string().find('\n'), std::string::npos);
}

TEST(StageErrors, AReferenceFromAStageToATopLevelStackIsAnErrorToo) {
  cdk::App app;
  auto& shared = app.add<cdk::Stack>("Shared");
  auto& topic = shared.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto& prod = app.add<cdk::Stage>("Prod").add<cdk::Stack>("App");
  prod.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value::map({{"QueueName", topic.get_att("TopicName")}}));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Prod/App/Queue: refers to \"Shared/Topic\""));
}

TEST(StageErrors, AConstructDependencyAcrossStagesIsAnError) {
  cdk::App app;
  auto& a = app.add<cdk::Stage>("Dev").add<cdk::Stack>("Web").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto& b = app.add<cdk::Stage>("Prod").add<cdk::Stack>("Web").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  b.node().add_dependency(a);
  const auto text = cdktest::synth_error_text(app);
  EXPECT_THAT(text, HasSubstr("error: Prod/Web: depends on stack \"Dev/Web\" (stage \"Dev\"), but this stack is in "
                              "stage \"Prod\": dependencies cannot cross stages"));
}

TEST(StageErrors, TwoStagesMayDeployTheSameIdsSideBySide) {
  cdk::App app;
  for (const char* stage : {"Dev", "Prod"})
    app.add<cdk::Stage>(stage).add<cdk::Stack>("Web").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto a = cdk::detail::synthesize(app, {});
  ASSERT_EQ(a.stacks.size(), 2u);
  EXPECT_NE(a.stacks[0].stack->artifact_id(), a.stacks[1].stack->artifact_id());
  EXPECT_EQ(a.nested.size(), 2u);
}

class ResourceCounter : public cdk::IAspect {
 public:
  void visit(cdk::Construct& c) override {
    if (dynamic_cast<cdk::CfnResource*>(&c) != nullptr) ++resources;
  }
  int resources = 0;
};

TEST(StageAspects, AspectsAndTagsOfAStageReachEveryStackInside) {
  StagedApp s;
  auto aspect = std::make_shared<ResourceCounter>();
  cdk::Aspects::of(s.prod).add(aspect);
  cdk::Tags::of(s.prod).add("stage", "prod");
  auto a = cdk::detail::synthesize(s.app, {});
  EXPECT_EQ(aspect->resources, 3);  // Network/Vpc, App/Sg, Eu/Api/Queue; not Shared/Topic
  EXPECT_EQ(s.api.tags().at("stage"), "prod");
  EXPECT_FALSE(s.shared.tags().contains("stage"));
}

TEST(StageValidation, ErrorsInsideAStageFailSynthesisWithTheirPath) {
  cdk::App app;
  auto& stack = app.add<cdk::Stage>("Prod").add<cdk::Stack>("Web", cdk::StackProps{.env = {.account = "12"}});
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Prod/Web: account \"12\" is not 12 digits"));
}

}  // namespace
