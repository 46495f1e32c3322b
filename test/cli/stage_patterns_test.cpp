// Stack patterns on the command line with stages: "Prod/*", "Prod/Network",
// "Prod/**", stack names; top-level names work as before.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_app.hpp"

#include <sstream>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using cdk::testing::run;

// Shared (top level), Dev/Network, Prod/Network, Prod/App, Prod/Eu/Api.
class StagePatterns : public ::testing::Test {
 protected:
  void SetUp() override {
    handle(app.add<cdk::Stack>("Shared"));
    auto& dev = app.add<cdk::Stage>("Dev", {.env = {.account = "111111111111", .region = "eu-west-1"}});
    handle(dev.add<cdk::Stack>("Network"));
    auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "222222222222", .region = "eu-west-1"}});
    handle(prod.add<cdk::Stack>("Network"));
    handle(prod.add<cdk::Stack>("App"));
    handle(prod.add<cdk::Stage>("Eu").add<cdk::Stack>("Api"));
  }
  static void handle(cdk::Stack& s) { s.add<cdk::CfnResource>("Handle", "AWS::CloudFormation::WaitConditionHandle"); }
  std::string list(std::vector<std::string> patterns) {
    patterns.insert(patterns.begin(), "list");
    auto r = run(app, patterns);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
  }

  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdktest::ScopedEnv no_outdir{"CDK_OUTDIR", nullptr};
  cdk::App app;
};

TEST_F(StagePatterns, ListShowsStagedStacksByPath) {
  EXPECT_EQ(list({}), "Shared\nDev/Network\nProd/Network\nProd/App\nProd/Eu/Api\n");
}

TEST_F(StagePatterns, AStarStaysInsideOnePathComponent) {
  EXPECT_EQ(list({"Prod/*"}), "Prod/Network\nProd/App\n");
  EXPECT_EQ(list({"*/Network"}), "Dev/Network\nProd/Network\n");
}

TEST_F(StagePatterns, TwoStarsCrossStages) {
  EXPECT_EQ(list({"Prod/**"}), "Prod/Network\nProd/App\nProd/Eu/Api\n");
  EXPECT_EQ(list({"**/Api"}), "Prod/Eu/Api\n");
}

TEST_F(StagePatterns, AStackIsNamedByPathOrStackName) {
  EXPECT_EQ(list({"Prod/Network"}), "Prod/Network\n");
  EXPECT_EQ(list({"Prod-Network"}), "Prod/Network\n");
  EXPECT_EQ(list({"Prod-Eu-Api", "Shared"}), "Shared\nProd/Eu/Api\n");
}

TEST_F(StagePatterns, TopLevelNamesWorkAsBefore) {
  EXPECT_EQ(list({"Shared"}), "Shared\n");
  EXPECT_EQ(list({"Sh*"}), "Shared\n");
}

TEST_F(StagePatterns, APatternThatMatchesNothingIsOneErrorLine) {
  auto r = run(app, {"list", "Test/*"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("no stack named \"Test/*\""));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(StagePatterns, SynthWritesEveryStageAndReportsTheSelectedTemplates) {
  const fs::path out = dir.path() / "out";
  auto r = run(app, {"synth", "--out", out.string(), "Prod/*"});
  EXPECT_EQ(r.code, 0) << r.err;
  auto* network = dynamic_cast<cdk::Stack*>(app.node().try_find("Prod/Network"));
  ASSERT_NE(network, nullptr);
  EXPECT_THAT(r.out, HasSubstr("Prod/Network: " + (out / "assembly-Prod" / network->template_file()).string() + "\n"));
  EXPECT_THAT(r.out, HasSubstr("Prod/App: "));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("Shared")));
  EXPECT_TRUE(fs::exists(out / "assembly-Dev" / "manifest.json"));  // every stage is synthesized
  EXPECT_TRUE(fs::exists(out / "Shared.template.json"));
}

TEST_F(StagePatterns, CostTakesStagePatterns) {
  auto r = run(app, {"cost", "Dev/*", "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Dev/Network"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("Prod/Network")));
}

TEST_F(StagePatterns, DeployCommandsRefuseAPatternThatMatchesNoStackBeforeAnyRequest) {
  auto r = run(app, {"destroy", "Test/*", "--force", "--endpoint", "http://127.0.0.1:9"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("no stack matches 'Test/*'"));
  EXPECT_THAT(r.err, HasSubstr("Prod/Eu/Api"));
}

}  // namespace
