#include <cdk/logs/metric_filter.hpp>

#include <cdk/logs/cfn_metric_filter.hpp>
#include <cdk/logs/log_group.hpp>

#include <string>

namespace cdk::logs {

MetricFilter::MetricFilter(Construct& scope, std::string_view id, const MetricFilterProps& props)
    : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  if (!props_.log_group) throw Error(path, "the metric filter has no log_group", "set .log_group");
  if (props_.metric_namespace.empty() || props_.metric_name.empty())
    throw Error(path, "the metric filter needs metric_namespace and metric_name", "e.g. \"Web\" and \"Errors\"");
  if (props_.metric_namespace.rfind("AWS/", 0) == 0)
    throw Error(path, "metric namespace \"" + props_.metric_namespace + "\" is reserved for AWS services",
                "use your own namespace, e.g. \"Web\"");
  if (props_.filter_pattern.size() > 1024)
    throw Error(path, "the filter pattern is longer than 1024 characters", "shorten it");
  if (props_.metric_value.empty()) throw Error(path, "metric_value is empty", "use \"1\" to count matches");
  CfnMetricFilter::Props l1;
  l1.log_group_name = props_.log_group->log_group_name();
  l1.filter_pattern = props_.filter_pattern;
  CfnMetricFilter::MetricTransformationProperty mt;
  mt.metric_namespace = props_.metric_namespace;
  mt.metric_name = props_.metric_name;
  mt.metric_value = props_.metric_value;
  if (props_.default_value) mt.default_value = *props_.default_value;
  if (!props_.unit.empty()) mt.unit = props_.unit;
  l1.metric_transformations.push_back(std::move(mt));
  resource_ = &add<CfnMetricFilter>("Resource", std::move(l1));
}

cloudwatch::Metric MetricFilter::metric(std::string statistic, std::int64_t period_seconds) const {
  return {.namespace_ = props_.metric_namespace, .metric_name = props_.metric_name,
          .statistic = std::move(statistic), .period_seconds = period_seconds};
}

}  // namespace cdk::logs
