// sns::Topic: the TLS-only policy, names, FIFO, KMS, grants, alarm actions and
// errors. Expected logical ids are those aws-cdk-lib gives the same construct
// ids (checked against aws-cdk-lib 2.x synth output).
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/sns/sns.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::AllOf;
using ::testing::HasSubstr;
namespace sns = cdk::sns;

constexpr const char* key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

class TopicTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  void expect_error(const char* id, sns::TopicProps props, const char* text) {
    EXPECT_THAT([&] { stack.add<sns::Topic>(id, std::move(props)); },
                ::testing::ThrowsMessage<cdk::Error>(AllOf(HasSubstr(std::string("Stack/") + id), HasSubstr(text))))
        << id;
  }
};

TEST_F(TopicTest, HasATlsOnlyPolicyByDefault) {
  auto& topic = stack.add<sns::Topic>("Topic");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(topic.cfn_topic()), "TopicBFC7AF6E");  // aws-cdk-lib's id for Stack/Topic/Resource
  t.has_resource("AWS::SNS::Topic", Match::object_like({{"Properties", Match::absent()}}));
  EXPECT_EQ(t.find_resources("AWS::SNS::TopicPolicy"), std::vector<std::string>{"TopicPolicyA1747468"});
  t.has_resource_properties("AWS::SNS::TopicPolicy", Match::object_equals({
      {"Topics", Match::array_equals({ref_to("TopicBFC7AF6E")})},
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Sid", "AllowPublishThroughSSLOnly"}, {"Effect", "Deny"}, {"Principal", "*"},
                                {"Action", "sns:Publish"}, {"Resource", ref_to("TopicBFC7AF6E")},
                                {"Condition", Match::object_equals({{"Bool", Match::object_equals({
                                    {"aws:SecureTransport", "false"}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, ExposesArnAndNameAttributes) {
  auto& topic = stack.add<sns::Topic>("Topic");
  stack.add<cdk::CfnOutput>("Arn", {.value = topic.topic_arn()});
  stack.add<cdk::CfnOutput>("Name", {.value = topic.topic_name()});
  auto t = Template::from_stack(stack);
  t.has_output("Arn", Match::object_like({{"Value", ref_to("TopicBFC7AF6E")}}));
  t.has_output("Name", Match::object_like({{"Value", Match::object_equals({{"Fn::GetAtt",
      Match::array_equals({"TopicBFC7AF6E", "TopicName"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, RendersNameDisplayNameAndKmsAndCanDropTheTlsPolicy) {
  stack.add<sns::Topic>("Topic", {.topic_name = "deploy-events", .display_name = "Deployments",
                                  .master_key_arn = key_arn, .enforce_ssl = false});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Topic", Match::object_equals({
      {"TopicName", "deploy-events"}, {"DisplayName", "Deployments"}, {"KmsMasterKeyId", key_arn}}));
  t.resource_count_is("AWS::SNS::TopicPolicy", 0);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, FifoTopicsGetTheSuffixAsTheAwsCdkDoes) {
  auto& a = stack.add<sns::Topic>("Orders", {.topic_name = "orders", .fifo = true, .content_based_deduplication = true});
  stack.add<sns::Topic>("Payments", {.topic_name = "payments.fifo", .fifo = true});
  EXPECT_TRUE(a.fifo());
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Topic", Match::object_equals({
      {"TopicName", "orders.fifo"}, {"FifoTopic", true}, {"ContentBasedDeduplication", true}}));
  t.has_resource_properties("AWS::SNS::Topic", Match::object_equals({{"TopicName", "payments.fifo"}, {"FifoTopic", true}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, GrantPublishCoversTheTopicAndItsKey) {
  auto& topic = stack.add<sns::Topic>("Topic", {.master_key_arn = key_arn});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  topic.grant_publish(role);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_equals({{"Effect", "Allow"}, {"Action", "sns:Publish"}, {"Resource", ref_to("TopicBFC7AF6E")}}),
          Match::object_equals({{"Effect", "Allow"}, {"Resource", key_arn},
                                {"Action", Match::array_equals({"kms:Decrypt", "kms:GenerateDataKey"})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, ResourcePolicyStatementsAreNumberedAfterTheTlsStatement) {
  auto& topic = stack.add<sns::Topic>("Topic");
  const cdk::iam::PolicyStatement events{.actions = {"sns:Publish"}, .resources = {topic.topic_arn()},
                                         .principals = cdk::Value::map({{"Service", "events.amazonaws.com"}})};
  topic.add_to_resource_policy(events);
  topic.add_to_resource_policy(events);  // a repeat is written once, as in the AWS CDK
  topic.add_to_resource_policy({.actions = {"sns:Publish"}, .resources = {topic.topic_arn()},
                                .principals = cdk::Value::map({{"Service", "codestar-notifications.amazonaws.com"}}),
                                .sid = "CodeStar"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::TopicPolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_like({{"Sid", "AllowPublishThroughSSLOnly"}}),
          Match::object_equals({{"Sid", "1"}, {"Effect", "Allow"}, {"Action", "sns:Publish"}, {"Resource", ref_to("TopicBFC7AF6E")},
                                {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})}}),
          Match::object_like({{"Sid", "CodeStar"}})})}})}}));
  EXPECT_THAT([&] { topic.add_to_resource_policy({.actions = {"sns:Publish"}, .resources = {topic.topic_arn()}}); },
              ::testing::ThrowsMessage<cdk::Error>(AllOf(HasSubstr("Stack/Topic"), HasSubstr("principal"))));
  EXPECT_THAT([&] { topic.add_to_resource_policy({.principals = cdk::Value("*")}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("actions and resources")));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, AnAlarmNotifiesATopicByItsArn) {
  auto& topic = stack.add<sns::Topic>("Topic");
  auto& alarm = stack.add<cdk::cloudwatch::Alarm>("Alarm", {
      .metric = {.namespace_ = "AWS/SQS", .metric_name = "ApproximateAgeOfOldestMessage",
                 .dimensions = {{"QueueName", "jobs"}}, .statistic = "Maximum"},
      .threshold = 600});
  alarm.add_alarm_action(topic);
  alarm.add_ok_action(topic);
  alarm.add_insufficient_data_action(topic);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"AlarmActions", Match::array_equals({ref_to("TopicBFC7AF6E")})},
      {"OKActions", Match::array_equals({ref_to("TopicBFC7AF6E")})},
      {"InsufficientDataActions", Match::array_equals({ref_to("TopicBFC7AF6E")})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(TopicTest, RejectsBadNamesAndFifoMismatchesNamingThePath) {
  expect_error("FifoNoName", {.fifo = true}, "a FIFO topic needs a topic_name");
  expect_error("SuffixNotFifo", {.topic_name = "orders.fifo"}, "ends in \".fifo\" but the topic is not FIFO");
  expect_error("Dedup", {.content_based_deduplication = true}, "content_based_deduplication needs a FIFO topic");
  expect_error("Long", {.topic_name = std::string(257, 'a')}, "longer than 256 characters");
  expect_error("LongFifo", {.topic_name = std::string(252, 'a'), .fifo = true}, "longer than 256 characters");
  expect_error("Chars", {.topic_name = "deploy events"}, "only letters, digits, '-' and '_'");
  expect_error("Display", {.display_name = std::string(101, 'd')}, "display_name is longer than 100 characters");
  stack.add<sns::Topic>("Edge", {.topic_name = std::string(256, 'a'), .display_name = std::string(100, 'd')});
}

}  // namespace
