// Synthesis into a cloud assembly: manifest.json, tree.json, templates on disk.
#include "core/test_util.hpp"
#include "security/rule_pack.hpp"
#include "synth/tree_json.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace {

namespace fs = std::filesystem;
using cdktest::Json;
using ::testing::HasSubstr;

// Two stacks, one using the other, with every section of a template.
void build_app(cdk::App& app) {
  auto& net = app.add<cdk::Stack>("Net", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"},
                                                         .description = "network", .tags = {{"team", "net"}}});
  auto& vpc = net.add<cdk::CfnResource>("Vpc", "AWS::EC2::VPC", cdk::Value::map({{"CidrBlock", "10.0.0.0/16"}}),
                                        cdk::TagFormat::Standard);
  auto& web = app.add<cdk::Stack>("Web", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& p = web.add<cdk::CfnParameter>("Size", cdk::CfnParameterProps{.type = "Number", .default_value = 1});
  auto& group = web.add<cdk::Construct>("Tier");
  auto& sg = group.add<cdk::CfnResource>("Sg", "AWS::EC2::SecurityGroup",
                                         cdk::Value::map({{"VpcId", vpc.ref()}, {"GroupDescription", "web"}}));
  group.add<cdk::CfnResource>("Resource", "AWS::AutoScaling::AutoScalingGroup",
                              cdk::Value::map({{"MaxSize", p.value()}, {"SecurityGroups", cdk::Value::list({sg.ref()})}}));
  web.add<cdk::CfnOutput>("SgId", cdk::CfnOutputProps{.value = sg.get_att("GroupId")});
}

TEST(Synthesizer, TwoSynthesesOfTheSameProgramGiveTheSameBytes) {
  cdktest::TempDir dir;
  std::vector<std::string> runs;
  for (int i = 0; i < 2; ++i) {
    cdk::App app;
    build_app(app);
    auto a = cdk::detail::synthesize(app, {});
    const fs::path out = dir.path() / ("out" + std::to_string(i));
    cdk::detail::write_assembly(a, out);
    std::string all;
    for (const char* f : {"manifest.json", "tree.json", "Net.template.json", "Web.template.json"})
      all += std::string(f) + "\n" + cdktest::read_file(out / f);
    runs.push_back(all);
  }
  EXPECT_EQ(runs[0], runs[1]);
  EXPECT_GT(runs[0].size(), 500u);
}

// A command that only writes the assembly lets synthesis drop each template's
// JSON once its stack is checked: the same text and findings, no JSON held.
TEST(Synthesizer, WithoutKeepingTemplatesTheTextAndFindingsAreTheSameAndNoJsonIsHeld) {
  auto synth = [](bool keep) {
    cdk::App app;
    build_app(app);
    auto a = cdk::detail::synthesize(
        app, {.plugins = {&cdk::detail::security::rule_pack_plugin()}, .keep_templates = keep});
    std::vector<std::string> texts;
    for (const auto& s : a.stacks) {
      EXPECT_EQ(s.template_json.is_null(), !keep) << s.stack->node().path();
      EXPECT_EQ(s.view == nullptr, !keep) << s.stack->node().path();
      texts.push_back(s.template_text);
    }
    std::vector<std::string> findings;
    for (const auto& d : a.diagnostics) findings.push_back(d.path + ": " + d.message);
    return std::pair(texts, findings);
  };
  const auto kept = synth(true);
  const auto dropped = synth(false);
  ASSERT_EQ(kept.first.size(), 2u);
  EXPECT_EQ(dropped.first, kept.first);
  EXPECT_FALSE(kept.second.empty());  // the rule pack found something to compare
  EXPECT_EQ(dropped.second, kept.second);
}

