// sns subscriptions: e-mail, SQS (with the queue policy), Lambda (with its
// permission) and HTTPS, under the construct ids aws-cdk-lib uses, so with the
// logical ids it gives (checked against aws-cdk-lib 2.x synth output).
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/sns/cfn_subscription.hpp>
#include <cdk/sns/sns.hpp>
#include <cdk/sqs/sqs.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::AllOf;
using ::testing::HasSubstr;
namespace sns = cdk::sns;
namespace sqs = cdk::sqs;

constexpr const char* function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:notify";

class SubscriptionTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  sns::Topic& topic = stack.add<sns::Topic>("Topic");
  static bool has_warning(cdk::Construct& c, const std::string& text) {
    for (const auto& m : c.node().metadata())
      if (m.type == cdk::Annotations::warning_type && m.data.find(text) != std::string::npos) return true;
    return false;
  }
};

auto error_with(const std::string& a, const std::string& b) {
  return ::testing::ThrowsMessage<cdk::Error>(AllOf(HasSubstr(a), HasSubstr(b)));
}

TEST_F(SubscriptionTest, EmailSubscriptionsAreNamedAfterTheAddress) {
  auto& plain = topic.add_subscription(sns::EmailSubscription{.email_address = "ops@example.com"});
  topic.add_subscription(sns::EmailSubscription{.email_address = "audit@example.com", .json = true,
                                                .filter_policy = cdk::Value::map({{"kind", cdk::Value::list({"deploy"})}})});
  EXPECT_EQ(plain.node().path(), "Stack/Topic/ops@example.com");
  EXPECT_EQ(plain.protocol(), sns::SubscriptionProtocol::Email);
  EXPECT_EQ(topic.subscriptions().size(), 2U);
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(plain.cfn_subscription()), "TopicopsexamplecomA7AF42F2");
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_equals({
      {"Protocol", "email"}, {"Endpoint", "ops@example.com"}, {"TopicArn", ref_to("TopicBFC7AF6E")}}));
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_equals({
      {"Protocol", "email-json"}, {"Endpoint", "audit@example.com"}, {"TopicArn", ref_to("TopicBFC7AF6E")},
      {"FilterPolicy", Match::object_equals({{"kind", Match::array_equals({"deploy"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, SqsSubscriptionsLiveUnderTheQueueAndWriteItsPolicy) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  auto& sub = topic.add_subscription(sns::SqsSubscription{.queue = queue, .raw_message_delivery = true});
  EXPECT_EQ(sub.node().path(), "Stack/Queue/StackTopic2F4048F0");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(sub.cfn_subscription()), "QueueStackTopic2F4048F08089B7AA");
  t.has_resource("AWS::SNS::Subscription", Match::object_like({
      {"DependsOn", Match::array_equals({"QueuePolicy25439813"})},
      {"Properties", Match::object_equals({{"Protocol", "sqs"}, {"Endpoint", get_att("Queue4A7E3555", "Arn")},
                                           {"RawMessageDelivery", true}, {"TopicArn", ref_to("TopicBFC7AF6E")}})}}));
  t.resource_count_is("AWS::SQS::QueuePolicy", 1);
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_like({{"Effect", "Deny"}, {"Action", "sqs:*"}}),
          Match::object_equals({{"Effect", "Allow"}, {"Action", "sqs:SendMessage"},
                                {"Principal", Match::object_equals({{"Service", "sns.amazonaws.com"}})},
                                {"Resource", get_att("Queue4A7E3555", "Arn")},
                                {"Condition", Match::object_equals({{"ArnEquals", Match::object_equals({
                                    {"aws:SourceArn", ref_to("TopicBFC7AF6E")}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, AFifoTopicDeliversToAFifoQueue) {
  auto& orders = stack.add<sns::Topic>("Orders", {.topic_name = "orders", .fifo = true});
  auto& queue = stack.add<sqs::Queue>("OrderQueue", {.queue_name = "orders.fifo"});
  orders.add_subscription(sns::SqsSubscription{.queue = queue});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_like({
      {"Protocol", "sqs"}, {"RawMessageDelivery", Match::absent()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, SqsSubscriptionsToAQueueWithACustomerKeyWarnAboutItsKeyPolicy) {
  auto& queue = stack.add<sqs::Queue>("Queue", {.encryption = sqs::QueueEncryption::Kms,
      .encryption_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"});
  topic.add_subscription(sns::SqsSubscription{.queue = queue});
  EXPECT_TRUE(has_warning(queue, "sns.amazonaws.com"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, LambdaSubscriptionsWriteTheInvokePermission) {
  auto& sub = topic.add_subscription(sns::LambdaSubscription{.function_arn = function_arn, .function_id = "Notifier"});
  EXPECT_EQ(sub.node().path(), "Stack/Notifier/Topic");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(sub.cfn_subscription()), "NotifierTopicE64A6449");
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_equals({
      {"Protocol", "lambda"}, {"Endpoint", function_arn}, {"TopicArn", ref_to("TopicBFC7AF6E")}}));
  EXPECT_EQ(t.find_resources("AWS::Lambda::Permission"),
            std::vector<std::string>{"NotifierAllowInvokeStackTopic2F4048F044B4A15E"});
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_equals({
      {"Action", "lambda:InvokeFunction"}, {"FunctionName", function_arn}, {"Principal", "sns.amazonaws.com"},
      {"SourceArn", ref_to("TopicBFC7AF6E")}}));
  // A second topic reuses the function's construct.
  auto& other = stack.add<sns::Topic>("Other");
  EXPECT_EQ(other.add_subscription(sns::LambdaSubscription{.function_arn = function_arn, .function_id = "Notifier"})
                .node().path(), "Stack/Notifier/Other");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, HttpsSubscriptionsAreNamedAfterTheUrl) {
  auto& sub = topic.add_subscription(sns::UrlSubscription{.url = "https://hooks.example.com/sns",
                                                          .raw_message_delivery = true});
  EXPECT_EQ(sub.node().id(), "https:----hooks.example.com--sns");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(sub.cfn_subscription()), "Topichttpshooksexamplecomsns8C815780");
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_equals({
      {"Protocol", "https"}, {"Endpoint", "https://hooks.example.com/sns"}, {"RawMessageDelivery", true},
      {"TopicArn", ref_to("TopicBFC7AF6E")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, ASubscriptionCanBeMadeDirectly) {
  stack.add<sns::Subscription>("Sms", {.topic = topic, .protocol = sns::SubscriptionProtocol::Sms,
                                       .endpoint = "+15555550100"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Subscription", Match::object_like({{"Protocol", "sms"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SubscriptionTest, RejectsBadEndpointsNamingThePath) {
  EXPECT_THAT([&] { topic.add_subscription(sns::EmailSubscription{.email_address = "ops.example.com"}); },
              error_with("Stack/Topic", "is not an e-mail address"));
  EXPECT_THAT([&] { topic.add_subscription(sns::EmailSubscription{}); }, error_with("Stack/Topic", "e-mail address"));
  EXPECT_THAT([&] { topic.add_subscription(sns::UrlSubscription{.url = "http://hooks.example.com"}); },
              error_with("Stack/Topic", "clear text"));
  EXPECT_THAT([&] { topic.add_subscription(sns::UrlSubscription{.url = "hooks.example.com"}); },
              error_with("Stack/Topic", "is not an https:// URL"));
  EXPECT_THAT([&] { topic.add_subscription(sns::SqsSubscription{}); }, error_with("Stack/Topic", "has no queue"));
  EXPECT_THAT([&] { topic.add_subscription(sns::LambdaSubscription{.function_id = "Fn"}); },
              error_with("Stack/Topic", "no function_arn"));
  EXPECT_THAT([&] { topic.add_subscription(sns::LambdaSubscription{.function_arn = function_arn}); },
              error_with("Stack/Topic", "no function_id"));
  stack.add<sqs::Queue>("Taken");
  EXPECT_THAT([&] { topic.add_subscription(sns::LambdaSubscription{.function_arn = function_arn, .function_id = "Taken"}); },
              error_with("Stack/Topic", "not a function placeholder"));
  EXPECT_THAT([&] { stack.add<sns::Subscription>("NoTopic", {.endpoint = "a@b.c"}); }, error_with("Stack/NoTopic", "no topic"));
  EXPECT_THAT([&] { stack.add<sns::Subscription>("NoEndpoint", {.topic = topic}); },
              error_with("Stack/NoEndpoint", "no endpoint"));
  EXPECT_THAT([&] { stack.add<sns::Subscription>("Raw", {.topic = topic, .endpoint = "a@b.c", .raw_message_delivery = true}); },
              error_with("Stack/Raw", "raw message delivery is not available for protocol email"));
}

TEST_F(SubscriptionTest, RejectsSubscribingTheSameEndpointTwice) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  topic.add_subscription(sns::EmailSubscription{.email_address = "ops@example.com"});
  topic.add_subscription(sns::SqsSubscription{.queue = queue});
  topic.add_subscription(sns::LambdaSubscription{.function_arn = function_arn, .function_id = "Fn"});
  EXPECT_THAT([&] { topic.add_subscription(sns::EmailSubscription{.email_address = "ops@example.com"}); },
              error_with("Stack/Topic", "already has a subscription for e-mail address \"ops@example.com\""));
  EXPECT_THAT([&] { topic.add_subscription(sns::SqsSubscription{.queue = queue}); },
              error_with("Stack/Topic", "already has a subscription for queue"));
  EXPECT_THAT([&] { topic.add_subscription(sns::LambdaSubscription{.function_arn = function_arn, .function_id = "Fn"}); },
              error_with("Stack/Topic", "Stack/Fn/Topic"));
}

TEST_F(SubscriptionTest, RejectsEndpointsTheTopicOrQueueTypeCannotServe) {
  auto& orders = stack.add<sns::Topic>("Orders", {.topic_name = "orders", .fifo = true});
  EXPECT_THAT([&] { orders.add_subscription(sns::EmailSubscription{.email_address = "ops@example.com"}); },
              error_with("Stack/Orders", "a FIFO topic cannot deliver to e-mail"));
  EXPECT_THAT([&] { orders.add_subscription(sns::UrlSubscription{.url = "https://hooks.example.com"}); },
              error_with("Stack/Orders", "a FIFO topic cannot deliver to an HTTPS endpoint"));
  EXPECT_THAT([&] { orders.add_subscription(sns::LambdaSubscription{.function_arn = function_arn, .function_id = "Fn"}); },
              error_with("Stack/Orders", "a FIFO topic cannot deliver to a Lambda function"));
  auto& fifo_queue = stack.add<sqs::Queue>("FifoQueue", {.fifo = true});
  EXPECT_THAT([&] { topic.add_subscription(sns::SqsSubscription{.queue = fifo_queue}); },
              error_with("Stack/Topic", "cannot deliver to the FIFO queue Stack/FifoQueue"));
  auto& managed = stack.add<sqs::Queue>("Managed", {.encryption = sqs::QueueEncryption::KmsManaged});
  EXPECT_THAT([&] { topic.add_subscription(sns::SqsSubscription{.queue = managed}); },
              error_with("Stack/Managed", "alias/aws/sqs"));
}

}  // namespace
