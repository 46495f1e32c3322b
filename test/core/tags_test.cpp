// Tags: inherited by taggable resources, in each type's format.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;

class TagsTest : public ::testing::Test {
 protected:
  Json resources() { return cdktest::synth_template(app, "Stack")["Resources"]; }
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.tags = {{"team", "infra"}}});
};

TEST_F(TagsTest, StackTagsReachEveryTaggableResourceInItsFormat) {
  stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  stack.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter", cdk::Value{}, cdk::TagFormat::Map);
  stack.add<cdk::CfnResource>("Group", "AWS::AutoScaling::AutoScalingGroup", cdk::Value{},
                              cdk::TagFormat::AutoScalingGroup);
  stack.add<cdk::CfnResource>("Sub", "AWS::SNS::Subscription");  // not taggable
  auto r = resources();
  EXPECT_EQ(r["Bucket"]["Properties"]["Tags"], Json::parse(R"([{"Key": "team", "Value": "infra"}])"));
  EXPECT_EQ(r["Param"]["Properties"]["Tags"], Json::parse(R"({"team": "infra"})"));
  EXPECT_EQ(r["Group"]["Properties"]["Tags"],
            Json::parse(R"([{"Key": "team", "Value": "infra", "PropagateAtLaunch": true}])"));
  EXPECT_FALSE(r["Sub"].contains("Properties"));
}

TEST_F(TagsTest, TagsAreSortedByKeyAndWrittenToTheTypesTagProperty) {
  auto& b = stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  stack.add<cdk::CfnResource>("Table", "AWS::Custom::Thing", cdk::Value{}, cdk::TagFormat::Map, "Labels");
  cdk::Tags::of(b).add("app", "web");
  auto r = resources();
  EXPECT_EQ(r["Bucket"]["Properties"]["Tags"],
            Json::parse(R"([{"Key": "app", "Value": "web"}, {"Key": "team", "Value": "infra"}])"));
  EXPECT_EQ(r["Table"]["Properties"]["Labels"], Json::parse(R"({"team": "infra"})"));
}

TEST_F(TagsTest, TagsAddedAfterTheResourceStillApply) {
  auto& group = stack.add<cdk::Construct>("Group");
  group.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  cdk::Tags::of(group).add("tier", "data");
  const auto id = cdk::detail::make_logical_id({"Group", "Bucket"});
  EXPECT_EQ(resources()[id]["Properties"]["Tags"],
            Json::parse(R"([{"Key": "team", "Value": "infra"}, {"Key": "tier", "Value": "data"}])"));
}

TEST_F(TagsTest, IncludeAndExcludeResourceTypes) {
  stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Value{}, cdk::TagFormat::Standard);
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic", cdk::Value{}, cdk::TagFormat::Standard);
  cdk::Tags::of(stack).add("only-bucket", "1", {.include_resource_types = {"AWS::S3::Bucket"}});
  cdk::Tags::of(stack).add("not-queue", "1", {.exclude_resource_types = {"AWS::SQS::Queue"}});
  auto keys = [](const Json& tags) {
    std::vector<std::string> out;
    for (const auto& t : tags) out.push_back(t["Key"]);
    return out;
  };
  auto r = resources();
  EXPECT_THAT(keys(r["Bucket"]["Properties"]["Tags"]), ::testing::ElementsAre("not-queue", "only-bucket", "team"));
  EXPECT_THAT(keys(r["Queue"]["Properties"]["Tags"]), ::testing::ElementsAre("team"));
  EXPECT_THAT(keys(r["Topic"]["Properties"]["Tags"]), ::testing::ElementsAre("not-queue", "team"));
}

TEST_F(TagsTest, HigherPriorityWinsAndEqualPriorityNearerScopeWins) {
  auto& group = stack.add<cdk::Construct>("Group");
  auto& b = group.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  cdk::Tags::of(stack).add("owner", "stack-high", {.priority = 200});
  cdk::Tags::of(group).add("owner", "group-low", {.priority = 50});
  cdk::Tags::of(stack).add("env", "stack");
  cdk::Tags::of(b).add("env", "resource");
  auto tags = resources()[b.logical_id()]["Properties"]["Tags"];
  EXPECT_EQ(tags, Json::parse(R"([{"Key": "env", "Value": "resource"}, {"Key": "owner", "Value": "stack-high"},
                                  {"Key": "team", "Value": "infra"}])"));
}

TEST_F(TagsTest, RemoveTakesATagAwayBelowItsScope) {
  auto& keep = stack.add<cdk::CfnResource>("Keep", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  auto& drop = stack.add<cdk::CfnResource>("Drop", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  cdk::Tags::of(drop).remove("team");
  auto r = resources();
  EXPECT_EQ(r[keep.logical_id()]["Properties"]["Tags"], Json::parse(R"([{"Key": "team", "Value": "infra"}])"));
  EXPECT_FALSE(r[drop.logical_id()].contains("Properties"));
}

TEST_F(TagsTest, RemoveWithLowerPriorityDoesNotRemove) {
  auto& b = stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  cdk::Tags::of(b).remove("team", {.priority = 10});
  EXPECT_EQ(resources()["Bucket"]["Properties"]["Tags"], Json::parse(R"([{"Key": "team", "Value": "infra"}])"));
}

TEST_F(TagsTest, TagsGivenInPropertiesWinAndAreMerged) {
  stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket",
                              cdk::Value::map({{"Tags", cdk::Value::list({
                                  cdk::Value::map({{"Key", "team"}, {"Value", "own"}}),
                                  cdk::Value::map({{"Key", "extra"}, {"Value", "e"}})})}}),
                              cdk::TagFormat::Standard);
  stack.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter",
                              cdk::Value::map({{"Tags", cdk::Value::map({{"team", "own"}})}}), cdk::TagFormat::Map);
  auto r = resources();
  EXPECT_EQ(r["Bucket"]["Properties"]["Tags"],
            Json::parse(R"([{"Key": "extra", "Value": "e"}, {"Key": "team", "Value": "own"}])"));
  EXPECT_EQ(r["Param"]["Properties"]["Tags"], Json::parse(R"({"team": "own"})"));
}

