// `graph --format dot|svg|png` and `--view`: DOT text by default, pictures
// drawn by Graphviz dot when it is on PATH, one clear error when it is not.
#include "core/test_util.hpp"
#include "graph/render.hpp"

#include <cdk/cdk.hpp>
#include <cdk/iam/policy_statement.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_app.hpp"

#include <iostream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

using cdk::testing::run;

class GraphFormat : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& stack = app.add<cdk::Stack>("Mail");
    auto& outbox = stack.add<cdk::CfnResource>("Outbox", "AWS::SNS::Topic");
    // TLS only, so that the security rules have nothing to print.
    stack.add<cdk::CfnResource>("OutboxPolicy", "AWS::SNS::TopicPolicy", cdk::Value::map({
        {"Topics", cdk::Value::list({outbox.ref()})},
        {"PolicyDocument", cdk::iam::policy_document({{
            .effect = cdk::iam::Effect::Deny, .actions = {"sns:Publish"}, .resources = {outbox.ref()},
            .principals = cdk::Value::map({{"AWS", "*"}}),
            .conditions = cdk::Value::map({{"Bool", cdk::Value::map({{"aws:SecureTransport", "false"}})}})}})}}));
  }
  bool have_dot() const { return cdk::detail::find_on_path("dot").has_value(); }

  cdktest::TempDir dir;
  cdktest::ScopedCwd cwd{dir.path()};
  cdktest::ScopedEnv no_outdir{"CDK_OUTDIR", nullptr};
  cdk::App app;
};

TEST_F(GraphFormat, DefaultsToTheArchitectureViewAsDot) {
  auto r = run(app, {"graph"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("digraph architecture {"));
  EXPECT_THAT(r.out, HasSubstr("subgraph \"cluster_Mail\""));
  EXPECT_THAT(r.out, HasSubstr("\"Mail.Outbox\" [label=\"SNS topic\\nOutbox\""));
  EXPECT_EQ(run(app, {"graph", "--format", "dot"}).out, r.out);
  EXPECT_FALSE(fs::exists(dir.path() / "cdk.out"));  // graph writes no assembly
}

TEST_F(GraphFormat, ViewResourcesIsTheResourceGraph) {
  auto r = run(app, {"graph", "--view", "resources"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("digraph app {"));
}

TEST_F(GraphFormat, SvgIsDrawnByGraphvizIntoTheFile) {
  if (!have_dot()) GTEST_SKIP() << "Graphviz dot is not on PATH (tools/setup installs it)";
  const auto file = dir.path() / "app.svg";
  auto r = run(app, {"graph", "--format", "svg", "--out", file.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "graph: " + file.string() + "\n");
  const auto svg = cdktest::read_file(file);
  EXPECT_THAT(svg, HasSubstr("<svg"));
  EXPECT_THAT(svg, HasSubstr("SNS topic"));
  EXPECT_THAT(svg, HasSubstr("stack Mail"));
}

TEST_F(GraphFormat, PngGoesToStandardOutputWithoutOut) {
  if (!have_dot()) GTEST_SKIP() << "Graphviz dot is not on PATH (tools/setup installs it)";
  auto r = run(app, {"graph", "--format", "png"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("\x89PNG\r\n"));
}

TEST_F(GraphFormat, WithoutDotOnPathSvgIsOneClearErrorAndNoFile) {
  cdktest::ScopedEnv path{"PATH", dir.path().c_str()};  // an empty directory
  const auto file = dir.path() / "app.svg";
  auto r = run(app, {"graph", "--format", "svg", "--out", file.string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("Graphviz dot was not found on PATH"));
  EXPECT_THAT(r.err, HasSubstr("install graphviz"));
  EXPECT_THAT(r.err, HasSubstr("--format dot"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(file));
  // DOT text needs no Graphviz.
  EXPECT_EQ(run(app, {"graph", "--format", "dot"}).code, 0);
}

TEST_F(GraphFormat, AnUnknownFormatOrViewIsRejected) {
  EXPECT_NE(run(app, {"graph", "--format", "pdf"}).code, 0);
  EXPECT_NE(run(app, {"graph", "--view", "network"}).code, 0);
}

}  // namespace
