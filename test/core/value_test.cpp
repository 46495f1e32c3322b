// cdk::Value: literals, tokens, concatenation, equality, conversions.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using Kind = cdk::Value::Kind;

class ValueTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::CfnResource& bucket = stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cdk::CfnResource& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
};

TEST(Value, LiteralsKeepTheirKindAndValue) {
  EXPECT_EQ(cdk::Value().kind(), Kind::Null);
  EXPECT_TRUE(cdk::Value(nullptr).is_null());
  EXPECT_EQ(cdk::Value(true).kind(), Kind::Bool);
  EXPECT_TRUE(cdk::Value(true).as_bool());
  EXPECT_EQ(cdk::Value(42).kind(), Kind::Int);
  EXPECT_EQ(cdk::Value(42).as_int(), 42);
  EXPECT_EQ(cdk::Value(std::int64_t{1} << 40).as_int(), std::int64_t{1} << 40);
  EXPECT_EQ(cdk::Value(2.5).kind(), Kind::Double);
  EXPECT_DOUBLE_EQ(cdk::Value(2.5).as_double(), 2.5);
  EXPECT_EQ(cdk::Value("text").as_string(), "text");
  EXPECT_EQ(cdk::Value(std::string("s")).as_string(), "s");
  EXPECT_EQ(cdk::Value(std::string_view("v")).as_string(), "v");
}

TEST(Value, WholeDoublesBecomeIntegersSoTemplatesShow80Not80Point0) {
  EXPECT_EQ(cdk::Value(80.0).kind(), Kind::Int);
  EXPECT_EQ(cdk::Value(80.0).as_int(), 80);
  EXPECT_DOUBLE_EQ(cdk::Value(80).as_double(), 80.0);
}

TEST(Value, ReadingTheWrongKindThrows) {
  EXPECT_THROW((void)cdk::Value("x").as_int(), cdk::Error);
  EXPECT_THROW((void)cdk::Value(1).as_string(), cdk::Error);
  EXPECT_THROW((void)cdk::Value(1).as_list(), cdk::Error);
  EXPECT_THROW((void)cdk::Value(true).as_map(), cdk::Error);
  // Null reads as an empty list/map (an absent property).
  EXPECT_TRUE(cdk::Value().as_list().empty());
  EXPECT_TRUE(cdk::Value().as_map().empty());
}

TEST(Value, ListsAndMapsFromStandardContainers) {
  cdk::Value list = std::vector<std::string>{"a", "b"};
  ASSERT_EQ(list.kind(), Kind::List);
  EXPECT_EQ(list, cdk::Value::list({"a", "b"}));
  cdk::Value map = std::map<std::string, int>{{"b", 2}, {"a", 1}};
  ASSERT_EQ(map.kind(), Kind::Map);
  ASSERT_EQ(map.as_map().size(), 2u);
  EXPECT_EQ(map.as_map()[0].first, "a");  // std::map order
  EXPECT_EQ(map.find("b")->as_int(), 2);
  EXPECT_EQ(map.find("c"), nullptr);
  cdk::Value nested = std::vector<std::vector<int>>{{1, 2}, {3}};
  EXPECT_EQ(nested.as_list()[0].as_list()[1].as_int(), 2);
}

TEST(Value, MapKeepsInsertionOrder) {
  auto m = cdk::Value::map({{"Zeta", 1}, {"Alpha", 2}});
  EXPECT_EQ(m.as_map()[0].first, "Zeta");
  EXPECT_EQ(m.as_map()[1].first, "Alpha");
}

TEST_F(ValueTest, RefsAndGetAttsAreTokensThatCarryTheirTarget) {
  auto ref = bucket.ref();
  EXPECT_EQ(ref.kind(), Kind::Ref);
  EXPECT_TRUE(ref.is_token());
  EXPECT_FALSE(ref.is_literal());
  EXPECT_EQ(ref.target(), &bucket);
  auto arn = bucket.get_att("Arn");
  EXPECT_EQ(arn.kind(), Kind::GetAtt);
  EXPECT_EQ(arn.name(), "Arn");
  EXPECT_EQ(arn.target(), &bucket);
  auto region = cdk::Aws::region();
  EXPECT_TRUE(region.is_token());
  EXPECT_EQ(region.target(), nullptr);
  EXPECT_EQ(region.name(), "AWS::Region");
}

TEST_F(ValueTest, ContainersOfTokensAreNeitherLiteralNorTokens) {
  auto list = cdk::Value::list({"a", bucket.ref()});
  EXPECT_FALSE(list.is_literal());
  EXPECT_FALSE(list.is_token());
  auto map = cdk::Value::map({{"k", cdk::Value::list({topic.get_att("TopicName")})}});
  EXPECT_FALSE(map.is_literal());
  EXPECT_TRUE(cdk::Value::map({{"k", cdk::Value::list({1, "x"})}}).is_literal());
  EXPECT_TRUE(cdk::Value("x").is_literal());
  EXPECT_FALSE(cdk::Value("x").is_token());
}

TEST_F(ValueTest, ForEachTargetFindsReferencesAtAnyDepth) {
  auto v = cdk::Value::map({{"a", cdk::Value::list({bucket.ref(), "x"})},
                            {"b", cdk::Fn::select(0, cdk::Fn::split(",", topic.get_att("Names")))}});
  std::vector<const cdk::CfnElement*> found;
  v.for_each_target([&](const cdk::CfnElement& e) { found.push_back(&e); });
  EXPECT_THAT(found, ::testing::ElementsAre(&bucket, &topic));
}

TEST_F(ValueTest, ConcatenationWithATokenBecomesAJoinWithMergedLiterals) {
  cdk::Value v = "arn:" + bucket.ref() + "/" + "*";
  ASSERT_EQ(v.kind(), Kind::Intrinsic);
  EXPECT_EQ(v.name(), "Fn::Join");
  EXPECT_EQ(cdktest::resolve(stack, v), Json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "Bucket"}, "/*"]]})"));
}

