#include <cdk/autoscaling/detail/tracked_metric.hpp>

#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/error.hpp>

namespace cdk::autoscaling::detail {

void check_tracked_metric(const std::string& path, const cloudwatch::Metric& m) {
  if (m.is_expression()) {
    cloudwatch::check_alarm_expression(path, m);
    return;
  }
  if (m.namespace_.empty() || m.metric_name.empty())
    throw Error(path, "the tracked metric needs a namespace and a metric name",
                "e.g. {.namespace_ = \"AWS/SQS\", .metric_name = \"ApproximateNumberOfMessagesVisible\"}");
  const auto& s = m.statistic;
  if (s != "Average" && s != "Minimum" && s != "Maximum" && s != "Sum" && s != "SampleCount")
    throw Error(path, "target tracking cannot follow statistic \"" + s + "\"",
                "use Average, Minimum, Maximum, Sum or SampleCount");
}

}  // namespace cdk::autoscaling::detail
