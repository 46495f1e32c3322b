// sqs::Queue: secure defaults, options, dead-letter queues, FIFO, grants,
// metrics and errors. Expected logical ids are those aws-cdk-lib gives the
// same construct ids (checked against aws-cdk-lib 2.x synth output).
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sqs/cfn_queue.hpp>
#include <cdk/sqs/sqs.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::AllOf;
using ::testing::HasSubstr;
namespace sqs = cdk::sqs;

constexpr const char* key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

class QueueTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::iam::Role& role() {
    return stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  }
  void expect_error(const char* id, sqs::QueueProps props, const char* text) {
    EXPECT_THAT([&] { stack.add<sqs::Queue>(id, std::move(props)); },
                ::testing::ThrowsMessage<cdk::Error>(AllOf(HasSubstr(std::string("Stack/") + id), HasSubstr(text))))
        << id;
  }
};

TEST_F(QueueTest, IsSseSqsEncryptedDeletedOnRemovalAndTlsOnlyByDefault) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(queue.cfn_queue()), "Queue4A7E3555");  // aws-cdk-lib's id for Stack/Queue/Resource
  t.has_resource("AWS::SQS::Queue", Match::object_like({
      {"DeletionPolicy", "Delete"}, {"UpdateReplacePolicy", "Delete"},
      {"Properties", Match::object_equals({{"SqsManagedSseEnabled", true}})}}));
  EXPECT_EQ(t.find_resources("AWS::SQS::QueuePolicy"), std::vector<std::string>{"QueuePolicy25439813"});
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_equals({
      {"Queues", Match::array_equals({ref_to("Queue4A7E3555")})},
      {"PolicyDocument", Match::object_equals({{"Version", "2012-10-17"}, {"Statement", Match::array_equals({
          Match::object_equals({{"Effect", "Deny"}, {"Principal", Match::object_equals({{"AWS", "*"}})},
                                {"Action", "sqs:*"}, {"Resource", get_att("Queue4A7E3555", "Arn")},
                                {"Condition", Match::object_equals({{"Bool", Match::object_equals({
                                    {"aws:SecureTransport", "false"}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, ExposesUrlArnAndNameAttributes) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  stack.add<cdk::CfnOutput>("Url", {.value = queue.queue_url()});
  stack.add<cdk::CfnOutput>("Arn", {.value = queue.queue_arn()});
  stack.add<cdk::CfnOutput>("Name", {.value = queue.queue_name()});
  auto t = Template::from_stack(stack);
  t.has_output("Url", Match::object_like({{"Value", ref_to("Queue4A7E3555")}}));
  t.has_output("Arn", Match::object_like({{"Value", get_att("Queue4A7E3555", "Arn")}}));
  t.has_output("Name", Match::object_like({{"Value", get_att("Queue4A7E3555", "QueueName")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, RendersTimingsSizeAndADeadLetterQueue) {
  auto& dlq = stack.add<sqs::Queue>("Dlq", {.retention_period_seconds = 1209600});
  stack.add<sqs::Queue>("Queue", {.queue_name = "jobs", .visibility_timeout_seconds = 300,
                                  .retention_period_seconds = 86400, .delivery_delay_seconds = 10,
                                  .receive_message_wait_time_seconds = 20, .max_message_size_bytes = 2048,
                                  .dead_letter_queue = sqs::DeadLetterQueue{.queue = dlq, .max_receive_count = 5}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SQS::Queue", Match::object_equals({
      {"QueueName", "jobs"}, {"SqsManagedSseEnabled", true}, {"VisibilityTimeout", 300},
      {"MessageRetentionPeriod", 86400}, {"DelaySeconds", 10}, {"ReceiveMessageWaitTimeSeconds", 20},
      {"MaximumMessageSize", 2048},
      {"RedrivePolicy", Match::object_equals({{"deadLetterTargetArn", get_att("DlqD1FAA4AD", "Arn")},
                                              {"maxReceiveCount", 5}})}}));
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"MessageRetentionPeriod", 1209600}}));
  t.resource_count_is("AWS::SQS::QueuePolicy", 2);  // one TLS-only policy per queue: DlqPolicyF16811D6, QueuePolicy25439813
  EXPECT_EQ(t.find_resources("AWS::SQS::QueuePolicy"), (std::vector<std::string>{"DlqPolicyF16811D6", "QueuePolicy25439813"}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, FifoQueuesComeFromTheFlagTheNameOrContentBasedDeduplication) {
  auto& by_flag = stack.add<sqs::Queue>("ByFlag", {.fifo = true});
  auto& by_name = stack.add<sqs::Queue>("ByName", {.queue_name = "orders.fifo"});
  auto& by_dedup = stack.add<sqs::Queue>("ByDedup", {.content_based_deduplication = true,
      .dead_letter_queue = sqs::DeadLetterQueue{.queue = by_name, .max_receive_count = 3}});
  EXPECT_TRUE(by_flag.fifo());
  EXPECT_TRUE(by_name.fifo());
  EXPECT_TRUE(by_dedup.fifo());
  EXPECT_FALSE(stack.add<sqs::Queue>("Standard").fifo());
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SQS::Queue", Match::object_equals({{"FifoQueue", true}, {"SqsManagedSseEnabled", true}}));
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"QueueName", "orders.fifo"}, {"FifoQueue", true}}));
  t.has_resource_properties("AWS::SQS::Queue", Match::object_like({{"FifoQueue", true}, {"ContentBasedDeduplication", true}}));
  t.resource_properties_count_is("AWS::SQS::Queue", Match::object_like({{"FifoQueue", Match::absent()}}), 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, EncryptionChoicesAndDroppingTheTlsPolicy) {
  stack.add<sqs::Queue>("Kms", {.encryption = sqs::QueueEncryption::Kms, .encryption_key_arn = key_arn,
                                .data_key_reuse_seconds = 3600});
  stack.add<sqs::Queue>("Managed", {.encryption = sqs::QueueEncryption::KmsManaged});
  stack.add<sqs::Queue>("Plain", {.encryption = sqs::QueueEncryption::Unencrypted, .enforce_ssl = false,
                                  .removal_policy = cdk::RemovalPolicy::Retain});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SQS::Queue", Match::object_equals({{"KmsMasterKeyId", key_arn},
                                                                     {"KmsDataKeyReusePeriodSeconds", 3600}}));
  t.has_resource_properties("AWS::SQS::Queue", Match::object_equals({{"KmsMasterKeyId", "alias/aws/sqs"}}));
  t.has_resource("AWS::SQS::Queue", Match::object_like({{"DeletionPolicy", "Retain"},
      {"Properties", Match::object_equals({{"SqsManagedSseEnabled", false}})}}));
  t.resource_count_is("AWS::SQS::QueuePolicy", 2);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, GrantsUseTheAwsCdkActionListsAndTheCustomerKey) {
  auto& queue = stack.add<sqs::Queue>("Queue", {.encryption = sqs::QueueEncryption::Kms, .encryption_key_arn = key_arn});
  auto& r = role();
  queue.grant_send_messages(r);
  queue.grant_consume_messages(r);
  queue.grant_purge(r);
  auto t = Template::from_stack(stack);
  const auto arn = get_att("Queue4A7E3555", "Arn");
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_equals({{"Effect", "Allow"}, {"Resource", arn},
              {"Action", Match::array_equals({"sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"})}}),
          Match::object_equals({{"Effect", "Allow"}, {"Resource", key_arn},
              {"Action", Match::array_equals({"kms:Decrypt", "kms:GenerateDataKey"})}}),
          Match::object_equals({{"Effect", "Allow"}, {"Resource", arn},
              {"Action", Match::array_equals({"sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                                              "sqs:DeleteMessage", "sqs:GetQueueAttributes"})}}),
          Match::object_equals({{"Effect", "Allow"}, {"Resource", key_arn}, {"Action", "kms:Decrypt"}}),
          Match::object_equals({{"Effect", "Allow"}, {"Resource", arn},
              {"Action", Match::array_equals({"sqs:PurgeQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, GrantsOnAnSqsManagedQueueNeedNoKeyStatements) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  auto& r = role();
  queue.grant_send_messages(r);
  queue.grant_consume_messages(r);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({{"Action", Match::array_with({"sqs:SendMessage"})}}),
                                         Match::object_like({{"Action", Match::array_with({"sqs:ReceiveMessage"})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, MetricsWatchTheQueueByNameWithTheMaximum) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  const auto visible = queue.metric_approximate_number_of_messages_visible();
  EXPECT_EQ(visible.namespace_, "AWS/SQS");
  EXPECT_EQ(visible.metric_name, "ApproximateNumberOfMessagesVisible");
  EXPECT_EQ(visible.statistic, "Maximum");
  EXPECT_EQ(visible.period_seconds, 300);
  stack.add<cdk::cloudwatch::Alarm>("Backlog", {.metric = queue.metric_approximate_age_of_oldest_message(),
                                                .threshold = 600});
  stack.add<cdk::cloudwatch::Alarm>("Depth", {.metric = visible, .threshold = 1000});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"Namespace", "AWS/SQS"}, {"MetricName", "ApproximateAgeOfOldestMessage"}, {"Statistic", "Maximum"},
      {"Period", 300}, {"Threshold", 600},
      {"Dimensions", Match::array_equals({Match::object_equals({{"Name", "QueueName"},
                                                                {"Value", get_att("Queue4A7E3555", "QueueName")}})})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"MetricName", "ApproximateNumberOfMessagesVisible"}, {"Threshold", 1000}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, ResourcePolicyStatementsJoinTheTlsPolicy) {
  auto& queue = stack.add<sqs::Queue>("Queue");
  EXPECT_THAT([&] { queue.add_to_resource_policy({.actions = {"sqs:SendMessage"}, .resources = {queue.queue_arn()}}); },
              ::testing::ThrowsMessage<cdk::Error>(AllOf(HasSubstr("Stack/Queue"), HasSubstr("principal"))));
  EXPECT_THAT([&] { queue.add_to_resource_policy({.principals = cdk::Value::map({{"AWS", "*"}})}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("actions and resources")));
  queue.add_to_resource_policy({.actions = {"sqs:SendMessage"}, .resources = {queue.queue_arn()},
                                .principals = cdk::Value::map({{"Service", "events.amazonaws.com"}})});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::SQS::QueuePolicy", 1);
  t.has_resource_properties("AWS::SQS::QueuePolicy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({{"Effect", "Deny"}}),
          Match::object_like({{"Effect", "Allow"}, {"Action", "sqs:SendMessage"},
                              {"Principal", Match::object_equals({{"Service", "events.amazonaws.com"}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(QueueTest, RejectsValuesOutsideSqsRangesNamingThePathAndField) {
  expect_error("Visibility", {.visibility_timeout_seconds = 43201}, "visibility_timeout_seconds 43,201 s is outside SQS's range 0-43,200");
  expect_error("VisibilityNeg", {.visibility_timeout_seconds = -1}, "visibility_timeout_seconds");
  expect_error("RetentionLow", {.retention_period_seconds = 59}, "retention_period_seconds 59 s is outside SQS's range 60-1,209,600");
  expect_error("RetentionHigh", {.retention_period_seconds = 1209601}, "retention_period_seconds");
  expect_error("Delay", {.delivery_delay_seconds = 901}, "delivery_delay_seconds 901 s is outside SQS's range 0-900");
  expect_error("Wait", {.receive_message_wait_time_seconds = 21}, "receive_message_wait_time_seconds 21 s is outside SQS's range 0-20");
  expect_error("SizeLow", {.max_message_size_bytes = 1023}, "max_message_size_bytes 1,023 bytes is outside SQS's range 1,024-1,048,576");
  expect_error("SizeHigh", {.max_message_size_bytes = 1048577}, "max_message_size_bytes");
  expect_error("Reuse", {.encryption = sqs::QueueEncryption::KmsManaged, .data_key_reuse_seconds = 59}, "data_key_reuse_seconds");
  // The ends of each range are accepted.
  stack.add<sqs::Queue>("Edges", {.visibility_timeout_seconds = 43200, .retention_period_seconds = 60,
                                  .delivery_delay_seconds = 900, .receive_message_wait_time_seconds = 0,
                                  .max_message_size_bytes = 1024});
}

TEST_F(QueueTest, RejectsBadNamesAndFifoMismatchesNamingThePath) {
  expect_error("Long", {.queue_name = std::string(81, 'a')}, "longer than 80 characters");
  expect_error("Dots", {.queue_name = "my.queue"}, "only letters, digits");
  expect_error("FifoName", {.queue_name = "orders", .fifo = true}, "does not end in \".fifo\"");
  expect_error("DedupName", {.queue_name = "orders", .content_based_deduplication = true}, "does not end in \".fifo\"");
}

TEST_F(QueueTest, RejectsInconsistentEncryptionNamingThePath) {
  expect_error("NoKey", {.encryption = sqs::QueueEncryption::Kms}, "needs encryption_key_arn");
  expect_error("StrayKey", {.encryption_key_arn = key_arn}, "not QueueEncryption::Kms");
  expect_error("ReuseSse", {.data_key_reuse_seconds = 300}, "SSE-KMS only");
}

TEST_F(QueueTest, RejectsBadDeadLetterQueuesNamingThePath) {
  auto& standard = stack.add<sqs::Queue>("Standard");
  auto& fifo = stack.add<sqs::Queue>("Fifo", {.fifo = true});
  expect_error("NoQueue", {.dead_letter_queue = sqs::DeadLetterQueue{.max_receive_count = 5}}, "has no queue");
  expect_error("Zero", {.dead_letter_queue = sqs::DeadLetterQueue{.queue = standard}}, "max_receive_count 0 is outside SQS's range 1-1000");
  expect_error("TooMany", {.dead_letter_queue = sqs::DeadLetterQueue{.queue = standard, .max_receive_count = 1001}}, "1-1000");
  expect_error("Mixed", {.dead_letter_queue = sqs::DeadLetterQueue{.queue = fifo, .max_receive_count = 5}},
               "a standard queue needs a standard dead-letter queue, and Stack/Fifo is not one");
  expect_error("MixedFifo", {.fifo = true, .dead_letter_queue = sqs::DeadLetterQueue{.queue = standard, .max_receive_count = 5}},
               "a FIFO queue needs a FIFO dead-letter queue");
}

}  // namespace
