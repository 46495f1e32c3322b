// StackProps::auto_split: a stack past CloudFormation's 500 resources moves
// whole constructs from its end into nested stacks, with their logical ids.
#include "core/test_util.hpp"
#include "support/lint.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace {

using cdktest::Json;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A construct of `n` queues, each named after the one before it (a chain of references inside it).
cdk::Construct& group(cdk::Construct& scope, const std::string& id, int n, const cdk::Value& tag = {}) {
  auto& g = scope.add<cdk::Construct>(id);
  cdk::CfnResource* prev = nullptr;
  for (int i = 0; i < n; ++i) {
    cdk::Value::Map props;
    if (prev != nullptr) props.emplace_back("QueueName", cdk::Value(prev->get_att("QueueName")) + "-next");
    if (!tag.is_null() && i == 0) props.emplace_back("Tags", cdk::Value::list({cdk::Value::map({{"Key", "t"}, {"Value", tag}})}));
    prev = &g.add<cdk::CfnResource>("Q" + std::to_string(i), "AWS::SQS::Queue", cdk::Value(std::move(props)));
  }
  return g;
}

std::set<std::string> resource_ids(const Json& t) {
  std::set<std::string> out;
  if (t.contains("Resources"))
    for (const auto& [id, r] : t["Resources"].items()) out.insert(id);
  return out;
}

const cdk::detail::StackArtifact* artifact(const cdk::detail::Assembly& a, const std::string& path) {
  for (const auto& x : a.stacks)
    if (x.stack->node().path() == path) return &x;
  return nullptr;
}

class AutoSplit : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& big = app.add<cdk::Stack>("Big", {.auto_split = true});

  cdk::CfnResource& queue(const std::string& group) const {
    return dynamic_cast<cdk::CfnResource&>(big.node().find_child(group).node().find_child("Q0"));
  }

  std::set<std::string> expected_ids() const {
    std::set<std::string> ids;
    for (auto* c : big.node().find_all())
      if (auto* r = dynamic_cast<cdk::CfnResource*>(c)) ids.insert(r->logical_id());
    return ids;
  }
};

TEST_F(AutoSplit, MovesGroupsFromTheEndIntoANestedStackKeepingEveryLogicalId) {
  for (int i = 0; i < 60; ++i) group(big, "G" + std::to_string(i), 10);
  const auto before = expected_ids();
  auto a = cdk::detail::synthesize(app, {});
  const auto* parent = artifact(a, "Big");
  const auto* nested = artifact(a, "Big/AutoSplit1");
  ASSERT_NE(parent, nullptr);
  ASSERT_NE(nested, nullptr);
  auto kept = resource_ids(parent->template_json);
  auto moved = resource_ids(nested->template_json);
  EXPECT_LE(kept.size(), 500u);
  EXPECT_EQ(moved.size(), 110u);  // 600 - 490, in whole groups of 10
  EXPECT_EQ(kept.size(), 491u);  // 490 and the nested stack's resource
  kept.erase(dynamic_cast<cdk::NestedStack&>(big.node().find_child("AutoSplit1")).nested_stack_resource().logical_id());
  std::set<std::string> all = kept;
  all.insert(moved.begin(), moved.end());
  EXPECT_EQ(all, before);
  EXPECT_EQ(kept.size() + moved.size(), 600u);
  // The last groups moved, the first stayed; the constructs keep their paths.
  EXPECT_TRUE(moved.contains(queue("G59").logical_id()));
  EXPECT_TRUE(moved.contains(queue("G50").logical_id()));
  EXPECT_TRUE(kept.contains(queue("G48").logical_id()));
  EXPECT_EQ(queue("G59").node().path(), "Big/G59/Q0");
  EXPECT_EQ(nested->template_json["Resources"][queue("G59").logical_id()]["Metadata"]["aws:cdk:path"], "Big/G59/Q0");
}

