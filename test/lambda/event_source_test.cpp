// lambda event sources: SQS (the mapping and the consume grant) and SNS (the
// subscription and the invoke permission through sns::LambdaSubscription),
// under the construct ids aws-cdk-lib's aws-lambda-event-sources uses, so with
// its logical ids (checked against aws-cdk-lib 2.276 synth output).
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/lambda/cfn_event_source_mapping.hpp>
#include <cdk/lambda/lambda.hpp>
#include <cdk/sns/cfn_subscription.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sqs/queue.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace lambda = cdk::lambda;

class EventSourceTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  lambda::Function& fn = stack.add<lambda::Function>("Fn", {.runtime = lambda::Runtime::Python312,
      .handler = "index.handler", .code = lambda::Code::from_inline("def handler(e, c): pass")});
};

TEST_F(EventSourceTest, AnSqsQueueGetsAMappingAndTheRoleMayConsume) {
  auto& queue = stack.add<cdk::sqs::Queue>("Q");
  auto& mapping = fn.add_event_source(lambda::SqsEventSource{.queue = queue, .batch_size = 5});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(mapping.cfn_event_source_mapping()), "FnSqsEventSourceStackQ40FD11F2C610E197");
  t.has_resource_properties("AWS::Lambda::EventSourceMapping", Match::object_equals({
      {"BatchSize", 5}, {"EventSourceArn", get_att("Q63C6E3AB", "Arn")}, {"FunctionName", ref_to("Fn9270CBC0")}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_equals({
      {"PolicyName", "FnServiceRoleDefaultPolicyC6A839BF"}, {"Roles", Match::array_equals({ref_to("FnServiceRoleB9001A96")})},
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Action", Match::array_equals({"sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                                                                "sqs:GetQueueUrl", "sqs:DeleteMessage",
                                                                "sqs:GetQueueAttributes"})},
                                {"Effect", "Allow"}, {"Resource", get_att("Q63C6E3AB", "Arn")}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EventSourceTest, SqsMappingOptionsAreWritten) {
  auto& queue = stack.add<cdk::sqs::Queue>("Q");
  fn.add_event_source(lambda::SqsEventSource{.queue = queue, .batch_size = 500, .max_batching_window_seconds = 20,
                                             .max_concurrency = 5, .report_batch_item_failures = true,
                                             .enabled = false});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Lambda::EventSourceMapping", Match::object_equals({
      {"BatchSize", 500}, {"Enabled", false}, {"EventSourceArn", get_att("Q63C6E3AB", "Arn")},
      {"FunctionName", ref_to("Fn9270CBC0")}, {"FunctionResponseTypes", Match::array_equals({"ReportBatchItemFailures"})},
      {"MaximumBatchingWindowInSeconds", 20}, {"ScalingConfig", Match::object_equals({{"MaximumConcurrency", 5}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EventSourceTest, AMappingCanBeMadeDirectly) {
  auto& mapping = stack.add<lambda::EventSourceMapping>("Poll", {
      .target = fn, .event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:jobs", .batch_size = 10});
  stack.add<cdk::CfnOutput>("MappingId", {.value = mapping.event_source_mapping_id()});
  stack.add<cdk::CfnOutput>("MappingArn", {.value = mapping.event_source_mapping_arn()});
  auto t = Template::from_stack(stack);
  const auto id = t.logical_id(mapping.cfn_event_source_mapping());
  t.has_output("MappingId", Match::object_like({{"Value", ref_to(id)}}));
  t.has_output("MappingArn", Match::object_like({{"Value", get_att(id, "EventSourceMappingArn")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EventSourceTest, SqsSourcesAreCheckedAsLambdaChecksThem) {
  auto& queue = stack.add<cdk::sqs::Queue>("Q");
  auto& fifo = stack.add<cdk::sqs::Queue>("Fifo", {.fifo = true});
  auto& quick = stack.add<cdk::sqs::Queue>("Quick", {.visibility_timeout_seconds = 10});
  auto& slow = stack.add<lambda::Function>("Slow", {.runtime = lambda::Runtime::Python312, .handler = "index.handler",
      .code = lambda::Code::from_inline("x"), .timeout_seconds = 60});
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{}); }, "Stack/Fn", "has no queue");
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{.queue = queue, .batch_size = 11}); }, "Stack/Fn",
               "batch_size 11 is outside Lambda's range 1-10");
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{.queue = queue, .batch_size = 0}); }, "Stack/Fn",
               "outside Lambda's range");
  expect_error([&] {
    fn.add_event_source(lambda::SqsEventSource{.queue = queue, .batch_size = 10001, .max_batching_window_seconds = 1});
  }, "Stack/Fn", "range 1-10000");
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{.queue = fifo, .max_batching_window_seconds = 5}); },
               "Stack/Fn", "not available for the FIFO queue Stack/Fifo");
  expect_error([&] { slow.add_event_source(lambda::SqsEventSource{.queue = queue}); }, "Stack/Slow",
               "visibility timeout of Stack/Q (30 s) is shorter than the function's timeout (60 s)");
  EXPECT_NO_THROW(fn.add_event_source(lambda::SqsEventSource{.queue = quick}));  // 10 s covers the default 3 s
}

