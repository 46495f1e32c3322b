// The App: context from the command line, CDK_CONTEXT_JSON and cdkpp.json.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace {

using ::testing::HasSubstr;

// argv as the program would receive it.
struct Argv {
  explicit Argv(std::vector<std::string> a) : args(std::move(a)) {
    for (auto& s : args) ptrs.push_back(s.data());
  }
  int argc() { return static_cast<int>(ptrs.size()); }
  char** argv() { return ptrs.data(); }
  std::vector<std::string> args;
  std::vector<char*> ptrs;
};

// Each test runs in an empty directory with no CDK_CONTEXT_JSON, so a
// cdkpp.json or environment of the developer cannot leak in.
class AppContext : public ::testing::Test {
 protected:
  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdktest::ScopedEnv env{"CDK_CONTEXT_JSON", nullptr};
};

TEST_F(AppContext, ReadsContextFromTheCommandLineInEveryForm) {
  Argv a({"prog", "-c", "stage=prod", "--context", "region=eu-west-1", "--context=team=a=b", "-csize=3", "synth"});
  cdk::App app(a.argc(), a.argv());
  EXPECT_EQ(app.context("stage"), "prod");
  EXPECT_EQ(app.context("region"), "eu-west-1");
  EXPECT_EQ(app.context("team"), "a=b");  // only the first '=' splits
  EXPECT_EQ(app.context("size"), "3");
  EXPECT_EQ(app.context("synth"), std::nullopt);
}

TEST_F(AppContext, RejectsContextWithoutAnEqualsSign) {
  Argv a({"prog", "-c", "stage"});
  try {
    cdk::App app(a.argc(), a.argv());
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("key=value"));
  }
  Argv b({"prog", "-c", "=prod"});
  EXPECT_THROW(cdk::App(b.argc(), b.argv()), cdk::Error);
}

TEST_F(AppContext, ReadsTheContextObjectOfCdkppJsonInTheWorkingDirectory) {
  std::ofstream(dir.path() / "cdkpp.json") << R"({"context": {"stage": "test", "azs": 3, "flags": {"a": true}}})";
  Argv a({"prog"});
  cdk::App app(a.argc(), a.argv());
  EXPECT_EQ(app.context("stage"), "test");
  EXPECT_EQ(app.context("azs"), "3");             // non-strings as JSON text
  EXPECT_EQ(app.context("flags"), R"({"a":true})");
}

TEST_F(AppContext, RejectsACdkppJsonThatIsNotJson) {
  std::ofstream(dir.path() / "cdkpp.json") << "{ not json";
  Argv a({"prog"});
  try {
    cdk::App app(a.argc(), a.argv());
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cdkpp.json"));
  }
}

TEST_F(AppContext, ReadsCdkContextJsonFromTheEnvironment) {
  cdktest::ScopedEnv ctx("CDK_CONTEXT_JSON", R"({"stage": "staging"})");
  Argv a({"prog"});
  cdk::App app(a.argc(), a.argv());
  EXPECT_EQ(app.context("stage"), "staging");
}

TEST_F(AppContext, CommandLineBeatsEnvironmentBeatsFile) {
  std::ofstream(dir.path() / "cdkpp.json") << R"({"context": {"a": "file", "b": "file", "c": "file"}})";
  cdktest::ScopedEnv ctx("CDK_CONTEXT_JSON", R"({"b": "env", "c": "env"})");
  Argv a({"prog", "-c", "c=cli"});
  cdk::App app(a.argc(), a.argv());
  EXPECT_EQ(app.context("a"), "file");
  EXPECT_EQ(app.context("b"), "env");
  EXPECT_EQ(app.context("c"), "cli");
}

TEST_F(AppContext, ContextIsReadableByConstructsWhileTheTreeIsBuilt) {
  Argv a({"prog", "-c", "stage=prod"});
  cdk::App app(a.argc(), a.argv());
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& c = stack.add<cdk::Construct>("C");
  EXPECT_EQ(c.node().try_get_context("stage"), "prod");
}

TEST_F(AppContext, AppPropsContextIsAvailable) {
  cdk::App app(cdk::AppProps{.context = {{"k", "v"}}});
  EXPECT_EQ(app.context("k"), "v");
}

TEST(App, SynthWritesTheAssemblyToTheGivenDirectoryAndReportsTemplates) {
  cdktest::TempDir dir;
  cdk::App app(cdk::AppProps{.outdir = (dir.path() / "default-out").string()});
  app.add<cdk::Stack>("One").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto result = app.synth(dir.path() / "out");
  EXPECT_EQ(std::filesystem::path(result.directory), dir.path() / "out");
  EXPECT_EQ(result.template_files, std::vector<std::string>{"One.template.json"});
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "out" / "One.template.json"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "out" / "manifest.json"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "default-out"));
  // Without an argument it uses the props' outdir.
  app.synth();
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "default-out" / "One.template.json"));
}

TEST(App, PathMetadataCanBeTurnedOff) {
  cdk::App app(cdk::AppProps{.path_metadata = false});
  app.add<cdk::Stack>("S").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  cdktest::TempDir dir;
  app.synth(dir.path());
  auto t = nlohmann::json::parse(cdktest::read_file(dir.path() / "S.template.json"));
  EXPECT_FALSE(t["Resources"]["Topic"].contains("Metadata"));
}

}  // namespace