TEST(Synthesizer, TemplatesAreIndentedJsonWithATrailingNewline) {
  cdk::App app;
  build_app(app);
  auto a = cdk::detail::synthesize(app, {});
  for (const auto& s : a.stacks) {
    ASSERT_FALSE(s.template_text.empty());
    EXPECT_EQ(s.template_text.back(), '\n');
    EXPECT_EQ(s.template_text, s.template_json.dump(1) + "\n");
  }
}

TEST(Synthesizer, StacksAreInDeploymentOrder) {
  cdk::App app;
  build_app(app);
  auto a = cdk::detail::synthesize(app, {});
  ASSERT_EQ(a.stacks.size(), 2u);
  EXPECT_EQ(a.stacks[0].stack->node().path(), "Net");
  EXPECT_EQ(a.stacks[1].stack->node().path(), "Web");
}

TEST(Synthesizer, ManifestHasVersionArtifactsDependenciesAndTheTree) {
  cdk::App app;
  build_app(app);
  auto m = cdk::detail::synthesize(app, {}).manifest;
  EXPECT_EQ(m["version"], cdk::detail::kAssemblyVersion);
  const auto& arts = m["artifacts"];
  std::vector<std::string> names;
  for (const auto& [k, v] : arts.items()) names.push_back(k);
  EXPECT_THAT(names, ::testing::ElementsAre("Net", "Web", "Tree"));
  const auto& web = arts["Web"];
  EXPECT_EQ(web["type"], "aws:cloudformation:stack");
  EXPECT_EQ(web["environment"], "aws://123456789012/eu-west-1");
  EXPECT_EQ(web["properties"]["templateFile"], "Web.template.json");
  EXPECT_EQ(web["properties"]["stackName"], "Web");
  EXPECT_EQ(web["properties"]["terminationProtection"], false);
  EXPECT_EQ(web["dependencies"], Json::array({"Net"}));
  EXPECT_EQ(web["displayName"], "Web");
  EXPECT_EQ(arts["Net"]["environment"], "aws://123456789012/eu-west-1");
  EXPECT_EQ(arts["Net"]["properties"]["tags"], Json::parse(R"({"team": "net"})"));
  EXPECT_EQ(arts["Tree"], Json::parse(R"({"type": "cdk:tree", "properties": {"file": "tree.json"}})"));
}

TEST(Synthesizer, ManifestMetadataMapsPathsToLogicalIds) {
  cdk::App app;
  build_app(app);
  auto m = cdk::detail::synthesize(app, {}).manifest;
  const auto& meta = m["artifacts"]["Web"]["metadata"];
  const std::string asg_id = cdk::detail::make_logical_id({"Tier", "Resource"});
  EXPECT_EQ(meta["/Web/Tier/Resource"], Json::parse(R"([{"type": "aws:cdk:logicalId", "data": ")" + asg_id + R"("}])"));
  EXPECT_EQ(meta["/Web/Size"][0]["data"], "Size");
}

TEST(Synthesizer, TreeJsonDescribesEveryConstruct) {
  cdk::App app;
  build_app(app);
  const auto assembly = cdk::detail::synthesize(app, {});
  const std::string text = cdk::detail::tree_json_text(*assembly.app, assembly.logical_ids);
  auto tree = Json::parse(text);
  // Written as it is walked, in the format of every other file we write.
  EXPECT_EQ(text, tree.dump(1) + "\n");
  EXPECT_EQ(tree["version"], "tree-0.1");
  const auto& root = tree["tree"];
  EXPECT_EQ(root["id"], "App");
  EXPECT_EQ(root["path"], "");
  EXPECT_EQ(root["constructInfo"]["fqn"], "cdkpp.App");
  const auto& sg = root["children"]["Web"]["children"]["Tier"]["children"]["Sg"];
  EXPECT_EQ(sg["id"], "Sg");
  EXPECT_EQ(sg["path"], "Web/Tier/Sg");
  EXPECT_EQ(sg["attributes"]["aws:cdk:cloudformation:type"], "AWS::EC2::SecurityGroup");
  EXPECT_EQ(sg["attributes"]["aws:cdk:cloudformation:logicalId"], cdk::detail::make_logical_id({"Tier", "Sg"}));
  EXPECT_EQ(sg["constructInfo"]["fqn"], "cdkpp.CfnResource");
  EXPECT_EQ(root["children"]["Web"]["constructInfo"]["fqn"], "cdkpp.Stack");
  EXPECT_EQ(root["children"]["Web"]["children"]["Tier"]["constructInfo"]["fqn"], "cdkpp.Construct");
}

