#pragma once
// Metric math inside alarms and widgets: the checks of an expression and the
// flat list of queries that both render, as aws-cdk-lib's MetricSet builds it
// (one entry per distinct metric, nested expressions after their parent).
// Internal.
#include <cdk/cloudwatch/metric.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cdk::cloudwatch::detail {

/// What is wrong with a metric or expression, for an Error.
struct Problem {
  std::string message;
  std::string hint;
};

/// True when the expression text calls SEARCH(), which alarms refuse.
[[nodiscard]] bool is_search(const std::string& expression);

/// The same metric as aws-cdk-lib's metricKey sees it: namespace, name,
/// dimensions, statistic, period (not the unit), or expression and its metrics (labels
/// and colours aside).
[[nodiscard]] bool same_metric(const Metric& a, const Metric& b);

/// The first problem of an expression (`m.is_expression()`) and of what it
/// uses: empty text, bad or clashing ids, a metric without a name or with an
/// unknown statistic, SEARCH in an alarm. nullopt when it is fine.
[[nodiscard]] std::optional<Problem> expression_problem(const Metric& m, bool in_alarm);

/// Which axis a top-level metric is drawn on; None for metrics only used by an expression.
enum class Axis : std::uint8_t { None, Left, Right };

/// One query: a metric or expression, its id (empty for a top-level one) and
/// its depth (1 for what the caller passed, 2 for what that uses, ...).
struct Query {
  const Metric* metric = nullptr;
  std::string id;
  int level = 1;
  Axis axis = Axis::None;
};

/// The queries of the given top-level metrics; `clash` names an id that two
/// different metrics share (then the list is incomplete).
struct QuerySet {
  std::vector<Query> queries;
  std::string clash;
};
[[nodiscard]] QuerySet flatten(const std::vector<std::pair<const Metric*, Axis>>& top);

/// CloudWatch's limits on an alarm's Metrics: at most 10 metrics and 10 expressions.
inline constexpr std::size_t max_alarm_metrics = 10;
inline constexpr std::size_t max_alarm_expressions = 10;

}  // namespace cdk::cloudwatch::detail
