// The deploy commands' view of an assembly with stages: stacks of nested
// assemblies, their files, and stage patterns ("Prod/*").
#include "core/test_util.hpp"
#include "deploy/asset_manifest.hpp"
#include "deploy/assembly.hpp"
#include "deploy/errors.hpp"

#include <cdk/cdk.hpp>
#include <cdk/file_asset.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace {

namespace fs = std::filesystem;
using cdk::deploy::Assembly;
using cdk::deploy::glob_match;
using ::testing::HasSubstr;

std::vector<std::string> names(const std::vector<const cdk::deploy::StackArtifact*>& stacks) {
  std::vector<std::string> out;
  for (const auto* s : stacks) out.push_back(s->display_name);
  return out;
}

// Shared, Prod/Network, Prod/App (depends on Network), Prod/Eu/Api with a file asset.
class StagedAssembly : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir.path() / "payload.txt") << "hello\n";
    cdk::App app;
    app.add<cdk::Stack>("Shared").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
    auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "111111111111", .region = "eu-west-1"}});
    auto& network = prod.add<cdk::Stack>("Network");
    network.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
    auto& app_stack = prod.add<cdk::Stack>("App");
    app_stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
    app_stack.add_dependency(network);
    auto& api = prod.add<cdk::Stage>("Eu").add<cdk::Stack>("Api");
    api.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
    api.add<cdk::FileAsset>("Payload", {.path = (dir.path() / "payload.txt").string()});
    cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), dir.path() / "cdk.out");
    assembly = cdk::deploy::read_assembly(dir.path() / "cdk.out");
  }

  cdktest::TempDir dir;
  Assembly assembly;
};

TEST_F(StagedAssembly, ReadsTheStacksOfEveryNestedAssembly) {
  EXPECT_EQ(names(assembly.select({}, false, false)),
            (std::vector<std::string>{"Shared", "Prod/Network", "Prod/App", "Prod/Eu/Api"}));
  for (const auto& s : assembly.stacks) EXPECT_TRUE(fs::exists(s.template_file)) << s.template_file;
  const auto* app = assembly.select({"Prod/App"}, false, false).front();
  EXPECT_EQ(app->stack_name, "Prod-App");
  EXPECT_EQ(app->account, "111111111111");
  ASSERT_EQ(app->dependencies.size(), 1u);
  EXPECT_EQ(assembly.find(app->dependencies[0])->display_name, "Prod/Network");
}

TEST_F(StagedAssembly, StagePatternsSelectTheStagesStacks) {
  EXPECT_EQ(names(assembly.select({"Prod/*"}, false, false)), (std::vector<std::string>{"Prod/Network", "Prod/App"}));
  EXPECT_EQ(names(assembly.select({"Prod/**"}, false, false)),
            (std::vector<std::string>{"Prod/Network", "Prod/App", "Prod/Eu/Api"}));
  EXPECT_EQ(names(assembly.select({"Prod/App"}, true, false)), (std::vector<std::string>{"Prod/Network", "Prod/App"}));
  EXPECT_EQ(names(assembly.select({"Shared"}, false, false)), (std::vector<std::string>{"Shared"}));
  try {
    (void)assembly.select({"Test/*"}, false, false);
    ADD_FAILURE() << "Test/* matched";
  } catch (const cdk::deploy::DeployError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no stack matches 'Test/*'"));
  }
}

TEST_F(StagedAssembly, ANestedStagesAssetManifestPointsAtTheAppDirectory) {
  const auto* api = assembly.select({"Prod/Eu/Api"}, false, false).front();
  ASSERT_EQ(api->asset_manifests.size(), 1u);
  const auto manifest = cdk::deploy::read_asset_manifest(api->asset_manifests[0].file);
  ASSERT_EQ(manifest.files.size(), 1u);
  EXPECT_EQ(manifest.files[0].path.rfind("../../asset.", 0), 0u) << manifest.files[0].path;
  EXPECT_TRUE(fs::exists(manifest.dir / manifest.files[0].path));
}

TEST(StageGlob, StarsStopAtSlashesAndDoubleStarsDoNot) {
  EXPECT_TRUE(glob_match("Prod/*", "Prod/Network"));
  EXPECT_FALSE(glob_match("Prod/*", "Prod/Eu/Api"));
  EXPECT_TRUE(glob_match("Prod/**", "Prod/Eu/Api"));
  EXPECT_TRUE(glob_match("**", "Prod/Eu/Api"));
  EXPECT_FALSE(glob_match("*", "Prod/Network"));
  EXPECT_FALSE(glob_match("Prod?Network", "Prod/Network"));
  EXPECT_TRUE(glob_match("Prod?Network", "Prod-Network"));
}

}  // namespace
