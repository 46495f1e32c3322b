// Logical ids must equal aws-cdk-lib's, so a ported app keeps its resources.
#include "core/test_util.hpp"
#include "core/logical_id.hpp"
#include "synth/synthesizer.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

struct Vector {
  std::vector<std::string> path;
  std::string logical_id;
};

std::vector<Vector> load_vectors() {
  std::ifstream f(std::string(CDKPP_SOURCE_DIR) + "/test/data/logical_id_vectors.json");
  auto doc = nlohmann::json::parse(f);
  std::vector<Vector> out;
  for (const auto& v : doc) out.push_back({v.at("path").get<std::vector<std::string>>(), v.at("logical_id")});
  return out;
}

std::vector<std::string_view> views(const std::vector<std::string>& parts) {
  return {parts.begin(), parts.end()};
}

TEST(LogicalId, MatchesEveryVectorGeneratedFromAwsCdkLib) {
  const auto vectors = load_vectors();
  ASSERT_EQ(vectors.size(), 70u);
  for (const auto& v : vectors) {
    std::string joined;
    for (const auto& p : v.path) joined += (joined.empty() ? "" : "/") + p;
    EXPECT_EQ(cdk::detail::make_logical_id(views(v.path)), v.logical_id) << "path: " << joined;
  }
}

TEST(LogicalId, ResourceAtAVectorsPathInAStackGetsThatLogicalId) {
  std::size_t checked = 0;
  for (const auto& v : load_vectors()) {
    // Vectors whose components cannot be construct ids (empty, '/') or that
    // drop every component are covered by the direct test only.
    bool usable = true;
    for (const auto& p : v.path) usable = usable && !p.empty() && p.find('/') == std::string::npos;
    if (!usable) continue;
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Stack");
    cdk::Construct* scope = &stack;
    for (std::size_t i = 0; i + 1 < v.path.size(); ++i) scope = &scope->add<cdk::Construct>(v.path[i]);
    auto& r = scope->add<cdk::CfnResource>(v.path.back(), "AWS::SNS::Topic");
    std::string id;
    try {
      id = r.logical_id();
    } catch (const cdk::Error&) {
      continue;  // every component "Default": checked by the direct test
    }
    EXPECT_EQ(id, v.logical_id) << r.node().path();
    ++checked;
  }
  EXPECT_GE(checked, 65u);  // all but the few paths that cannot be construct ids
}

TEST(LogicalId, ExamplesFromTheFoundationIssue) {
  EXPECT_EQ(cdk::detail::make_logical_id({"Vpc", "Resource"}), "Vpc8378EB38");
  EXPECT_EQ(cdk::detail::make_logical_id({"Vpc", "PublicSubnet1", "Subnet"}), "VpcPublicSubnet1Subnet5C2D37C4");
}

TEST(LogicalId, DropsDefaultFromReadablePartAndHash) {
  EXPECT_EQ(cdk::detail::make_logical_id({"Vpc", "Default", "Resource"}),
            cdk::detail::make_logical_id({"Vpc", "Resource"}));
  EXPECT_EQ(cdk::detail::make_logical_id({"Default", "Bucket"}), "Bucket");
}

TEST(LogicalId, RejectsAPathOfOnlyDefault) {
  EXPECT_THROW((void)cdk::detail::make_logical_id({"Default"}), cdk::Error);
  EXPECT_THROW((void)cdk::detail::make_logical_id({}), cdk::Error);
}

TEST(LogicalId, Md5PrefixIsUppercaseHex) {
  // md5("") = d41d8cd98f00b204e9800998ecf8427e
  EXPECT_EQ(cdk::detail::md5_hex_prefix("", 8), "D41D8CD9");
  EXPECT_EQ(cdk::detail::md5_hex_prefix("", 32), "D41D8CD98F00B204E9800998ECF8427E");
  EXPECT_EQ(cdk::detail::md5_hex_prefix("", 3), "D41");
}

TEST(LogicalId, OverrideReplacesTheComputedId) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& group = stack.add<cdk::Construct>("Group");
  auto& r = group.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  EXPECT_EQ(r.logical_id(), cdk::detail::make_logical_id({"Group", "Topic"}));
  r.override_logical_id("LegacyTopic");
  EXPECT_EQ(r.logical_id(), "LegacyTopic");
  auto assembly = cdk::detail::synthesize(app, {});
  const auto& resources = assembly.stacks.at(0).template_json.at("Resources");
  EXPECT_TRUE(resources.contains("LegacyTopic"));
  EXPECT_EQ(resources.size(), 1u);
}

TEST(LogicalId, OverrideRejectsNonAlphanumericEmptyAndTooLongIds) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& r = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  for (const std::string bad : {std::string("my-topic"), std::string(""), std::string(256, 'a'), std::string("a b")}) {
    try {
      r.override_logical_id(bad);
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const cdk::Error& e) {
      EXPECT_EQ(e.path(), "Stack/Topic");
    }
  }
  EXPECT_FALSE(r.logical_id_override().has_value());
  r.override_logical_id(std::string(255, 'a'));
  EXPECT_EQ(r.logical_id().size(), 255u);
}

TEST(LogicalId, TwoElementsWithTheSameLogicalIdFailSynthesisNamingBoth) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  // "A-B" and "AB" both become "AB" (single components keep no hash).
  stack.add<cdk::CfnResource>("A-B", "AWS::SNS::Topic");
  stack.add<cdk::CfnResource>("AB", "AWS::SNS::Topic");
  try {
    (void)cdk::detail::synthesize(app, {});
    FAIL() << "synthesis succeeded";
  } catch (const cdk::SynthError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_THAT(e.what(), AllOf(HasSubstr("Stack/A-B"), HasSubstr("Stack/AB"), HasSubstr("\"AB\"")));
  }
}

TEST(LogicalId, OverrideCollidingWithAComputedIdFailsSynthesis) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic").override_logical_id("Queue");
  try {
    (void)cdk::detail::synthesize(app, {});
    FAIL() << "synthesis succeeded";
  } catch (const cdk::SynthError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("Stack/Queue"), HasSubstr("Stack/Topic")));
  }
}

TEST(LogicalId, AnElementNamedDefaultDirectlyInAStackFailsSynthesisNamingIt) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  stack.add<cdk::CfnResource>("Default", "AWS::SQS::Queue");
  auto errors = cdktest::synth_errors(app);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "Stack/Default");
}

TEST(LogicalId, SameLogicalIdInTwoStacksIsFine) {
  cdk::App app;
  app.add<cdk::Stack>("One").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  app.add<cdk::Stack>("Two").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto assembly = cdk::detail::synthesize(app, {});
  ASSERT_EQ(assembly.stacks.size(), 2u);
  for (const auto& s : assembly.stacks) EXPECT_TRUE(s.template_json.at("Resources").contains("Topic"));
}

}  // namespace
