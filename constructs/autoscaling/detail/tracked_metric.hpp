#pragma once
// Internal: the check of a metric that target tracking follows (Auto Scaling
// groups and Application Auto Scaling alike). Not a public header.
#include <cdk/cloudwatch/metric.hpp>

#include <string>

namespace cdk::autoscaling::detail {

/// Throws cdk::Error at `path` unless the metric has a namespace, a name and a
/// statistic target tracking takes (Average, Minimum, Maximum, Sum, SampleCount:
/// no percentiles, as in the AWS CDK).
void check_tracked_metric(const std::string& path, const cloudwatch::Metric& metric);

}  // namespace cdk::autoscaling::detail
