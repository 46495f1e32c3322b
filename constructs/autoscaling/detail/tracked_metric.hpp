#pragma once
// Internal: the metric that target tracking follows (Auto Scaling groups and
// Application Auto Scaling alike): its check and its rendering. Not a public header.
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/cloudwatch/metric.hpp>

#include <string>
#include <utility>

namespace cdk::autoscaling::detail {

/// Throws cdk::Error at `path` unless the metric has a namespace, a name and a
/// statistic target tracking takes (Average, Minimum, Maximum, Sum, SampleCount:
/// no percentiles, as in the AWS CDK), or is a math expression an alarm could
/// watch (target tracking makes its alarms on it).
void check_tracked_metric(const std::string& path, const cloudwatch::Metric& metric);

/// A math expression as either service's CustomizedMetricSpecification:
/// Metrics (TargetTrackingMetricDataQuery), ReturnData on the expression only.
/// aws-cdk-lib has no such rendering; the fields are CloudFormation's.
template <class Spec>
Spec customized_math(const cloudwatch::Metric& expression) {
  Spec spec;
  using Query = typename decltype(spec.metrics)::value_type;
  using Stat = typename decltype(Query{}.metric_stat)::value_type;
  using StatMetric = typename decltype(Stat{}.metric)::value_type;
  for (const auto& q : cloudwatch::metric_queries(expression)) {
    Query out;
    out.id = q.id;
    if (!q.metric.label.empty()) out.label = q.metric.label;
    if (q.metric.is_expression()) {
      out.expression = *q.metric.expression;
    } else {
      StatMetric metric;
      for (const auto& [name, value] : q.metric.dimensions) {
        typename decltype(metric.dimensions)::value_type d;
        d.name = name;
        d.value = value;
        metric.dimensions.push_back(std::move(d));
      }
      metric.metric_name = q.metric.metric_name;
      metric.namespace_ = q.metric.namespace_;
      Stat stat;
      stat.metric = std::move(metric);
      stat.stat = q.metric.statistic;
      if (!q.metric.unit.empty()) stat.unit = q.metric.unit;
      out.metric_stat = std::move(stat);
    }
    out.return_data = q.return_data;
    spec.metrics.push_back(std::move(out));
  }
  return spec;
}

/// The metric as either service's CustomizedMetricSpecification (the AWS CDK's
/// renderCustomMetric: the metric without its period); a math expression as
/// customized_math renders it.
template <class Spec>
Spec customized_metric(const cloudwatch::Metric& m) {
  if (m.is_expression()) return customized_math<Spec>(m);
  Spec spec;
  for (const auto& [name, value] : m.dimensions) {
    typename decltype(spec.dimensions)::value_type d;
    d.name = name;
    d.value = value;
    spec.dimensions.push_back(std::move(d));
  }
  spec.metric_name = m.metric_name;
  spec.namespace_ = m.namespace_;
  spec.statistic = m.statistic;
  if (!m.unit.empty()) spec.unit = m.unit;
  return spec;
}

}  // namespace cdk::autoscaling::detail
