#pragma once
/// cdk::cloudwatch::MathExpression and SearchExpression: metric math over other
/// metrics, and CloudWatch's SEARCH() over every metric that matches. Both are
/// plain values that convert to a Metric, so an Alarm, a widget or scaling takes
/// them where it takes a metric:
///
///   cdk::cloudwatch::MathExpression error_rate{
///       .expression = "100 * errors / requests",
///       .using_metrics = {{"errors", alb.metric_http_code_target(cdk::elbv2::HttpCodeTarget::Target5xxCount)},
///                         {"requests", alb.metric_request_count()}},
///       .label = "5xx rate (%)", .period_seconds = 60};
///   stack.add<cdk::cloudwatch::Alarm>("ErrorRate", {.metric = error_rate, .threshold = 5});
///   dashboard.add_widgets(cdk::cloudwatch::GraphWidget{.left = {error_rate}});
///
/// As in the AWS CDK, the expression's period replaces the periods of its metrics (their own statistics
/// stay). Ids start with a lowercase letter and hold letters, digits and underscores; one id names one
/// metric across nested expressions. Alarms take at most 10 metrics and 10 expressions (CloudWatch's
/// limits), and no SEARCH: a search expression is for dashboards only. Rendered as aws-cdk-lib renders
/// them: the alarm's Metrics with ReturnData true on the expression only; a graph's expression with its
/// metrics hidden. Not supported: cross-account or cross-region search (searchAccount, searchRegion),
/// Metrics Insights queries, anomaly detection bands.
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cdk::cloudwatch {

struct MathExpression {
  std::string expression{};      ///< e.g. "errors / requests"; required
  List<std::pair<std::string, Metric>> using_metrics{};         ///< id -> metric or expression it names; default none
  std::string label{};           ///< legend text and the alarm's label; default the expression (on a graph)
  std::int64_t period_seconds = 300;  ///< replaces the periods of using_metrics; default 300
  std::string color{};           ///< line colour on a dashboard; default CloudWatch's

  /// The Metric that alarms, widgets and scaling take (implicit by design).
  operator Metric() const;  // NOLINT(google-explicit-constructor)
};

/// SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average'):
/// every line the search finds, on a graph. CloudWatch refuses it in alarms.
struct SearchExpression {
  std::string expression{};      ///< a SEARCH(...) expression; required
  std::string label{};           ///< default the expression
  std::int64_t period_seconds = 300;  ///< default 300
  std::string color{};           ///< default CloudWatch's

  operator Metric() const;  // NOLINT(google-explicit-constructor)
};

/// One query of an expression as CloudWatch evaluates it (an alarm's Metrics,
/// target tracking's Metrics).
struct MetricQuery {
  std::string id;            ///< its id in using_metrics, or "expr_1", "expr_2", ... for one without
  Metric metric;             ///< a metric or an expression
  bool return_data = false;  ///< true for the expression watched only
};

/// The expression and everything it uses, each distinct metric once, in
/// aws-cdk-lib's order (the expression first, then depth first).
[[nodiscard]] std::vector<MetricQuery> metric_queries(const Metric& expression);

/// Throws the cdk::Error (at `path`) that an alarm on this expression would
/// meet: empty text, bad or clashing ids, SEARCH, over 10 metrics or 10 expressions.
void check_alarm_expression(const std::string& path, const Metric& expression);

}  // namespace cdk::cloudwatch

CDKPP_EXTERN_VECTOR(cdk::cloudwatch::MetricQuery);
