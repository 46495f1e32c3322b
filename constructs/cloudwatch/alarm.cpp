#include <cdk/cloudwatch/alarm.hpp>

#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/cloudwatch/detail/statistic.hpp>
#include <cdk/sns/topic.hpp>

#include <string>

namespace cdk::cloudwatch {

using detail::is_extended_statistic;
using detail::is_simple_statistic;

namespace {

const char* operator_name(ComparisonOperator o) {
  switch (o) {
    case ComparisonOperator::GreaterThanOrEqualToThreshold: return "GreaterThanOrEqualToThreshold";
    case ComparisonOperator::GreaterThanThreshold: return "GreaterThanThreshold";
    case ComparisonOperator::LessThanThreshold: return "LessThanThreshold";
    case ComparisonOperator::LessThanOrEqualToThreshold: return "LessThanOrEqualToThreshold";
  }
  return "GreaterThanOrEqualToThreshold";
}

const char* missing_name(TreatMissingData t) {
  switch (t) {
    case TreatMissingData::Missing: return "missing";
    case TreatMissingData::Breaching: return "breaching";
    case TreatMissingData::NotBreaching: return "notBreaching";
    case TreatMissingData::Ignore: return "ignore";
  }
  return "missing";
}

void check_plain_metric(const std::string& path, const Metric& m) {
  if (m.namespace_.empty() || m.metric_name.empty())
    throw Error(path, "the alarm's metric needs a namespace and a metric name",
                "e.g. {.namespace_ = \"AWS/EC2\", .metric_name = \"CPUUtilization\"}");
  if (!is_simple_statistic(m.statistic) && !is_extended_statistic(m.statistic))
    throw Error(path, "statistic \"" + m.statistic + "\" is not one CloudWatch knows",
                "use Average, Sum, Minimum, Maximum, SampleCount or a percentile like p99");
  if (m.dimensions.size() > 30)
    throw Error(path, "the metric has more than 30 dimensions", "CloudWatch allows 30");
}

}  // namespace

void check_alarm_props(const std::string& path, const AlarmProps& props) {
  const auto& m = props.metric;
  if (m.is_expression()) check_alarm_expression(path, m);
  else check_plain_metric(path, m);
  if (!props.threshold)
    throw Error(path, "the alarm has no threshold", "set .threshold");
  if (props.evaluation_periods < 1)
    throw Error(path, "evaluation_periods must be at least 1", "set .evaluation_periods");
  if (props.datapoints_to_alarm < 0 || props.datapoints_to_alarm > props.evaluation_periods)
    throw Error(path, "datapoints_to_alarm " + std::to_string(props.datapoints_to_alarm) + " is not within 1-" +
                          std::to_string(props.evaluation_periods) + " (evaluation_periods)",
                "leave it 0 to alarm when every evaluated point breaches");
  const auto period = m.period_seconds;
  if (!(period == 10 || period == 30 || (period >= 60 && period % 60 == 0)))
    throw Error(path, "metric period " + std::to_string(period) + " s is not 10, 30 or a multiple of 60",
                "e.g. 60 or 300");
  if (period * props.evaluation_periods > 7 * 24 * 3600)
    throw Error(path, "the alarm evaluates more than seven days of data (period x evaluation_periods)",
                "use fewer or shorter periods");
  if (props.alarm_name.size() > 255)
    throw Error(path, "alarm name is longer than 255 characters", "use a shorter name");
}

namespace {

CfnAlarm::MetricProperty metric_property(const Metric& m) {
  CfnAlarm::MetricProperty out;
  for (const auto& [name, value] : m.dimensions) {
    CfnAlarm::DimensionProperty d;
    d.name = name;
    d.value = value;
    out.dimensions.push_back(std::move(d));
  }
  out.metric_name = m.metric_name;
  out.namespace_ = m.namespace_;
  return out;
}

// A single metric: Namespace, MetricName, Dimensions, Statistic or ExtendedStatistic, Period, Unit.
void put_metric(CfnAlarm::Props& l1, const Metric& m) {
  auto metric = metric_property(m);
  l1.namespace_ = m.namespace_;
  l1.metric_name = m.metric_name;
  l1.dimensions = std::move(metric.dimensions);
  if (is_simple_statistic(m.statistic)) l1.statistic = m.statistic;
  else l1.extended_statistic = m.statistic;
  l1.period = m.period_seconds;
  if (!m.unit.empty()) l1.unit = m.unit;
}

// Math: Metrics, as aws-cdk-lib writes them: the expression first ("expr_1",
// ReturnData true), then what it uses under their ids (ReturnData false); an
// expression's Period only when it uses no metric.
void put_queries(CfnAlarm::Props& l1, const Metric& m) {
  for (const auto& q : metric_queries(m)) {
    const auto& e = q.metric;
    CfnAlarm::MetricDataQueryProperty out;
    out.id = q.id;
    if (!e.label.empty()) out.label = e.label;
    if (e.is_expression()) {
      out.expression = *e.expression;
      if (e.using_metrics.empty()) out.period = e.period_seconds;
    } else {
      CfnAlarm::MetricStatProperty stat;
      stat.metric = metric_property(e);
      stat.period = e.period_seconds;
      stat.stat = e.statistic;
      if (!e.unit.empty()) stat.unit = e.unit;
      out.metric_stat = std::move(stat);
    }
    out.return_data = q.return_data;
    l1.metrics.push_back(std::move(out));
  }
}

}  // namespace

Alarm::Alarm(Construct& scope, std::string_view id, const AlarmProps& props) : Construct(scope, id), props_(std::move(props)) {
  const auto path = node().path();
  check_alarm_props(path, props_);
  const auto& m = props_.metric;
  CfnAlarm::Props l1;
  if (!props_.alarm_name.empty()) l1.alarm_name = props_.alarm_name;
  if (!props_.alarm_description.empty()) l1.alarm_description = props_.alarm_description;
  if (!props_.actions_enabled) l1.actions_enabled = false;
  l1.comparison_operator = operator_name(props_.comparison_operator);
  l1.evaluation_periods = props_.evaluation_periods;
  if (props_.datapoints_to_alarm > 0) l1.datapoints_to_alarm = props_.datapoints_to_alarm;
  l1.threshold = *props_.threshold;
  if (props_.treat_missing_data != TreatMissingData::Missing) l1.treat_missing_data = missing_name(props_.treat_missing_data);
  if (m.is_expression()) put_queries(l1, m);
  else put_metric(l1, m);
  resource_ = &add<CfnAlarm>("Resource", std::move(l1));
  refresh_actions();
}

Value Alarm::alarm_arn() const { return resource_->attr_arn(); }
Value Alarm::alarm_name() const { return resource_->ref(); }

void Alarm::refresh_actions() {
  auto check = [&](const std::vector<Value>& list, const char* what) {
    if (list.size() > max_actions)
      throw Error(node().path(), std::string("the alarm has more than 5 ") + what, "CloudWatch allows 5 per state");
  };
  check(props_.alarm_actions, "alarm actions");
  check(props_.ok_actions, "OK actions");
  check(props_.insufficient_data_actions, "insufficient-data actions");
  auto& p = resource_->props();
  if (!props_.alarm_actions.empty()) p.alarm_actions = Value(props_.alarm_actions);
  if (!props_.ok_actions.empty()) p.ok_actions = Value(props_.ok_actions);
  if (!props_.insufficient_data_actions.empty()) p.insufficient_data_actions = Value(props_.insufficient_data_actions);
}

void Alarm::add_alarm_action(Value arn) {
  if (props_.alarm_actions.size() >= max_actions)
    throw Error(node().path(), "the alarm already has 5 alarm actions", "CloudWatch allows 5 per state");
  props_.alarm_actions.push_back(std::move(arn));
  refresh_actions();
}
void Alarm::add_ok_action(Value arn) {
  if (props_.ok_actions.size() >= max_actions)
    throw Error(node().path(), "the alarm already has 5 ok actions", "CloudWatch allows 5 per state");
  props_.ok_actions.push_back(std::move(arn));
  refresh_actions();
}
void Alarm::add_insufficient_data_action(Value arn) {
  if (props_.insufficient_data_actions.size() >= max_actions)
    throw Error(node().path(), "the alarm already has 5 insufficient data actions", "CloudWatch allows 5 per state");
  props_.insufficient_data_actions.push_back(std::move(arn));
  refresh_actions();
}

void Alarm::add_alarm_action(const sns::Topic& topic) { add_alarm_action(topic.topic_arn()); }
void Alarm::add_ok_action(const sns::Topic& topic) { add_ok_action(topic.topic_arn()); }
void Alarm::add_insufficient_data_action(const sns::Topic& topic) { add_insufficient_data_action(topic.topic_arn()); }

}  // namespace cdk::cloudwatch
