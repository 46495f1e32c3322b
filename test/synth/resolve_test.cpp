// Resolution of values into one stack's template.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::HasSubstr;

class Resolve : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::CfnResource& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
};

TEST_F(Resolve, LogicalIdValueIsAPlainString) {
  EXPECT_EQ(cdktest::resolve(stack, cdk::Value::logical_id(topic)), Json("Topic"));
}

TEST_F(Resolve, NullValuesAreLeftOutOfMapsAndLists) {
  cdk::Value maybe;  // e.g. an optional description the user did not give
  auto v = cdk::Value::map({{"Name", "n"}, {"Description", maybe},
                            {"Items", cdk::Value::list({1, maybe, 2})}, {"Nested", cdk::Value::map({{"X", maybe}})}});
  EXPECT_EQ(cdktest::resolve(stack, v), Json::parse(R"({"Name": "n", "Items": [1, 2], "Nested": {}})"));
  topic.set_property("DisplayName", maybe);
  topic.set_property("TopicName", "t");
  auto t = cdktest::synth_template(app, "Stack");
  EXPECT_EQ(t["Resources"]["Topic"]["Properties"], Json::parse(R"({"TopicName": "t"})"));
}

TEST_F(Resolve, RefOfAnOutputOrConditionIsAnErrorNamingIt) {
  auto& out = stack.add<cdk::CfnOutput>("Out", cdk::CfnOutputProps{.value = "x"});
  auto& cond = stack.add<cdk::CfnCondition>("C", cdk::CfnConditionProps{.expression = cdk::Fn::condition_equals("a", "a")});
  stack.add<cdk::CfnResource>("Q", "AWS::SQS::Queue",
                              cdk::Value::map({{"A", out.ref()}, {"B", cond.ref()}}));
  auto text = cdktest::synth_error_text(app);
  EXPECT_THAT(text, HasSubstr("error: Stack/Q: Ref of \"Stack/Out\", which is not a resource or parameter"));
  EXPECT_THAT(text, HasSubstr("error: Stack/Q: Ref of \"Stack/C\", which is not a resource or parameter"));
}

TEST_F(Resolve, GetAttOfAParameterIsAnError) {
  auto& p = stack.add<cdk::CfnParameter>("P");
  topic.set_property("X", cdk::Value::get_att(p, "Value"));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Stack/Topic: Fn::GetAtt of \"Stack/P\", which is not a resource"));
}

TEST_F(Resolve, ErrorsInAnOutputNameTheOutput) {
  cdk::App other;
  auto& foreign = other.add<cdk::Stack>("Else").add<cdk::CfnResource>("R", "AWS::SNS::Topic");
  stack.add<cdk::CfnOutput>("Leak", cdk::CfnOutputProps{.value = foreign.ref()});
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Stack/Leak: refers to \"Else/R\", which belongs to another app"));
}

TEST_F(Resolve, ResolvingIntoAnotherStackWithoutExportsIsAnError) {
  auto& other = app.add<cdk::Stack>("Other");
  cdk::detail::LogicalIds ids{{&topic, "Topic"}};
  std::vector<cdk::Diagnostic> errors;
  cdk::detail::Resolver resolver(other, ids, nullptr, "Other/X", errors);
  EXPECT_EQ(resolver(topic.ref()), Json(nullptr));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "Other/X");
  EXPECT_THAT(errors[0].message, HasSubstr("Stack/Topic"));
}

}  // namespace
