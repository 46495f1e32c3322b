#include "deploy/assembly.hpp"

#include <gtest/gtest.h>

#include "deploy/errors.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using testing::TempDir;

std::vector<std::string> ids(const std::vector<const StackArtifact*>& stacks) {
  std::vector<std::string> out;
  for (const auto* s : stacks) out.push_back(s->id);
  return out;
}

TEST(Assembly, ReadsStacksFromTheManifestTheLeadWrites) {
  TempDir dir;
  testing::write_file(dir.path() / "manifest.json", R"({"version":"36.0.0","artifacts":{
    "Hello":{"type":"aws:cloudformation:stack","environment":"aws://123456789012/eu-west-1",
      "properties":{"templateFile":"Hello.template.json","stackName":"hello-prod","terminationProtection":true,
                    "tags":{"k":"v"}},"dependencies":["Other","Hello.assets"],"displayName":"App/Hello"},
    "Other":{"type":"aws:cloudformation:stack","environment":"aws://unknown-account/unknown-region",
      "properties":{"templateFile":"Other.template.json"}},
    "Tree":{"type":"cdk:tree","properties":{"file":"tree.json"}}}})");
  testing::write_file(dir.path() / "Hello.template.json", R"({"Resources":{}})");
  Assembly a = read_assembly(dir.path());
  ASSERT_EQ(a.stacks.size(), 2u);
  const StackArtifact* hello = a.find("Hello");
  ASSERT_NE(hello, nullptr);
  EXPECT_EQ(hello->stack_name, "hello-prod");
  EXPECT_EQ(hello->display_name, "App/Hello");
  EXPECT_EQ(hello->account, "123456789012");
  EXPECT_EQ(hello->region, "eu-west-1");
  EXPECT_TRUE(hello->termination_protection);
  EXPECT_EQ(hello->tags.at("k"), "v");
  EXPECT_EQ(hello->dependencies, std::vector<std::string>{"Other"});  // non-stack artifacts dropped
  EXPECT_EQ(hello->read_template(), R"({"Resources":{}})");
  const StackArtifact* other = a.find("Other");
  EXPECT_EQ(other->stack_name, "Other");
  EXPECT_TRUE(other->account.empty());
  EXPECT_TRUE(other->region.empty());
}

TEST(Assembly, MissingManifestIsAClearError) {
  TempDir dir;
  try {
    read_assembly(dir.path());
    FAIL();
  } catch (const DeployError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot read cloud assembly manifest"), std::string::npos);
  }
}

class Selection : public ::testing::Test {
 protected:
  TempDir dir;
  Assembly a;
  void SetUp() override {
    testing::write_assembly(dir.path(), {{"Network", {}},
                                         {"Data", {}, {"Network"}},
                                         {"AppEu", {}, {"Network", "Data"}},
                                         {"AppUs", {}, {"Network"}},
                                         {"Tools", {}}});
    a = read_assembly(dir.path());
  }
};

TEST_F(Selection, NoPatternsSelectsEveryStack) { EXPECT_EQ(a.select({}, true, false).size(), 5u); }

TEST_F(Selection, WildcardsAndUpstreamDependencies) {
  EXPECT_EQ(ids(a.select({"App*"}, false, false)), (std::vector<std::string>{"AppEu", "AppUs"}));
  EXPECT_EQ(ids(a.select({"AppEu"}, true, false)), (std::vector<std::string>{"Network", "Data", "AppEu"}));
}

TEST_F(Selection, DownstreamDependentsForDestroy) {
  EXPECT_EQ(ids(a.select({"Data"}, false, true)), (std::vector<std::string>{"Data", "AppEu"}));
}

TEST_F(Selection, UnknownStackNamesTheKnownOnes) {
  try {
    (void)a.select({"Nope"}, true, false);
    FAIL();
  } catch (const DeployError& e) {
    EXPECT_NE(std::string(e.what()).find("no stack matches 'Nope'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("Network"), std::string::npos);
  }
}

TEST_F(Selection, WavesPutDependenciesFirst) {
  auto waves = Assembly::waves(a.select({}, true, false));
  ASSERT_EQ(waves.size(), 3u);
  EXPECT_EQ(ids(waves[0]), (std::vector<std::string>{"Network", "Tools"}));
  EXPECT_EQ(ids(waves[1]), (std::vector<std::string>{"Data", "AppUs"}));
  EXPECT_EQ(ids(waves[2]), (std::vector<std::string>{"AppEu"}));
}

TEST(Waves, ACycleIsReportedWithItsStacks) {
  TempDir dir;
  testing::write_assembly(dir.path(), {{"A", {}, {"B"}}, {"B", {}, {"A"}}, {"C", {}}});
  Assembly a = read_assembly(dir.path());
  try {
    (void)Assembly::waves(a.select({}, false, false));
    FAIL();
  } catch (const DeployError& e) {
    EXPECT_STREQ(e.what(), "stack dependency cycle among: A, B");
  }
}

TEST(Glob, MatchesStarAndQuestionMark) {
  EXPECT_TRUE(glob_match("*", "anything"));
  EXPECT_TRUE(glob_match("App?", "AppX"));
  EXPECT_TRUE(glob_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(glob_match("a*b", "axxc"));
  EXPECT_FALSE(glob_match("App", "Apps"));
}

}  // namespace
}  // namespace cdk::deploy
