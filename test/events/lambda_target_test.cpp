// events::Rule's LambdaFunctionTarget: the target entry and the permission
// aws-cdk-lib 2.276 writes for targets.LambdaFunction (checked against its
// synth output), one permission however many targets call the function, a
// dead-letter queue, and the errors.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/events/events.hpp>
#include <cdk/lambda/lambda.hpp>
#include <cdk/sqs/sqs.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::events::LambdaFunctionTarget;
using cdk::events::Rule;
using cdk::events::Schedule;
using cdk::testing::expect_error;
using namespace std::chrono_literals;
namespace lambda = cdk::lambda;

class LambdaTargetTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  Rule& rule = stack.add<Rule>("Rule", {.schedule = Schedule::rate(1h)});
  lambda::Function& function = stack.add<lambda::Function>("Fn", {
      .runtime = lambda::Runtime::Python312, .handler = "index.handler",
      .code = lambda::Code::from_inline("def handler(e, c): pass")});
};

Match fn_arn() { return Match::object_equals({{"Fn::GetAtt", Match::array_equals({"Fn9270CBC0", "Arn"})}}); }

TEST_F(LambdaTargetTest, InvokesTheFunctionWithAPermissionForThisRuleOnly) {
  rule.add_target(LambdaFunctionTarget{.function = function});
  rule.add_target(LambdaFunctionTarget{.function = function, .retry_attempts = 2});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_equals({{"Arn", fn_arn()}, {"Id", "Target0"}}),
      Match::object_equals({{"Arn", fn_arn()}, {"Id", "Target1"},
                            {"RetryPolicy", Match::object_equals({{"MaximumRetryAttempts", 2}})}})})}}));
  // The AWS CDK's logical id: the permission lives in the rule, named after the function.
  t.resource_count_is("AWS::Lambda::Permission", 1);
  t.has_resource("AWS::Lambda::Permission", Match::object_like({{"Properties", Match::object_equals({
      {"Action", "lambda:InvokeFunction"}, {"FunctionName", fn_arn()}, {"Principal", "events.amazonaws.com"},
      {"SourceArn", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"Rule4C995B7F", "Arn"})}})}})}}));
  EXPECT_NE(t.to_json().find("\"RuleAllowEventRuleStackFnC636521A5105E159\""), std::string::npos);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LambdaTargetTest, TwoRulesGetAPermissionEach) {
  auto& other = stack.add<Rule>("Other", {.schedule = Schedule::rate(2h)});
  rule.add_target(LambdaFunctionTarget{.function = function});
  other.add_target(LambdaFunctionTarget{.function = function});
  Template::from_stack(stack).resource_count_is("AWS::Lambda::Permission", 2);
}

TEST_F(LambdaTargetTest, UndeliverableEventsGoToTheDeadLetterQueue) {
  auto& dlq = stack.add<cdk::sqs::Queue>("Dlq");
  rule.add_target(LambdaFunctionTarget{.function = function, .message = "tick", .dead_letter_queue = dlq});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"Input", "\"tick\""}, {"DeadLetterConfig", Match::object_equals({
          {"Arn", Match::object_equals({{"Fn::GetAtt", Match::array_equals({Match::string_like_regexp("^Dlq"), "Arn"})}})}})}})})}}));
  t.resource_count_is("AWS::SQS::QueuePolicy", 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LambdaTargetTest, BadTargetsNameTheRule) {
  expect_error([&] { rule.add_target(LambdaFunctionTarget{}); }, "Stack/Rule", "has no function");
  expect_error([&] { rule.add_target(LambdaFunctionTarget{.function = function, .retry_attempts = 186}); },
               "Stack/Rule", "retry_attempts 186");
  Template::from_stack(stack).resource_count_is("AWS::Lambda::Permission", 0);
}

}  // namespace
