// The command line every program gets from App::run: synth, list, graph,
// validate, context and --strict, in process and through the hello sample.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_app.hpp"

#include <algorithm>

#include <exception>


#include <iostream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using cdktest::Json;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

using cdk::testing::run;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Net and Web (Web uses Net), run in an empty directory.
class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& web = app.add<cdk::Stack>("Web", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
    auto& net = app.add<cdk::Stack>("Net", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
    auto& vpc = net.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC");
    topic = &web.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", vpc.ref()}}));
  }
  fs::path out_dir() const { return dir.path() / "out"; }

  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdktest::ScopedEnv no_outdir{"CDK_OUTDIR", nullptr};
  cdk::App app;
  cdk::CfnResource* topic = nullptr;
};

TEST_F(Cli, SynthWritesTheAssemblyAndPrintsWhereEachTemplateWent) {
  auto r = run(app, {"synth", "--out", out_dir().string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out), (std::vector<std::string>{"Net: " + (out_dir() / "Net.template.json").string(),
                                                    "Web: " + (out_dir() / "Web.template.json").string()}));
  EXPECT_TRUE(fs::exists(out_dir() / "manifest.json"));
  EXPECT_TRUE(fs::exists(out_dir() / "tree.json"));
  auto web = Json::parse(cdktest::read_file(out_dir() / "Web.template.json"));
  EXPECT_TRUE(web["Resources"]["Topic"]["Properties"]["DisplayName"].contains("Fn::ImportValue"));
}

TEST_F(Cli, OutOptionWorksBeforeTheSubcommandToo) {
  auto r = run(app, {"--out", out_dir().string(), "synth", "--quiet"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(fs::exists(out_dir() / "Web.template.json"));
}

TEST_F(Cli, NoSubcommandSynthesizesIntoCdkOut) {
  auto r = run(app, {});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.path() / "cdk.out" / "manifest.json"));
  EXPECT_THAT(r.out, HasSubstr("Web: cdk.out/Web.template.json"));
}

TEST_F(Cli, SynthOfNamedStacksReportsOnlyThem) {
  auto r = run(app, {"synth", "--out", out_dir().string(), "Web"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out), std::vector<std::string>{"Web: " + (out_dir() / "Web.template.json").string()});
}

TEST_F(Cli, UnknownStackNameIsAnErrorAndWritesNothing) {
  auto r = run(app, {"synth", "--out", out_dir().string(), "Nope"});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("no stack named \"Nope\""));
  EXPECT_FALSE(fs::exists(out_dir()));
}

TEST_F(Cli, ListPrintsStacksInDeploymentOrder) {
  auto r = run(app, {"list"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Net\nWeb\n");
  auto l = run(app, {"ls", "--long"});
  EXPECT_EQ(lines(l.out), (std::vector<std::string>{"Net  aws://123456789012/eu-west-1",
                                                    "Web  aws://123456789012/eu-west-1  needs Net"}));
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));  // list writes nothing
}

TEST_F(Cli, GraphPrintsDot) {
  auto r = run(app, {"graph", "--view", "resources"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("digraph app {"), HasSubstr("\"Web\" -> \"Net\" [style=dashed];")));
}

