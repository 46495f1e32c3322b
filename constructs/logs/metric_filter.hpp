#pragma once
/// cdk::logs::MetricFilter: turns matching log events into a CloudWatch metric,
/// so an alarm can watch them.
///
///   auto& errors = stack.add<cdk::logs::MetricFilter>("Errors", {
///       .log_group = app_logs, .filter_pattern = "?ERROR ?Exception",
///       .metric_namespace = "Web", .metric_name = "Errors"});
///   stack.add<cdk::cloudwatch::Alarm>("ErrorAlarm", {.metric = errors.metric("Sum", 60), .threshold = 1});
///
/// Like the AWS CDK, each match counts 1 unless metric_value names a field
/// ("$.latency"). The filter pattern syntax is CloudWatch Logs'; an empty
/// pattern matches every event.
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/construct.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <string>

namespace cdk::logs {

class CfnMetricFilter;
class LogGroup;

struct MetricFilterProps {
  Ptr<LogGroup> log_group{};          ///< the group to watch; required
  std::string filter_pattern{};       ///< e.g. "ERROR" or "{ $.status >= 500 }"; default "" (every event)
  std::string metric_namespace{};     ///< required
  std::string metric_name{};          ///< required
  std::string metric_value = "1";     ///< per match, a number or a field like "$.latency"; default "1"
  Optional<double> default_value{};       ///< emitted when nothing matches; default none (no data)
  std::string unit{};                 ///< e.g. "Count"; default none
};

class MetricFilter : public Construct {
 public:
  using Props = MetricFilterProps;
  MetricFilter(Construct& scope, std::string_view id, const MetricFilterProps& props);

  /// The metric this filter publishes, for an Alarm: `filter.metric("Sum", 60)`.
  [[nodiscard]] cloudwatch::Metric metric(std::string statistic = "Sum", std::int64_t period_seconds = 300) const;
  [[nodiscard]] CfnMetricFilter& cfn_metric_filter() noexcept { return *resource_; }

 private:
  MetricFilterProps props_;
  CfnMetricFilter* resource_ = nullptr;
};

}  // namespace cdk::logs
