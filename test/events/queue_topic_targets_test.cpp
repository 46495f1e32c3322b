// events::Rule targets SqsQueueTarget and SnsTopicTarget: the target entries
// and the resource policy statements aws-cdk-lib writes for them (checked
// against aws-cdk-lib 2.276 synth output), messages, FIFO, dead-letter
// queues, retry policies and errors.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/events.hpp>
#include <cdk/sns/cfn_topic_policy.hpp>
#include <cdk/sns/sns.hpp>
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
using cdk::events::Rule;
using cdk::events::Schedule;
using cdk::events::SnsTopicTarget;
using cdk::events::SqsQueueTarget;
using cdk::testing::expect_error;
using namespace std::chrono_literals;
namespace sqs = cdk::sqs;

constexpr const char* key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

class QueueTopicTargetsTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  Rule& rule = stack.add<Rule>("Rule", {.schedule = Schedule::rate(1h)});
  static bool has_warning(cdk::Construct& c, const std::string& text) {
    for (const auto& m : c.node().metadata())
      if (m.type == cdk::Annotations::warning_type && m.data.find(text) != std::string::npos) return true;
    return false;
  }
};

Match from_events(Match condition, Match resource, Match actions) {
  return Match::object_equals({{"Action", std::move(actions)}, {"Condition", std::move(condition)}, {"Effect", "Allow"},
                               {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})},
                               {"Resource", std::move(resource)}});
}
Match send_actions() { return Match::array_equals({"sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"}); }
Match from_rule() {
  return Match::object_equals({{"ArnEquals", Match::object_equals({{"aws:SourceArn", get_att("Rule4C995B7F", "Arn")}})}});
}

TEST_F(QueueTopicTargetsTest, AQueueTargetLetsOnlyThisRuleSend) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  rule.add_target(SqsQueueTarget{.queue = queue});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_equals({
      {"ScheduleExpression", "rate(1 hour)"}, {"State", "ENABLED"},
      {"Targets", Match::array_equals({Match::object_equals({{"Arn", get_att("Queue4A7E3555", "Arn")},
                                                             {"Id", "Target0"}})})}}));
  // After the queue's own TLS-only statement.
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Effect", "Deny"}}),
          from_events(from_rule(), get_att("Queue4A7E3555", "Arn"), send_actions())})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, ATopicTargetLetsEventBridgePublish) {
  auto& topic = stack.add<cdk::sns::Topic>("Topic");
  rule.add_target(SnsTopicTarget{.topic = topic});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({
      {"Targets", Match::array_equals({Match::object_equals({{"Arn", ref_to("TopicBFC7AF6E")}, {"Id", "Target0"}})})}}));
  t.has_resource_properties("AWS::SNS::TopicPolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Sid", "AllowPublishThroughSSLOnly"}}),
          Match::object_equals({{"Action", "sns:Publish"}, {"Effect", "Allow"},
                                {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})},
                                {"Resource", ref_to("TopicBFC7AF6E")}, {"Sid", "1"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, MessagesAreSentAsJsonText) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  auto& topic = stack.add<cdk::sns::Topic>("Topic");
  rule.add_target(SqsQueueTarget{.queue = queue, .message = Value::map({{"job", "export"}, {"at", 3},
                                                                          {"dry", false}, {"note", "a \"b\"\n"}})});
  rule.add_target(SnsTopicTarget{.topic = topic, .message = "nightly export started"});
  rule.add_target(SqsQueueTarget{.queue = queue, .message = Value::map({{"stack", cdk::Aws::stack_name()}})});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"Id", "Target0"}, {"Input", R"({"job":"export","at":3,"dry":false,"note":"a \"b\"\n"})"}}),
      Match::object_like({{"Id", "Target1"}, {"Input", "\"nightly export started\""}}),
      Match::object_like({{"Id", "Target2"}, {"Input", Match::object_equals({{"Fn::Join", Match::array_equals({
          "", Match::array_equals({"{\"stack\":\"", ref_to("AWS::StackName"), "\"}"})})}})}})})}}));
  // The queue's policy lets the rule in once, however many targets send to it.
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Effect", "Deny"}}),
          from_events(from_rule(), get_att("Queue4A7E3555", "Arn"), send_actions())})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, MessagesEscapeLiteralsAroundTokensAndKeepNumbersAndNulls) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  rule.add_target(SqsQueueTarget{.queue = queue, .message = Value::map({
      {"url", Value("say \"") + queue.queue_url() + Value("\"\t")}, {"ratio", 0.25}, {"none", Value()},
      {"list", Value::list({1, Value::list({}), Value::map({})})}})});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"Input", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
          R"({"url":"say \")", ref_to("Queue4A7E3555"), R"(\"\t","ratio":0.25,"none":null,"list":[1,[],{}]})"})})}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, AQueueUsedAsDeadLetterQueueFirstStillGetsTheTargetStatement) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  auto& topic = stack.add<cdk::sns::Topic>("Topic");
  rule.add_target(SnsTopicTarget{.topic = topic, .dead_letter_queue = queue});
  rule.add_target(SqsQueueTarget{.queue = queue});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Effect", "Deny"}}),
          Match::object_like({{"Action", "sqs:SendMessage"}, {"Sid", Match::any_value()}}),
          from_events(from_rule(), get_att("Queue4A7E3555", "Arn"), send_actions())})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, FifoQueuesGetTheMessageGroupId) {
  auto& queue = stack.add<sqs::Queue>("Orders", {.fifo = true});
  rule.add_target(SqsQueueTarget{.queue = queue, .message_group_id = "nightly"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"SqsParameters", Match::object_equals({{"MessageGroupId", "nightly"}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, AQueueWithACustomerKeyIsLimitedToTheAccountAndWarned) {
  auto& queue = stack.add<sqs::Queue>("Queue", {.encryption = sqs::QueueEncryption::Kms, .encryption_key_arn = key_arn});
  rule.add_target(SqsQueueTarget{.queue = queue});
  EXPECT_TRUE(has_warning(queue, "events.amazonaws.com"));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({from_events(
          Match::object_equals({{"StringEquals", Match::object_equals({{"aws:SourceAccount", ref_to("AWS::AccountId")}})}}),
          get_att("Queue4A7E3555", "Arn"), send_actions())})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, DeadLetterQueueAndRetryPolicy) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  auto& topic = stack.add<cdk::sns::Topic>("Topic");
  auto& dlq = stack.add<sqs::Queue>("Dlq");
  rule.add_target(SqsQueueTarget{.queue = queue, .dead_letter_queue = dlq, .retry_attempts = 3,
                                 .max_event_age_seconds = 3600});
  rule.add_target(SnsTopicTarget{.topic = topic, .dead_letter_queue = dlq, .retry_attempts = 0});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({{"Targets", Match::array_equals({
      Match::object_like({{"DeadLetterConfig", Match::object_equals({{"Arn", get_att("DlqD1FAA4AD", "Arn")}})},
                          {"RetryPolicy", Match::object_equals({{"MaximumEventAgeInSeconds", 3600},
                                                                {"MaximumRetryAttempts", 3}})}}),
      Match::object_like({{"DeadLetterConfig", Match::object_equals({{"Arn", get_att("DlqD1FAA4AD", "Arn")}})},
                          {"RetryPolicy", Match::object_equals({{"MaximumRetryAttempts", 0}})}})})}}));
  // One statement for the rule, with the AWS CDK's Sid, however many targets use the queue.
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({
      {"Queues", Match::array_equals({ref_to("DlqD1FAA4AD")})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Effect", "Deny"}}),
          Match::object_equals({{"Action", "sqs:SendMessage"}, {"Condition", from_rule()}, {"Effect", "Allow"},
                                {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})},
                                {"Resource", get_att("DlqD1FAA4AD", "Arn")},
                                {"Sid", Match::string_like_regexp("^AllowEventRuleStackRule[0-9A-F]{8}$")}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTopicTargetsTest, RefusesMissingQueuesAndTopics) {
  expect_error([&] { rule.add_target(SqsQueueTarget{}); }, "Stack/Rule", "SqsQueueTarget has no queue");
  expect_error([&] { rule.add_target(SnsTopicTarget{}); }, "Stack/Rule", "SnsTopicTarget has no topic");
}

TEST_F(QueueTopicTargetsTest, RefusesQueuesEventBridgeCannotSendTo) {
  auto& managed = stack.add<sqs::Queue>("Managed", {.encryption = sqs::QueueEncryption::KmsManaged});
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = managed}); }, "Stack/Managed",
               "AWS managed key alias/aws/sqs");
  auto& fifo = stack.add<sqs::Queue>("Fifo", {.fifo = true});
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = fifo}); }, "Stack/Rule",
               "the FIFO queue Stack/Fifo needs a message_group_id");
  auto& standard = stack.add<sqs::Queue>("Standard");
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = standard, .message_group_id = "g"}); }, "Stack/Rule",
               "message_group_id applies to FIFO queues only");
  EXPECT_TRUE(rule.cfn_rule().props().targets.empty());
}

