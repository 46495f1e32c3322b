#include <cdk/cloudwatch/math_expression.hpp>

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

}  // namespace cdk::cloudwatch
