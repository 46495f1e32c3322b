// Aspects visit the tree once before synthesis; annotations report problems.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Recorder : cdk::IAspect {
  std::vector<std::string> visited;
  void visit(cdk::Construct& c) override { visited.push_back(c.node().path()); }
};

TEST(Aspects, VisitEveryConstructBelowTheScopeOnceParentsFirst) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& g = stack.add<cdk::Construct>("G");
  g.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto& other = app.add<cdk::Stack>("Other");
  other.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto rec = std::make_shared<Recorder>();
  cdk::Aspects::of(stack).add(rec);
  EXPECT_EQ(cdk::Aspects::of(stack).all().size(), 1u);
  (void)cdk::detail::synthesize(app, {});
  (void)cdk::detail::synthesize(app, {});  // a second synthesis visits nothing again
  EXPECT_THAT(rec->visited, ElementsAre("S", "S/G", "S/G/T"));
}

TEST(Aspects, SameAspectOnTwoScopesVisitsEachConstructOnce) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& g = stack.add<cdk::Construct>("G");
  g.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto rec = std::make_shared<Recorder>();
  cdk::Aspects::of(stack).add(rec);
  cdk::Aspects::of(g).add(rec);
  (void)cdk::detail::synthesize(app, {});
  EXPECT_THAT(rec->visited, ElementsAre("S", "S/G", "S/G/T"));
}

// Adds a resource under every construct named "Group" it visits.
struct AddsChildren : cdk::IAspect {
  std::vector<std::string> visited;
  void visit(cdk::Construct& c) override {
    visited.push_back(c.node().path());
    if (c.node().id() == "Group") c.add<cdk::CfnResource>("Added", "AWS::SQS::Queue");
  }
};

TEST(Aspects, ConstructsAddedByAnAspectAreVisitedAndSynthesized) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::Construct>("Group");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto aspect = std::make_shared<AddsChildren>();
  cdk::Aspects::of(app).add(aspect);
  auto t = cdktest::synth_template(app, "S");
  EXPECT_THAT(aspect->visited, ElementsAre("", "S", "S/Group", "S/Group/Added", "S/T"));
  EXPECT_TRUE(t["Resources"].contains(cdk::detail::make_logical_id({"Group", "Added"})));
}

struct SetsRetain : cdk::IAspect {
  void visit(cdk::Construct& c) override {
    if (auto* r = dynamic_cast<cdk::CfnResource*>(&c); r && r->cfn_type() == "AWS::S3::Bucket")
      r->apply_removal_policy(cdk::RemovalPolicy::Retain);
  }
};

TEST(Aspects, ChangesMadeByAnAspectReachTheTemplate) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("B", "AWS::S3::Bucket");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  cdk::Aspects::of(stack).add(std::make_shared<SetsRetain>());
  auto r = cdktest::synth_template(app, "S")["Resources"];
  EXPECT_EQ(r["B"]["DeletionPolicy"], "Retain");
  EXPECT_FALSE(r["T"].contains("DeletionPolicy"));
}

TEST(Annotations, AnErrorFailsSynthesisWithThePath) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& t = stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  cdk::Annotations::of(t).add_error("topics need encryption");
  auto errors = cdktest::synth_errors(app);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(), "error: S/T: topics need encryption");
  EXPECT_EQ(t.node().metadata()[0].type, "aws:cdk:error");
}

TEST(Annotations, WarningsAndInfosDoNotFailButAreReported) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& t = stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  cdk::Annotations::of(t).add_warning("no encryption");
  cdk::Annotations::of(stack).add_info("hello");
  auto a = cdk::detail::synthesize(app, {});
  ASSERT_EQ(a.diagnostics.size(), 2u);
  EXPECT_EQ(a.diagnostics[0].to_string(), "info: S: hello");
  EXPECT_EQ(a.diagnostics[1].to_string(), "warning: S/T: no encryption");
  // Annotations are in the manifest's metadata too, like aws-cdk-lib's.
  auto meta = a.manifest["artifacts"]["S"]["metadata"];
  EXPECT_EQ(meta["/S/T"][1], (cdktest::Json{{"type", "aws:cdk:warning"}, {"data", "no encryption"}}));
}

TEST(Annotations, StrictMakesWarningsFatal) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& t = stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  cdk::Annotations::of(t).add_warning("no encryption");
  cdk::Annotations::of(t).add_info("fyi");
  auto errors = cdktest::synth_errors(app, {.strict = true});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].level, cdk::Diagnostic::Level::Error);
  EXPECT_EQ(errors[0].path, "S/T");
  EXPECT_THAT(errors[0].message, HasSubstr("no encryption"));
  EXPECT_THAT(errors[0].message, HasSubstr("--strict"));
}

TEST(Annotations, AnAppWithStrictPropsFailsOnWarningsInSynth) {
  cdktest::TempDir dir;
  cdk::App app(cdk::AppProps{.strict = true});
  auto& stack = app.add<cdk::Stack>("S");
  cdk::Annotations::of(stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic")).add_warning("w");
  EXPECT_THROW(app.synth(dir.path() / "out"), cdk::SynthError);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
}

TEST(Annotations, CustomMetadataIsNotAnAnnotation) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic").node().add_metadata("aws:cdk:logicalId", "x");
  EXPECT_TRUE(cdk::detail::synthesize(app, {}).diagnostics.empty());
}

}  // namespace