TEST_F(QueueTopicTargetsTest, RefusesRetryPoliciesOutsideEventBridgesRanges) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = queue, .retry_attempts = 186}); }, "Stack/Rule",
               "retry_attempts 186 is outside EventBridge's range 0-185");
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = queue, .retry_attempts = -1}); }, "Stack/Rule",
               "retry_attempts -1");
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = queue, .max_event_age_seconds = 59}); }, "Stack/Rule",
               "max_event_age_seconds 59 is outside EventBridge's range 60-86400");
  auto& topic = stack.add<cdk::sns::Topic>("Topic");
  expect_error([&] { rule.add_target(SnsTopicTarget{.topic = topic, .max_event_age_seconds = 86401}); }, "Stack/Rule",
               "max_event_age_seconds 86401");
}

TEST_F(QueueTopicTargetsTest, RefusesDeadLetterQueuesEventBridgeCannotUse) {
  auto& topic = stack.add<cdk::sns::Topic>("Topic");
  auto& fifo = stack.add<sqs::Queue>("Fifo", {.fifo = true});
  expect_error([&] { rule.add_target(SnsTopicTarget{.topic = topic, .dead_letter_queue = fifo}); }, "Stack/Rule",
               "the dead-letter queue Stack/Fifo is FIFO; EventBridge takes standard ones only");
  auto& managed = stack.add<sqs::Queue>("Managed", {.encryption = sqs::QueueEncryption::KmsManaged});
  expect_error([&] { rule.add_target(SnsTopicTarget{.topic = topic, .dead_letter_queue = managed}); }, "Stack/Managed",
               "AWS managed key alias/aws/sqs");
  EXPECT_TRUE(rule.cfn_rule().props().targets.empty());
  EXPECT_EQ(topic.policy()->props().policy_document.find("Statement")->as_list().size(), 1U);  // TLS-only, nothing more
}

TEST_F(QueueTopicTargetsTest, RefusesInputsOverEventBridgesLimit) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  expect_error([&] { rule.add_target(SqsQueueTarget{.queue = queue, .message = std::string(8200, 'x')}); },
               "Stack/Rule", "the target's input is 8202 characters; EventBridge takes at most 8192");
}

}  // namespace