TEST_F(ValueTest, ConcatenationFlattensNestedJoins) {
  cdk::Value left = "a" + bucket.ref();
  cdk::Value right = topic.ref() + "b";
  cdk::Value v = "x" + (left + "-" + right) + "y";
  EXPECT_EQ(cdktest::resolve(stack, v),
            Json::parse(R"({"Fn::Join": ["", ["xa", {"Ref": "Bucket"}, "-", {"Ref": "Topic"}, "by"]]})"));
}

TEST_F(ValueTest, ConcatenationDropsEmptyStringsAndKeepsAdjacentTokens) {
  cdk::Value v = "" + bucket.ref() + "" + topic.ref();
  EXPECT_EQ(cdktest::resolve(stack, v),
            Json::parse(R"({"Fn::Join": ["", [{"Ref": "Bucket"}, {"Ref": "Topic"}]]})"));
}

TEST_F(ValueTest, ConcatenationOfLiteralsIsALiteral) {
  cdk::Value v = cdk::Value("hello-") + "dev" + std::string("-x");
  ASSERT_EQ(v.kind(), Kind::String);
  EXPECT_EQ(v.as_string(), "hello-dev-x");
  EXPECT_EQ((cdk::Value("") + "").as_string(), "");
}

TEST_F(ValueTest, NumbersAndBooleansConcatenateAsText) {
  cdk::Value port = 80;
  EXPECT_EQ(("port-" + port).as_string(), "port-80");
  EXPECT_EQ((cdk::Value(2.5) + "x").as_string(), "2.5x");
  EXPECT_EQ((cdk::Value(true) + "/" + cdk::Value(false)).as_string(), "true/false");
  EXPECT_EQ((cdk::Value() + "a" + cdk::Value()).as_string(), "a");
  EXPECT_EQ(cdk::Value() + bucket.ref(), bucket.ref());  // no one-part Fn::Join
  EXPECT_EQ("" + bucket.get_att("Arn"), bucket.get_att("Arn"));
  EXPECT_EQ(cdktest::resolve(stack, "http://" + bucket.get_att("DomainName") + ":" + port),
            Json::parse(R"({"Fn::Join": ["", ["http://", {"Fn::GetAtt": ["Bucket", "DomainName"]}, ":80"]]})"));
}

TEST_F(ValueTest, AJoinWithADelimiterIsNotFlattened) {
  cdk::Value joined = cdk::Fn::join(",", {"a", bucket.ref()});
  cdk::Value v = "x" + joined;
  EXPECT_EQ(cdktest::resolve(stack, v),
            Json::parse(R"({"Fn::Join": ["", ["x", {"Fn::Join": [",", ["a", {"Ref": "Bucket"}]]}]]})"));
}

TEST_F(ValueTest, EqualityComparesStructureAndTargets) {
  EXPECT_EQ(cdk::Value(1), cdk::Value(1.0));
  EXPECT_NE(cdk::Value(1), cdk::Value(1.5));
  EXPECT_NE(cdk::Value(1), cdk::Value("1"));
  EXPECT_EQ(cdk::Value(), cdk::Value(nullptr));
  EXPECT_NE(cdk::Value(), cdk::Value(false));
  EXPECT_EQ(cdk::Value::list({1, "a"}), cdk::Value::list({1, "a"}));
  EXPECT_NE(cdk::Value::list({1, "a"}), cdk::Value::list({"a", 1}));
  EXPECT_EQ(cdk::Value::map({{"a", 1}}), cdk::Value::map({{"a", 1}}));
  EXPECT_NE(cdk::Value::map({{"a", 1}}), cdk::Value::map({{"a", 2}}));
  EXPECT_EQ(bucket.ref(), bucket.ref());
  EXPECT_NE(bucket.ref(), topic.ref());
  EXPECT_NE(bucket.ref(), bucket.get_att("Arn"));
  EXPECT_EQ(bucket.get_att("Arn"), bucket.get_att("Arn"));
  EXPECT_NE(bucket.get_att("Arn"), bucket.get_att("DomainName"));
  EXPECT_EQ(cdk::Aws::region(), cdk::Aws::region());
  EXPECT_NE(cdk::Aws::region(), cdk::Aws::account_id());
  EXPECT_EQ("a" + bucket.ref(), "a" + bucket.ref());
  EXPECT_NE("a" + bucket.ref(), "b" + bucket.ref());
}

TEST_F(ValueTest, ToStringShowsElementsByPath) {
  EXPECT_EQ(bucket.ref().to_string(), R"({"Ref":"Stack/Bucket"})");
  EXPECT_EQ(bucket.get_att("Arn").to_string(), R"({"Fn::GetAtt":["Stack/Bucket","Arn"]})");
  EXPECT_EQ(cdk::Value::map({{"a", cdk::Value::list({1, true, "q\""})}}).to_string(), R"({"a":[1,true,"q\""]})");
  EXPECT_EQ(cdk::Aws::region().to_string(), R"({"Ref":"AWS::Region"})");
}

TEST_F(ValueTest, LiteralsResolveToTheSameJson) {
  auto v = cdk::Value::map({{"s", "x"}, {"i", 3}, {"d", 0.5}, {"b", false}, {"l", cdk::Value::list({1, "2"})}});
  EXPECT_EQ(cdktest::resolve(stack, v), Json::parse(R"({"s": "x", "i": 3, "d": 0.5, "b": false, "l": [1, "2"]})"));
  EXPECT_EQ(cdktest::resolve(stack, cdk::Value()), Json(nullptr));
}

}  // namespace
