// A topic's CloudWatch metrics, as aws-cdk-lib's Topic names them.
#include <cdk/sns/topic.hpp>

#include <utility>

namespace cdk::sns {

cloudwatch::Metric Topic::metric(std::string name, std::string statistic) const {
  return {.namespace_ = "AWS/SNS",
          .metric_name = std::move(name),
          .dimensions = {{"TopicName", topic_name()}},
          .statistic = std::move(statistic)};
}
cloudwatch::Metric Topic::metric_number_of_messages_published() const { return metric("NumberOfMessagesPublished"); }
cloudwatch::Metric Topic::metric_number_of_notifications_delivered() const {
  return metric("NumberOfNotificationsDelivered");
}
cloudwatch::Metric Topic::metric_number_of_notifications_failed() const { return metric("NumberOfNotificationsFailed"); }
cloudwatch::Metric Topic::metric_number_of_notifications_filtered_out() const {
  return metric("NumberOfNotificationsFilteredOut");
}
cloudwatch::Metric Topic::metric_publish_size() const { return metric("PublishSize", "Average"); }

}  // namespace cdk::sns