TEST(Synthesizer, WriteAssemblyWritesManifestTreeAndOneTemplatePerStack) {
  cdktest::TempDir dir;
  cdk::App app;
  build_app(app);
  auto a = cdk::detail::synthesize(app, {});
  cdk::detail::write_assembly(a, dir.path() / "cdk.out");
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir.path() / "cdk.out")) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  EXPECT_THAT(files, ::testing::ElementsAre("Net.template.json", "Web.template.json", "manifest.json", "tree.json"));
  EXPECT_EQ(cdktest::read_file(dir.path() / "cdk.out" / "Web.template.json"), a.stacks[1].template_text);
  EXPECT_EQ(Json::parse(cdktest::read_file(dir.path() / "cdk.out" / "manifest.json")), a.manifest);
  // No temporary directories are left next to it.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(Synthesizer, WriteAssemblyReplacesAnExistingDirectory) {
  cdktest::TempDir dir;
  const fs::path out = dir.path() / "cdk.out";
  fs::create_directories(out);
  std::ofstream(out / "Stale.template.json") << "{}";
  cdk::App app;
  build_app(app);
  cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), out);
  EXPECT_FALSE(fs::exists(out / "Stale.template.json"));
  EXPECT_TRUE(fs::exists(out / "Web.template.json"));
}

