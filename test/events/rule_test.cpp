// events::Rule: construct ids and defaults as aws-cdk-lib's (Stack/Rule/Resource
// is Rule4C995B7F there too), event patterns, options and every error.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/events.hpp>
#include <cdk/sqs/sqs.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::Value;
using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::events::EventPattern;
using cdk::events::Rule;
using cdk::events::RuleProps;
using cdk::events::Schedule;
using cdk::testing::expect_error;
using namespace std::chrono_literals;

class RuleTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  void expect_refused(const std::string& id, RuleProps props, std::string_view text) {
    SCOPED_TRACE(id);
    expect_error([&] { stack.add<Rule>(id, std::move(props)); }, "Stack/" + id, text);
  }
};

TEST_F(RuleTest, AScheduledRuleIsEnabledWithNothingElseSet) {
  auto& rule = stack.add<Rule>("Rule", {.schedule = Schedule::rate(1h)});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(rule.cfn_rule()), "Rule4C995B7F");
  t.has_resource_properties("AWS::Events::Rule", Match::object_equals({
      {"ScheduleExpression", "rate(1 hour)"}, {"State", "ENABLED"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RuleTest, RendersTheEventPatternWithAwsKeyNames) {
  auto& rule = stack.add<Rule>("Pattern", {.event_pattern = {
      .source = {"aws.ec2"}, .detail_type = {"EC2 Instance State-change Notification"},
      .detail = Value::map({{"state", Value::list({"running", "stopped"})},
                            {"tags", Value::map({{"team", Value::list({Value::map({{"prefix", "infra"}})})}})}}),
      .account = {cdk::Aws::account_id()}, .region = {"eu-west-1"},
      .resources = {"arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_equals({
      {"State", "ENABLED"},
      {"EventPattern", Match::object_equals({
          {"source", Match::array_equals({"aws.ec2"})},
          {"detail-type", Match::array_equals({"EC2 Instance State-change Notification"})},
          {"account", Match::array_equals({ref_to("AWS::AccountId")})},
          {"region", Match::array_equals({"eu-west-1"})},
          {"resources", Match::array_equals({"arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0"})},
          {"detail", Match::exact(Value::map({{"state", Value::list({"running", "stopped"})},
                                             {"tags", Value::map({{"team", Value::list({Value::map({{"prefix", "infra"}})})}})}}))}})}}));
  // A fixed key order: source, detail-type, account, region, resources, detail.
  EXPECT_THAT(t.at("/Resources/" + t.logical_id(rule.cfn_rule()) + "/Properties/EventPattern"),
              ::testing::ContainsRegex("\"source\"[^$]*\"detail-type\"[^$]*\"account\"[^$]*\"detail\""));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RuleTest, TakesNameDescriptionStateAndEventBus) {
  stack.add<Rule>("Rule", {.event_pattern = {.source = {"com.example.orders"}}, .enabled = false,
                           .description = "Orders placed", .rule_name = "orders.placed-v2_rule",
                           .event_bus_name = "orders"});
  stack.add<Rule>("Both", {.schedule = Schedule::rate(5min), .event_pattern = {.source = {"aws.s3"}},
                           .event_bus_name = "default"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_equals({
      {"Description", "Orders placed"}, {"EventBusName", "orders"},
      {"EventPattern", Match::object_equals({{"source", Match::array_equals({"com.example.orders"})}})},
      {"Name", "orders.placed-v2_rule"}, {"State", "DISABLED"}}));
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({
      {"ScheduleExpression", "rate(5 minutes)"}, {"EventBusName", "default"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RuleTest, ExposesItsArnAndName) {
  auto& rule = stack.add<Rule>("Rule", {.schedule = Schedule::rate(1h)});
  stack.add<cdk::CfnOutput>("Arn", {.value = rule.rule_arn()});
  stack.add<cdk::CfnOutput>("Name", {.value = rule.rule_name()});
  auto t = Template::from_stack(stack);
  t.has_output("Arn", Match::object_like({{"Value", get_att("Rule4C995B7F", "Arn")}}));
  t.has_output("Name", Match::object_like({{"Value", ref_to("Rule4C995B7F")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RuleTest, NeedsAScheduleOrAPattern) {
  expect_refused("Nothing", {}, "a rule needs a schedule or an event pattern");
  expect_refused("Disabled", {.enabled = false, .description = "x"}, "a rule needs a schedule or an event pattern");
}

TEST_F(RuleTest, AScheduleRunsOnTheDefaultBusOnly) {
  expect_refused("Bus", {.schedule = Schedule::rate(1h), .event_bus_name = "orders"},
                 "a scheduled rule must be on the default event bus");
}

TEST_F(RuleTest, RefusesBadNamesAndLongDescriptions) {
  expect_refused("Spaces", {.schedule = Schedule::rate(1h), .rule_name = "nightly export"}, "rule name \"nightly export\"");
  expect_refused("Long", {.schedule = Schedule::rate(1h), .rule_name = std::string(65, 'a')}, "is not 1-64");
  stack.add<Rule>("Max", {.schedule = Schedule::rate(1h), .rule_name = std::string(64, 'a')});
  expect_refused("Description", {.schedule = Schedule::rate(1h), .description = std::string(513, 'd')},
                 "longer than 512 characters");
}

TEST_F(RuleTest, RefusesPatternsEventBridgeWouldReject) {
  expect_refused("EmptySource", {.event_pattern = {.source = {""}}}, "event_pattern.source holds an empty value");
  expect_refused("NullRegion", {.event_pattern = {.region = {Value()}}}, "event_pattern.region holds an empty value");
  expect_refused("DetailList", {.event_pattern = {.detail = Value::list({"x"})}}, "event_pattern.detail must be a map");
  expect_refused("DetailEmpty", {.event_pattern = {.detail = Value(Value::Map{})}}, "event_pattern.detail must be a map");
  expect_refused("Leaf", {.event_pattern = {.detail = Value::map({{"state", "running"}})}},
                 "event_pattern.detail.state is \"running\", not a list of values");
  expect_refused("NestedLeaf", {.event_pattern = {.detail = Value::map({{"a", Value::map({{"b", 1}})}})}},
                 "event_pattern.detail.a.b is 1");
  expect_refused("EmptyLeaf", {.event_pattern = {.detail = Value::map({{"state", Value(Value::List{})}})}},
                 "event_pattern.detail.state is []");
}

TEST_F(RuleTest, TakesAtMostFiveTargets) {
  auto& rule = stack.add<Rule>("Rule", {.schedule = Schedule::rate(1h)});
  for (int i = 0; i < 5; ++i)
    rule.add_target(cdk::events::SqsQueueTarget{.queue = stack.add<cdk::sqs::Queue>("Q" + std::to_string(i))});
  auto& sixth = stack.add<cdk::sqs::Queue>("Sixth");
  expect_error([&] { rule.add_target(cdk::events::SqsQueueTarget{.queue = sixth}); }, "Stack/Rule",
               "a rule takes at most 5 targets");
  EXPECT_EQ(rule.cfn_rule().props().targets.size(), 5U);
  EXPECT_EQ(rule.cfn_rule().props().targets.back().id.value().as_string(), "Target4");
}

}  // namespace
