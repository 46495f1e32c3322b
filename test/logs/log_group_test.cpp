// logs::LogGroup: retention, removal policy, grants, errors.
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/logs/log_group.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace logs = cdk::logs;

class LogGroupTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
};

TEST_F(LogGroupTest, KeepsEventsTwoYearsAndIsRetainedByDefault) {
  stack.add<logs::LogGroup>("Logs");
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::Logs::LogGroup", Match::object_like({
      {"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"},
      {"Properties", Match::object_equals({{"RetentionInDays", 731}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LogGroupTest, RendersNameRetentionKeyClassAndRemovalPolicy) {
  stack.add<logs::LogGroup>("Logs", {.log_group_name = "/app/web", .retention = logs::RetentionDays::OneMonth,
                                     .encryption_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                     .log_group_class = logs::LogGroupClass::InfrequentAccess,
                                     .removal_policy = cdk::RemovalPolicy::Delete});
  stack.add<logs::LogGroup>("Forever", {.retention = logs::RetentionDays::Infinite});
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::Logs::LogGroup", Match::object_like({
      {"DeletionPolicy", "Delete"},
      {"Properties", Match::object_equals({{"LogGroupName", "/app/web"}, {"RetentionInDays", 30},
          {"KmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
          {"LogGroupClass", "INFREQUENT_ACCESS"}})}}));
  t.has_resource("AWS::Logs::LogGroup", Match::object_like({{"DeletionPolicy", "Retain"}, {"Properties", Match::absent()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LogGroupTest, GrantWriteAllowsCreatingStreamsAndPuttingEvents) {
  auto& group = stack.add<logs::LogGroup>("Logs");
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  group.grant_write(role);
  group.grant_read(role);
  auto t = Template::from_stack(stack);
  const auto arn = Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(group.cfn_log_group()), "Arn"})}});
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_like({{"Action", Match::array_equals({"logs:CreateLogStream", "logs:PutLogEvents"})}, {"Resource", arn}}),
          Match::object_like({{"Action", Match::array_with({"logs:GetLogEvents"})}, {"Resource", arn}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(LogGroupTest, RejectsBadNamesAndRetentionsNamingThePath) {
  EXPECT_THAT([&] { stack.add<logs::LogGroup>("Bad", {.log_group_name = "has space"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("does not allow")));
  EXPECT_THAT([&] { stack.add<logs::LogGroup>("Long", {.log_group_name = std::string(513, 'a')}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("512")));
  try {
    stack.add<logs::LogGroup>("Odd", {.retention = static_cast<logs::RetentionDays>(42)});
    ADD_FAILURE() << "42 days accepted";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/Odd");
    EXPECT_THAT(e.what(), HasSubstr("42 days"));
  }
}

}  // namespace

// logs::MetricFilter feeding a cloudwatch::Alarm.
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/logs/metric_filter.hpp>

namespace {

TEST_F(LogGroupTest, MetricFilterCountsMatchesIntoAMetricAnAlarmCanWatch) {
  auto& group = stack.add<logs::LogGroup>("Logs");
  auto& errors = stack.add<logs::MetricFilter>("Errors", {.log_group = group, .filter_pattern = "?ERROR ?Exception",
                                                          .metric_namespace = "Web", .metric_name = "Errors",
                                                          .default_value = 0});
  stack.add<cdk::cloudwatch::Alarm>("ErrorAlarm", {.metric = errors.metric("Sum", 60), .threshold = 1});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Logs::MetricFilter", Match::object_equals({
      {"FilterPattern", "?ERROR ?Exception"},
      {"LogGroupName", Match::object_equals({{"Ref", t.logical_id(group.cfn_log_group())}})},
      {"MetricTransformations", Match::array_equals({Match::object_equals({
          {"DefaultValue", 0}, {"MetricName", "Errors"}, {"MetricNamespace", "Web"}, {"MetricValue", "1"}})})}}));
  t.has_resource_properties("AWS::CloudWatch::Alarm", Match::object_like({
      {"Namespace", "Web"}, {"MetricName", "Errors"}, {"Statistic", "Sum"}, {"Period", 60}}));
  cdk::testing::keep_for_lint(stack);
  EXPECT_THAT([&] { stack.add<logs::MetricFilter>("NoGroup", {.metric_namespace = "Web", .metric_name = "E"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("Stack/NoGroup")));
  EXPECT_THAT([&] { stack.add<logs::MetricFilter>("Aws", {.log_group = group, .metric_namespace = "AWS/EC2", .metric_name = "E"}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("reserved")));
}

}  // namespace
