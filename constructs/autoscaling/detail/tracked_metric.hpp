#pragma once
// Internal: the metric that target tracking follows (Auto Scaling groups and
// Application Auto Scaling alike): its check and its rendering. Not a public header.
#include <cdk/cloudwatch/metric.hpp>

#include <string>
#include <utility>

namespace cdk::autoscaling::detail {

/// Throws cdk::Error at `path` unless the metric has a namespace, a name and a
/// statistic target tracking takes (Average, Minimum, Maximum, Sum, SampleCount:
/// no percentiles, as in the AWS CDK).
void check_tracked_metric(const std::string& path, const cloudwatch::Metric& metric);

/// The metric as either service's CustomizedMetricSpecification (the AWS CDK's
/// renderCustomMetric: the metric without its period).
template <class Spec>
Spec customized_metric(const cloudwatch::Metric& m) {
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