TEST_F(TagsTest, AutoScalingGroupTagsCanSkipLaunchedInstances) {
  stack.add<cdk::CfnResource>("Group", "AWS::AutoScaling::AutoScalingGroup", cdk::Value{},
                              cdk::TagFormat::AutoScalingGroup);
  cdk::Tags::of(stack).add("billing", "b", {.apply_to_launched_instances = false});
  EXPECT_EQ(resources()["Group"]["Properties"]["Tags"], Json::parse(R"([
      {"Key": "billing", "Value": "b", "PropagateAtLaunch": false},
      {"Key": "team", "Value": "infra", "PropagateAtLaunch": true}])"));
}

TEST_F(TagsTest, StackTagsAreWrittenToTheManifest) {
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto m = cdk::detail::synthesize(app, {}).manifest;
  EXPECT_EQ(m["artifacts"]["Stack"]["properties"]["tags"], Json::parse(R"({"team": "infra"})"));
}

TEST_F(TagsTest, TagsOnTheStackOrAboveAreTheStacksTagsInTheManifest) {
  // aws-cdk-lib 2.x: {"appWide":"3","fromProps":"1","viaTags":"2"} for the same app.
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  cdk::Tags::of(stack).add("viaTags", "2");
  cdk::Tags::of(app).add("appWide", "3");
  cdk::Tags::of(app).add("bucketsOnly", "4", {.include_resource_types = {"AWS::S3::Bucket"}});
  cdk::Tags::of(stack).add("owner", "x");
  cdk::Tags::of(stack).remove("owner");
  EXPECT_EQ(stack.tags(), (std::map<std::string, std::string>{{"team", "infra"}}));  // before synthesis
  auto m = cdk::detail::synthesize(app, {}).manifest;
  EXPECT_EQ(m["artifacts"]["Stack"]["properties"]["tags"],
            Json::parse(R"({"appWide": "3", "team": "infra", "viaTags": "2"})"));
}

TEST_F(TagsTest, SynthesizingTwiceGivesTheSameTags) {
  stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  auto first = resources();
  EXPECT_EQ(resources(), first);
}

TEST(TagManager, PriorityRulesAndRendering) {
  cdk::TagManager m(cdk::TagFormat::Standard, "Tags");
  EXPECT_TRUE(m.taggable());
  EXPECT_FALSE(m.has_tags());
  m.set_tag("a", "1", 100);
  m.set_tag("a", "2", 50);   // lower priority: ignored
  EXPECT_EQ(m.tag_values().at("a"), "1");
  m.set_tag("a", "3", 100);  // same priority: later wins
  EXPECT_EQ(m.tag_values().at("a"), "3");
  m.remove_tag("a", 10);     // lower priority: ignored
  EXPECT_TRUE(m.has_tags());
  m.remove_tag("a", 100);
  EXPECT_FALSE(m.has_tags());
  EXPECT_TRUE(m.tag_values().empty());
  EXPECT_TRUE(m.render({}).is_null());
  cdk::TagManager none;
  EXPECT_FALSE(none.taggable());
}

}  // namespace

namespace {

// AWS's tag limits are checked when the tag is added, naming the scope.
TEST(TagLimits, KeysOf1To128AndValuesUpTo256CharactersWithoutTheAwsPrefix) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& bucket = stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket", cdk::Value{}, cdk::TagFormat::Standard);
  cdk::Tags::of(bucket).add(std::string(128, 'k'), std::string(256, 'v'));
  cdk::Tags::of(bucket).add("café", std::string(254, 'v') + "é");  // characters, not bytes
  auto error_of = [&](const std::string& key, const std::string& value) -> std::string {
    try {
      cdk::Tags::of(bucket).add(key, value);
    } catch (const cdk::Error& e) {
      EXPECT_EQ(e.path(), "Stack/Bucket");
      return e.what();
    }
    return "no error";
  };
  EXPECT_THAT(error_of(std::string(129, 'k'), "v"), ::testing::HasSubstr("129 characters; AWS takes 1 to 128"));
  EXPECT_THAT(error_of("", "v"), ::testing::HasSubstr("AWS takes 1 to 128"));
  EXPECT_THAT(error_of("k", std::string(257, 'v')), ::testing::HasSubstr("257 characters; AWS takes at most 256"));
  EXPECT_THAT(error_of("AWS:cloudformation:stack-name", "v"), ::testing::HasSubstr("prefix aws:"));
}

TEST(TagLimits, AStackTagOverTheLimitIsAnErrorNamingTheStack) {
  cdk::App app;
  try {
    app.add<cdk::Stack>("Stack", cdk::StackProps{.tags = {{"aws:team", "infra"}}});
    FAIL() << "expected cdk::Error";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack");
  }
}

}  // namespace
