#pragma once
// Which statistic names CloudWatch takes: shared by Alarm (Statistic or
// ExtendedStatistic) and the dashboard's checks. Internal.
#include <string>

namespace cdk::cloudwatch::detail {

/// Average, Sum, Minimum, Maximum, SampleCount.
bool is_simple_statistic(const std::string& s);
/// Percentiles and the other extended statistics: p99, p99.9, tm90, wm99, tc90, ts90, IQM.
bool is_extended_statistic(const std::string& s);

}  // namespace cdk::cloudwatch::detail
