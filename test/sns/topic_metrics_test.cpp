// A topic's CloudWatch metrics: aws-cdk-lib 2.278.0's names and statistics, on TopicName.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/sns/topic.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/lint.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
namespace cw = cdk::cloudwatch;

TEST(TopicMetricsTest, DeliveryMetricsAreSumsOnTheTopicsName) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& topic = stack.add<cdk::sns::Topic>("Alerts");
  const std::pair<cw::Metric, const char*> sums[] = {
      {topic.metric_number_of_messages_published(), "NumberOfMessagesPublished"},
      {topic.metric_number_of_notifications_delivered(), "NumberOfNotificationsDelivered"},
      {topic.metric_number_of_notifications_failed(), "NumberOfNotificationsFailed"},
      {topic.metric_number_of_notifications_filtered_out(), "NumberOfNotificationsFilteredOut"}};
  for (const auto& [m, name] : sums) {
    SCOPED_TRACE(name);
    EXPECT_EQ(m.namespace_, "AWS/SNS");
    EXPECT_EQ(m.metric_name, name);
    EXPECT_EQ(m.statistic, "Sum");
    EXPECT_EQ(m.period_seconds, 300);
  }
  EXPECT_EQ(topic.metric_publish_size().statistic, "Average");
  stack.add<cw::Alarm>("Failed", {.metric = topic.metric_number_of_notifications_failed(), .threshold = 1});
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      Match::object_like(
          {{"MetricName", "NumberOfNotificationsFailed"},
           {"Statistic", "Sum"},
           {"Dimensions",
            Match::array_equals({Match::object_equals(
                {{"Name", "TopicName"},
                 {"Value", Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(topic.cfn_topic()), "TopicName"})}})}})})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
