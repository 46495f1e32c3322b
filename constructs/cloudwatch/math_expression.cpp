#include <cdk/cloudwatch/math_expression.hpp>

#include <cdk/cloudwatch/detail/expression.hpp>
#include <cdk/error.hpp>

#include <string>
#include <utility>

namespace cdk::cloudwatch {

namespace {

// As the AWS CDK does: the expression's period replaces the periods of what it
// uses, all the way down.
void set_periods(std::vector<std::pair<std::string, Metric>>& metrics, std::int64_t period) {
  for (auto& [id, m] : metrics) {
    m.period_seconds = period;
    set_periods(m.using_metrics, period);
  }
}

Metric expression_metric(std::string expression, std::string label, std::string color, std::int64_t period) {
  Metric m;
  m.statistic.clear();
  m.expression = std::move(expression);
  m.label = std::move(label);
  m.color = std::move(color);
  m.period_seconds = period;
  return m;
}

}  // namespace

MathExpression::operator Metric() const {
  Metric m = expression_metric(expression, label, color, period_seconds);
  m.using_metrics = using_metrics;
  set_periods(m.using_metrics, period_seconds);
  return m;
}

SearchExpression::operator Metric() const { return expression_metric(expression, label, color, period_seconds); }

std::vector<MetricQuery> metric_queries(const Metric& expression) {
  std::vector<MetricQuery> out;
  int unnamed = 0;
  for (const auto& q : detail::flatten({{&expression, detail::Axis::Left}}).queries)
    out.push_back({.id = q.id.empty() ? "expr_" + std::to_string(++unnamed) : q.id,
                   .metric = *q.metric,
                   .return_data = q.level <= 1});
  return out;
}

// PutMetricAlarm takes at most 10 MetricStat and 10 Expression queries.
void check_alarm_expression(const std::string& path, const Metric& m) {
  if (auto problem = detail::expression_problem(m, true)) throw Error(path, problem->message, problem->hint);
  const auto set = detail::flatten({{&m, detail::Axis::Left}});
  if (!set.clash.empty())
    throw Error(path, "the id \"" + set.clash + "\" names two different metrics", "rename one of them");
  std::size_t metrics = 0;
  for (const auto& q : set.queries) metrics += q.metric->is_expression() ? 0 : 1;
  const auto expressions = set.queries.size() - metrics;
  if (metrics > detail::max_alarm_metrics)
    throw Error(path, "the alarm's math expression uses " + std::to_string(metrics) + " metrics",
                "CloudWatch alarms take at most 10: combine alarms with a composite alarm, or pre-aggregate");
  if (expressions > detail::max_alarm_expressions)
    throw Error(path, "the alarm's math uses " + std::to_string(expressions) + " expressions",
                "CloudWatch alarms take at most 10 expressions");
}

}  // namespace cdk::cloudwatch
