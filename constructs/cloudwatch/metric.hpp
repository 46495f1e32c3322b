#pragma once
/// cdk::cloudwatch::Metric: which CloudWatch metric an alarm watches or a
/// dashboard draws, and how its data points are aggregated. A plain value type.
///
///   cdk::cloudwatch::Metric cpu{.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization",
///                               .dimensions = {{"AutoScalingGroupName", asg.name()}},
///                               .statistic = "Average", .period_seconds = 60};
///
/// A Metric is also what alarms, widgets and scaling take for a math or search
/// expression: a MathExpression or SearchExpression (math_expression.hpp)
/// converts to a Metric whose `expression` is set, so one field takes either.
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/value.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cdk::cloudwatch {

struct Metric {
  std::string namespace_{};      ///< e.g. "AWS/EC2"; required (unless an expression)
  std::string metric_name{};     ///< e.g. "CPUUtilization"; required (unless an expression)
  List<std::pair<std::string, Value>> dimensions{};         ///< name -> value (up to 30); default none
  std::string statistic = "Average";  ///< Average, Sum, Minimum, Maximum, SampleCount or a percentile like "p99"; default Average
  std::int64_t period_seconds = 300;  ///< 10, 30 or a multiple of 60; default 300 (five minutes), like the AWS CDK
  std::string unit{};            ///< e.g. "Percent"; default none (any unit)
  std::string label{};           ///< legend text on a dashboard, and of an expression in an alarm; default CloudWatch's
  std::string color{};           ///< line colour on a dashboard, "#1f77b4"; default CloudWatch's
  /// A math or search expression instead of a metric: set by converting a
  /// MathExpression or SearchExpression, which is how to make one; default none (a metric).
  Optional<std::string> expression{};
  /// The metrics (or expressions) that `expression` names, id -> metric; default none.
  /// A std::vector: Metric is not complete here, and List's special members
  /// would need it to be (clang rejects it).
  std::vector<std::pair<std::string, Metric>> using_metrics{};

  /// True when this is a math or search expression rather than a metric.
  [[nodiscard]] bool is_expression() const noexcept { return expression.has_value(); }

  /// A copy with another statistic or period: `cpu.with("Maximum", 60)`.
  [[nodiscard]] Metric with(std::string new_statistic, std::int64_t new_period_seconds = 0) const {
    Metric m = *this;
    m.statistic = std::move(new_statistic);
    if (new_period_seconds != 0) m.period_seconds = new_period_seconds;
    return m;
  }
};

}  // namespace cdk::cloudwatch

CDKPP_EXTERN_VECTOR(cdk::cloudwatch::Metric);
CDKPP_EXTERN_VECTOR(std::pair<std::string, cdk::cloudwatch::Metric>);