TEST(Synthesizer, WriteAssemblyAcceptsATrailingSlash) {
  cdktest::TempDir dir;
  const fs::path out = dir.path() / "cdk.out";
  fs::create_directories(out);
  std::ofstream(out / "Stale.template.json") << "{}";
  cdk::App app;
  build_app(app);
  cdk::detail::write_assembly(cdk::detail::synthesize(app, {}), out.string() + "/");
  EXPECT_FALSE(fs::exists(out / "Stale.template.json"));
  EXPECT_TRUE(fs::exists(out / "Web.template.json"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(Synthesizer, WriteAssemblyFailureIsACdkErrorAndLeavesTheOldAssembly) {
  cdktest::TempDir dir;
  const fs::path blocker = dir.path() / "file";
  std::ofstream(blocker) << "not a directory";
  cdk::App app;
  build_app(app);
  auto a = cdk::detail::synthesize(app, {});
  EXPECT_THROW(cdk::detail::write_assembly(a, blocker / "cdk.out"), cdk::Error);
  EXPECT_EQ(cdktest::read_file(blocker), "not a directory");
}

TEST(Synthesizer, ErrorsLeaveAnExistingAssemblyUntouched) {
  cdktest::TempDir dir;
  const fs::path out = dir.path() / "cdk.out";
  fs::create_directories(out);
  std::ofstream(out / "manifest.json") << "previous";
  cdk::App app(cdk::AppProps{.outdir = out.string()});
  auto& s = app.add<cdk::Stack>("S");
  s.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  cdk::Annotations::of(s).add_error("broken");
  EXPECT_THROW(app.synth(), cdk::SynthError);
  EXPECT_EQ(cdktest::read_file(out / "manifest.json"), "previous");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(Synthesizer, AllErrorsAreReportedAtOnce) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  a.add<cdk::CfnOutput>("NoValue", cdk::CfnOutputProps{});
  cdk::Annotations::of(a).add_error("first");
  app.add<cdk::Stack>("B");  // empty
  auto errors = cdktest::synth_errors(app);
  std::vector<std::string> lines;
  for (const auto& e : errors) lines.push_back(e.to_string());
  EXPECT_THAT(lines, ::testing::IsSupersetOf({HasSubstr("A/NoValue: output has no value"), HasSubstr("A: first"),
                                              HasSubstr("error: B: stack has no resources")}));
}

TEST(Synthesizer, LimitsAreCheckedEvenAfterAStackCycle) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  a.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  b.add<cdk::CfnOutput>("O", cdk::CfnOutputProps{.value = "x"});  // B has no resources
  a.add_dependency(b);
  b.add_dependency(a);
  auto text = cdktest::synth_error_text(app);
  EXPECT_THAT(text, HasSubstr("dependency cycle between stacks: A -> B -> A"));
  EXPECT_THAT(text, HasSubstr("error: B: stack has no resources"));
}

TEST(Synthesizer, ConstructDependencyAcrossStacksIsAStackDependency) {
  cdk::App app;
  auto& web = app.add<cdk::Stack>("Web");
  auto& tier = web.add<cdk::Construct>("Tier");
  tier.add<cdk::CfnResource>("Server", "AWS::EC2::Instance");
  auto& data = app.add<cdk::Stack>("Data");
  auto& db = data.add<cdk::Construct>("Db");
  db.add<cdk::CfnResource>("Cluster", "AWS::RDS::DBCluster");
  tier.node().add_dependency(db);
  auto a = cdk::detail::synthesize(app, {});
  EXPECT_EQ(a.stacks[0].stack, &data);
  EXPECT_EQ(a.manifest["artifacts"]["Web"]["dependencies"], Json::array({"Data"}));
  auto t = cdktest::template_of(a, "Web");
  EXPECT_FALSE(t["Resources"].begin().value().contains("DependsOn"));
}

TEST(Synthesizer, AutomaticExportClashingWithAUserOutputIsAnError) {
  cdk::App app;
  auto& p = app.add<cdk::Stack>("P");
  auto& b = p.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  p.add<cdk::CfnOutput>("X", cdk::CfnOutputProps{.value = "x"}).override_logical_id("ExportsOutputRefBucket239F7DF2");
  app.add<cdk::Stack>("C").add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"D", b.ref()}}));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("clashes with an automatic export"));
}

}  // namespace

namespace {

// An export name is unique per account and region: the second stack to use
// one is an error at synthesis, not halfway through a deploy.
std::vector<cdk::Diagnostic> export_errors(const std::string& second_region) {
  cdktest::TempDir dir;
  cdk::App app(cdk::AppProps{.outdir = (dir.path() / "cdk.out").string()});
  auto& a = app.add<cdk::Stack>("A", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& b = app.add<cdk::Stack>("B", cdk::StackProps{.env = {.account = "123456789012", .region = second_region}});
  for (cdk::Stack* s : {&a, &b}) s->add<cdk::CfnResource>("Handle", "AWS::CloudFormation::WaitConditionHandle");
  a.add<cdk::CfnOutput>("Url", {.value = "https://a.example", .export_name = "shared-url"});
  b.add<cdk::CfnOutput>("Url", {.value = "https://b.example", .export_name = "shared-url"});
  try {
    app.synth();
  } catch (const cdk::SynthError& e) {
    return e.errors();
  }
  return {};
}

TEST(Synthesizer, AnExportNameUsedTwiceInOneRegionIsAnErrorNamingBothStacks) {
  const auto errors = export_errors("eu-west-1");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "B");
  EXPECT_THAT(errors[0].message, HasSubstr("export name shared-url is already exported by A (output Url)"));
  EXPECT_THAT(errors[0].message, HasSubstr("aws://123456789012/eu-west-1"));
}

TEST(Synthesizer, TheSameExportNameInAnotherRegionIsFine) {
  for (const auto& e : export_errors("eu-west-2")) ADD_FAILURE() << e.path << ": " << e.message;
}

}  // namespace
