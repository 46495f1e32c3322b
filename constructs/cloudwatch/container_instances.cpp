// The list and map members this module's headers declare extern, compiled
// here once (cdk/container_instances.hpp).
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/cloudwatch/widget.hpp>

CDKPP_VECTOR_INSTANCE(cdk::cloudwatch::Metric);
CDKPP_VECTOR_INSTANCE(std::pair<std::string, cdk::cloudwatch::Metric>);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<cdk::cloudwatch::Alarm>);
CDKPP_VECTOR_INSTANCE(cdk::Ptr<const cdk::cloudwatch::Alarm>);
CDKPP_VECTOR_INSTANCE(cdk::cloudwatch::AlarmState);
CDKPP_VECTOR_INSTANCE(cdk::cloudwatch::Widget);
CDKPP_VECTOR_INSTANCE(std::vector<cdk::cloudwatch::Widget>);
CDKPP_VECTOR_INSTANCE(cdk::cloudwatch::MetricQuery);