TEST_F(Cli, GraphOutWritesTheFile) {
  const auto file = dir.path() / "app.dot";
  auto r = run(app, {"graph", "--view", "resources", "--out", file.string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "graph: " + file.string() + "\n");
  EXPECT_THAT(cdktest::read_file(file), HasSubstr("digraph app {"));
}

TEST_F(Cli, GraphOutToAnUnwritablePathFails) {
  auto r = run(app, {"graph", "--out", (dir.path() / "missing-dir" / "app.dot").string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("cannot write"));
}

TEST_F(Cli, ValidateSucceedsWithoutWriting) {
  auto r = run(app, {"validate"});
  EXPECT_EQ(r.code, 0) << r.err;
  // The test VPC has no flow log and the L1 topic no TLS-only policy: security
  // findings, reported but not errors.
  EXPECT_EQ(r.out, "valid: 2 stack(s), no errors\nsecurity: 2 finding(s) (2 medium), 0 suppressed\n");
  EXPECT_THAT(r.err, HasSubstr("warning: Net/Vpc: [VPC-NO-FLOW-LOGS medium]"));
  EXPECT_THAT(r.err, HasSubstr("[SNS-NO-TLS medium]"));
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}

TEST_F(Cli, ValidatePrintsOneLinePerErrorAndExits1) {
  cdk::Annotations::of(*topic).add_error("first problem");
  app.add<cdk::Stack>("Empty");
  auto r = run(app, {"validate"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(lines(r.err), ::testing::UnorderedElementsAre("error: Web/Topic: first problem",
                                                            HasSubstr("error: Empty: stack has no resources"),
                                                            "2 error(s); nothing was written"));
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}

TEST_F(Cli, SynthWithErrorsWritesNothingAndKeepsTheOldAssembly) {
  fs::create_directories(out_dir());
  std::ofstream(out_dir() / "manifest.json") << "old";
  cdk::Annotations::of(*topic).add_error("broken");
  auto r = run(app, {"synth", "--out", out_dir().string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("error: Web/Topic: broken"));
  EXPECT_EQ(cdktest::read_file(out_dir() / "manifest.json"), "old");
}

TEST_F(Cli, WarningsArePrintedAndFailOnlyWithStrict) {
  cdk::Annotations::of(*topic).add_warning("unencrypted");
  auto r = run(app, {"synth", "--out", out_dir().string()});
  EXPECT_EQ(r.code, 0);
  EXPECT_THAT(r.err, HasSubstr("warning: Web/Topic: unencrypted"));
  fs::remove_all(out_dir());
  auto strict = run(app, {"--strict", "synth", "--out", out_dir().string()});
  EXPECT_EQ(strict.code, 1);
  EXPECT_THAT(strict.err, HasSubstr("error: Web/Topic: unencrypted [--strict]"));
  EXPECT_FALSE(fs::exists(out_dir()));
  auto strict_after = run(app, {"validate", "--strict"});
  EXPECT_EQ(strict_after.code, 1);
}

TEST_F(Cli, ContextNotReadByTheAppIsAnErrorNotSilentlyIgnored) {
  // `app` was built without argv, so -c stage=prod could not reach it.
  auto r = run(app, {"-c", "stage=prod", "synth", "--out", out_dir().string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("-c stage=prod was not read by this program's App"));
  EXPECT_FALSE(fs::exists(out_dir()));
}

TEST(CliContext, ContextReadByTheAppIsAccepted) {
  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd(dir.path());
  cdktest::ScopedEnv no_ctx("CDK_CONTEXT_JSON", nullptr);
  const char* argv[] = {"prog", "-c", "stage=prod", "list", nullptr};
  cdk::App app(4, const_cast<char**>(argv));
  app.add<cdk::Stack>("S").add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto r = run(app, {"-c", "stage=prod", "list"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "S\n");
}

TEST_F(Cli, HelpExitsZeroAndListsTheCommands) {
  auto r = run(app, {"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_THAT(r.out, AllOf(HasSubstr("synth"), HasSubstr("list"), HasSubstr("graph"), HasSubstr("validate")));
}

// Subcommand options are declared when the subcommand is met (cli/commands.hpp):
// each subcommand's help and options still work, and stay its own.
TEST_F(Cli, EachSubcommandHasItsOwnOptionsAndHelp) {
  for (const auto& [command, option] : std::vector<std::pair<std::string, std::string>>{
           {"synth", "--quiet"}, {"list", "--long"}, {"graph", "--view"}, {"validate", "--rules"},
           {"deploy", "--require-approval"}, {"diff", "--fail"}, {"destroy", "--force"},
           {"bootstrap", "--toolkit-stack-name"}, {"cost", "--storage"}}) {
    auto r = run(app, {command, "--help"});
    EXPECT_EQ(r.code, 0) << command << ": " << r.err;
    EXPECT_THAT(r.out, HasSubstr(option)) << command;
  }
  EXPECT_EQ(run(app, {"synth", "--quiet"}).code, 0);
  auto r = run(app, {"synth", "--toolkit-stack-name", "x"});  // bootstrap's option
  EXPECT_NE(r.code, 0);
  EXPECT_THAT(r.err, HasSubstr("toolkit-stack-name"));
  r = run(app, {"graph", "--format", "gif"});
  EXPECT_NE(r.code, 0);
  EXPECT_THAT(r.err, HasSubstr("gif"));
}

TEST_F(Cli, UnknownCommandExitsNonZero) {
  auto r = run(app, {"frobnicate"});
  EXPECT_NE(r.code, 0);
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}

TEST_F(Cli, OutdirThatCannotBeCreatedIsOneErrorLine) {
  std::ofstream(dir.path() / "file") << "x";
  auto r = run(app, {"synth", "--out", (dir.path() / "file" / "out").string()});
  EXPECT_EQ(r.code, 1);
  const auto all = lines(r.err);
  EXPECT_EQ(std::count_if(all.begin(), all.end(), [](const std::string& l) { return l.starts_with("error:"); }), 1)
      << r.err;
}

// A user's main: a duplicate id throws before run(). An exception leaving
// main makes the runtime call std::terminate with that exception current;
// terminating from a catch block does the same here (a noexcept boundary
// would not: optimized builds may terminate with no exception current).
void main_with_duplicate_id() {
  try {
    const char* argv[] = {"prog", nullptr};
    cdk::App app(1, const_cast<char**>(argv));
    auto& s = app.add<cdk::Stack>("S");
    s.add<cdk::Construct>("A");
    s.add<cdk::Construct>("A");
  } catch (...) {
    std::terminate();
  }
}

TEST(CliTerminate, ErrorThrownBeforeRunPrintsOneLineAndExits1) {
  EXPECT_EXIT(main_with_duplicate_id(), ::testing::ExitedWithCode(1),
              "^error: S: there is already a construct with id \"A\" here [^\n]*\n$");
}

void main_with_synth_errors() {
  try {
    const char* argv[] = {"prog", nullptr};
    cdk::App app(1, const_cast<char**>(argv));
    app.add<cdk::Stack>("Empty");
    app.add<cdk::Stack>("AlsoEmpty");
    app.synth((std::filesystem::temp_directory_path() / "cdkpp-never-written").string());
  } catch (...) {
    std::terminate();
  }
}

TEST(CliTerminate, SynthErrorEscapingMainPrintsEveryErrorAndExits1) {
  EXPECT_EXIT(main_with_synth_errors(), ::testing::ExitedWithCode(1),
              "^error: Empty: stack has no resources[^\n]*\nerror: AlsoEmpty: stack has no resources[^\n]*\n$");
  EXPECT_FALSE(fs::exists(fs::temp_directory_path() / "cdkpp-never-written"));
}

// ---- the hello sample, run as a program

#ifdef CDKPP_HELLO
cdk::testing::RunResult run_hello(const fs::path& cwd, const std::string& args) {
  return cdk::testing::run_program(CDKPP_HELLO, cwd, args);
}

TEST(Hello, SynthWritesTheTemplateAndSaysWhere) {
  cdktest::TempDir dir;
  auto p = run_hello(dir.path(), "synth --out hello.out");
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(p.out, "Hello: hello.out/Hello.template.json\n");
  auto t = Json::parse(cdktest::read_file(dir.path() / "hello.out" / "Hello.template.json"));
  EXPECT_EQ(t["Resources"]["Uploaded"]["Properties"]["DisplayName"], "hello-dev-uploads");
  EXPECT_EQ(t["Resources"]["Uploads4F6EB0FD"]["DeletionPolicy"], "Retain");  // the s3::Bucket L2's default
  EXPECT_TRUE(fs::exists(dir.path() / "hello.out" / "manifest.json"));
}

TEST(Hello, ContextOnTheCommandLineChangesTheTemplate) {
  cdktest::TempDir dir;
  auto p = run_hello(dir.path(), "-c stage=prod synth --out prod.out");
  ASSERT_EQ(p.code, 0) << p.err;
  auto t = Json::parse(cdktest::read_file(dir.path() / "prod.out" / "Hello.template.json"));
  EXPECT_EQ(t["Resources"]["Uploaded"]["Properties"]["DisplayName"], "hello-prod-uploads");
  EXPECT_EQ(t["Resources"]["Work"]["Properties"]["MessageRetentionPeriod"],
            Json::parse(R"({"Fn::FindInMap": ["Retention", "prod", "Seconds"]})"));
  EXPECT_THAT(t["Resources"]["Uploads4F6EB0FD"]["Properties"]["Tags"].dump(),
              HasSubstr(R"({"Key":"stage","Value":"prod"})"));
}

TEST(Hello, ContextBeforeASubcommandDoesNotSwallowIt) {
  cdktest::TempDir dir;
  auto p = run_hello(dir.path(), "-c stage=prod -c extra=1 list");
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(p.out, "Hello\n");
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));  // listed, not synthesized
}

TEST(Hello, ContextFromCdkppJson) {
  cdktest::TempDir dir;
  std::ofstream(dir.path() / "cdkpp.json") << R"({"context": {"stage": "test"}})";
  auto p = run_hello(dir.path(), "synth --quiet");
  ASSERT_EQ(p.code, 0) << p.err;
  auto t = Json::parse(cdktest::read_file(dir.path() / "cdk.out" / "Hello.template.json"));
  EXPECT_EQ(t["Resources"]["Uploaded"]["Properties"]["DisplayName"], "hello-test-uploads");
}

TEST(Hello, ListValidateAndGraph) {
  cdktest::TempDir dir;
  auto l = run_hello(dir.path(), "list");
  EXPECT_EQ(l.code, 0) << l.err;
  EXPECT_EQ(l.out, "Hello\n");
  auto v = run_hello(dir.path(), "validate");
  EXPECT_EQ(v.code, 0) << v.err;
  // hello suppresses two findings with their reasons: reported as infos, not warnings.
  EXPECT_EQ(v.out, "valid: 1 stack(s), no errors\nsecurity: 0 finding(s), 2 suppressed\n");
  EXPECT_THAT(v.err, HasSubstr("info: Hello/Work: [SQS-NO-DLQ] (AwsSolutions-SQS3) suppressed: "));
  EXPECT_THAT(v.err, Not(HasSubstr("warning:")));
  auto g = run_hello(dir.path(), "graph --view resources");
  EXPECT_EQ(g.code, 0) << g.err;
  EXPECT_THAT(g.out, HasSubstr("\"Hello.WorkSubscription\" -> \"Hello.Uploaded\";"));
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}

TEST(Hello, MalformedContextIsOneLineAndExit1) {
  cdktest::TempDir dir;
  auto p = run_hello(dir.path(), "-c stage synth");
  EXPECT_EQ(p.code, 1);
  EXPECT_EQ(lines(p.err).size(), 1u) << p.err;
  EXPECT_THAT(p.err, HasSubstr("key=value"));
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));
}
#endif

}  // namespace