TEST_F(EventSourceTest, MappingRangesAndRepeatsAreRefused) {
  auto& queue = stack.add<cdk::sqs::Queue>("Q");
  const std::string arn = "arn:aws:sqs:eu-west-1:123456789012:jobs";
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{.queue = queue, .max_batching_window_seconds = 301}); },
               "Stack/Fn/SqsEventSource:StackQ40FD11F2", "max_batching_window_seconds 301");
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{.queue = queue, .max_concurrency = 1}); },
               "Stack/Fn/SqsEventSource:StackQ40FD11F2", "max_concurrency 1 is outside Lambda's range 2-1000");
  fn.add_event_source(lambda::SqsEventSource{.queue = queue});
  expect_error([&] { fn.add_event_source(lambda::SqsEventSource{.queue = queue}); }, "Stack/Fn",
               "already an event source of this function");
  expect_error([&] { stack.add<lambda::EventSourceMapping>("NoTarget", {.event_source_arn = arn}); },
               "Stack/NoTarget", "no target function");
  expect_error([&] { stack.add<lambda::EventSourceMapping>("NoSource", {.target = fn}); }, "Stack/NoSource",
               "no event_source_arn");
  expect_error([&] { stack.add<lambda::EventSourceMapping>("Big", {.target = fn, .event_source_arn = arn, .batch_size = 10001}); },
               "Stack/Big", "batch_size 10001");
}

TEST_F(EventSourceTest, AnSnsTopicSubscribesTheFunctionUnderIt) {
  auto& topic = stack.add<cdk::sns::Topic>("T");
  auto& sub = fn.add_event_source(lambda::SnsEventSource{.topic = topic});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(sub.node().path(), "Stack/Fn/T");
  EXPECT_EQ(t.logical_id(sub.cfn_subscription()), "FnTF3291A0C");
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_equals({
      {"Endpoint", get_att("Fn9270CBC0", "Arn")}, {"Protocol", "lambda"}, {"TopicArn", ref_to("TD925BC7E")}}));
  EXPECT_EQ(t.find_resources("AWS::Lambda::Permission"), std::vector<std::string>{"FnAllowInvokeStackT6EE189340F6A01B0"});
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_equals({
      {"Action", "lambda:InvokeFunction"}, {"FunctionName", get_att("Fn9270CBC0", "Arn")},
      {"Principal", "sns.amazonaws.com"}, {"SourceArn", ref_to("TD925BC7E")}}));
  EXPECT_EQ(topic.subscriptions(), std::vector<cdk::sns::Subscription*>{&sub});
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EventSourceTest, TheTopicTakesAFunctionDirectlyWithAFilter) {
  auto& topic = stack.add<cdk::sns::Topic>("T");
  topic.add_subscription(cdk::sns::LambdaSubscription{
      .function = fn, .filter_policy = cdk::Value::map({{"kind", cdk::Value::list({"alarm"})}})});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_like({
      {"Endpoint", get_att("Fn9270CBC0", "Arn")},
      {"FilterPolicy", Match::object_equals({{"kind", Match::array_equals({"alarm"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(EventSourceTest, SnsSubscriptionsOfAFunctionAreChecked) {
  auto& topic = stack.add<cdk::sns::Topic>("T");
  auto& orders = stack.add<cdk::sns::Topic>("Orders", {.topic_name = "orders", .fifo = true});
  expect_error([&] { fn.add_event_source(lambda::SnsEventSource{}); }, "Stack/Fn", "has no topic");
  expect_error([&] { fn.add_event_source(lambda::SnsEventSource{.topic = orders}); }, "Stack/Orders",
               "a FIFO topic cannot deliver to a Lambda function");
  expect_error([&] {
    topic.add_subscription(cdk::sns::LambdaSubscription{.function = fn, .function_arn = "arn:aws:lambda:eu-west-1:1:function:x"});
  }, "Stack/T", "gives both a function and a function_arn");
  fn.add_event_source(lambda::SnsEventSource{.topic = topic});
  expect_error([&] { fn.add_event_source(lambda::SnsEventSource{.topic = topic}); }, "Stack/T",
               "already has a subscription for function");
}

}  // namespace