TEST_F(AutoSplit, SaysWhatMovedWhere) {
  for (int i = 0; i < 52; ++i) group(big, "G" + std::to_string(i), 10);
  auto a = cdk::detail::synthesize(app, {});
  std::string text;
  for (const auto& d : a.diagnostics) text += d.to_string() + "\n";
  EXPECT_THAT(text, HasSubstr("Big: 520 resources, over CloudFormation's 500: auto split moved 30 into nested stacks: "
                              "AutoSplit1 (30 resources: G49, G50, G51)"));
}

TEST_F(AutoSplit, GrowingAtTheEndLeavesWhatMovedWhereItWas) {
  for (int i = 0; i < 60; ++i) group(big, "G" + std::to_string(i), 10);
  auto first = cdk::detail::synthesize(app, {});
  const auto kept = resource_ids(artifact(first, "Big")->template_json);
  const auto moved = resource_ids(artifact(first, "Big/AutoSplit1")->template_json);

  cdk::App app2;
  auto& big2 = app2.add<cdk::Stack>("Big", {.auto_split = true});
  for (int i = 0; i < 100; ++i) group(big2, "G" + std::to_string(i), 10);
  auto second = cdk::detail::synthesize(app2, {});
  EXPECT_EQ(resource_ids(artifact(second, "Big")->template_json).size(), kept.size() + 1);  // and AutoSplit2's resource
  const auto moved_now = resource_ids(artifact(second, "Big/AutoSplit1")->template_json);
  EXPECT_TRUE(std::includes(moved_now.begin(), moved_now.end(), moved.begin(), moved.end()));
  EXPECT_EQ(moved_now.size(), 490u);
  EXPECT_EQ(resource_ids(artifact(second, "Big/AutoSplit2")->template_json).size(), 20u);
}

TEST_F(AutoSplit, AGroupUsedByOneThatStaysStaysAndValuesGoDownAsParameters) {
  auto& base = big.add<cdk::CfnResource>("Key", "AWS::KMS::Key");
  for (int i = 0; i < 55; ++i) group(big, "G" + std::to_string(i), 10, i >= 50 ? base.ref() : cdk::Value());
  // G54's first queue is used by an output of the stack: G54 cannot move, the ones before it can.
  auto& g54 = dynamic_cast<cdk::CfnResource&>(big.node().find_child("G54").node().find_child("Q0"));
  big.add<cdk::CfnOutput>("Last", cdk::CfnOutputProps{.value = g54.ref()});
  auto a = cdk::detail::synthesize(app, {});
  auto& split = big.node().find_child("AutoSplit1");
  const Json& t = artifact(a, "Big/AutoSplit1")->template_json;
  ASSERT_EQ(t["Parameters"].size(), 1u);
  const std::string param = t["Parameters"].begin().key();
  EXPECT_THAT(param, StartsWith("referencetoBigKey"));
  EXPECT_THAT(param, EndsWith("Ref"));
  EXPECT_EQ(t["Resources"][queue("G50").logical_id()]["Properties"]["Tags"][0]["Value"],
            Json::parse(R"({"Ref": ")" + param + R"("})"));
  EXPECT_FALSE(t["Resources"].contains(queue("G46").logical_id()));
  EXPECT_TRUE(t["Resources"].contains(queue("G47").logical_id()));
  EXPECT_FALSE(t["Resources"].contains(queue("G54").logical_id()));
  cdk::testing::keep_for_lint(big);
  cdk::testing::keep_for_lint(dynamic_cast<cdk::Stack&>(split));
}

TEST_F(AutoSplit, OffByDefaultAStackPastTheLimitIsAnError) {
  auto& plain = app.add<cdk::Stack>("Plain");
  for (int i = 0; i < 51; ++i) group(plain, "G" + std::to_string(i), 10);
  big.add<cdk::CfnResource>("One", "AWS::SQS::Queue");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("template has 510 Resources, over CloudFormation's limit of 500"));
}

TEST_F(AutoSplit, WithinTheLimitNothingMoves) {
  for (int i = 0; i < 50; ++i) group(big, "G" + std::to_string(i), 10);
  auto a = cdk::detail::synthesize(app, {});
  EXPECT_EQ(a.stacks.size(), 1u);
  EXPECT_EQ(big.node().try_find_child("AutoSplit1"), nullptr);
}

}  // namespace
