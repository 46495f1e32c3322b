#include <cdk/cloudwatch/widget.hpp>

#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/detail/expression.hpp>
#include <cdk/cloudwatch/detail/statistic.hpp>
#include <cdk/cloudwatch/detail/widget_json.hpp>
#include <cdk/error.hpp>
#include <cdk/fn.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace cdk::cloudwatch {

namespace {

// CloudWatch's limits on a widget's height, in grid units.
constexpr int max_widget_height = 1000;
// A metric without these options is drawn with them: the AWS CDK leaves them out.
constexpr std::int64_t default_metric_period = 300;
constexpr const char* default_metric_statistic = "Average";

template <class>
inline constexpr bool always_false = false;

const char* view_name(GraphWidgetView v) {
  switch (v) {
    case GraphWidgetView::TimeSeries: return "timeSeries";
    case GraphWidgetView::Bar: return "bar";
    case GraphWidgetView::Pie: return "pie";
  }
  return "timeSeries";
}

const char* background_name(TextWidgetBackground b) {
  return b == TextWidgetBackground::Transparent ? "transparent" : "solid";
}

const char* alarm_state_name(AlarmState s) {
  switch (s) {
    case AlarmState::Alarm: return "ALARM";
    case AlarmState::InsufficientData: return "INSUFFICIENT_DATA";
    case AlarmState::Ok: return "OK";
  }
  return "ALARM";
}

const char* sort_by_name(AlarmStatusSortBy s) {
  switch (s) {
    case AlarmStatusSortBy::Default: return "default";
    case AlarmStatusSortBy::StateUpdatedTimestamp: return "stateUpdatedTimestamp";
    case AlarmStatusSortBy::Timestamp: return "timestamp";
  }
  return "default";
}

// Adds the entry unless the value is absent, as JSON.stringify drops undefined.
void put(Value::Map& map, const char* key, Value value) {
  if (!value.is_null()) map.emplace_back(key, std::move(value));
}

Value text_or_absent(const std::string& s) { return s.empty() ? Value() : Value(s); }

Value region_of(const std::string& region) { return region.empty() ? Aws::region() : Value(region); }

Value y_axis_json(const YAxis& axis) {
  Value::Map out;
  if (axis.min) put(out, "min", *axis.min);
  if (axis.max) put(out, "max", *axis.max);
  put(out, "label", text_or_absent(axis.label));
  if (axis.show_units) put(out, "showUnits", *axis.show_units);
  return out.empty() ? Value() : Value(std::move(out));
}

// An expression's entry: [{options}], aws-cdk-lib's keys in its order; a
// drawn expression without a label is labelled with its text.
Value expression_json(const detail::Query& q) {
  const auto& m = *q.metric;
  const bool visible = q.axis != detail::Axis::None;
  Value::Map options;
  put(options, "label", text_or_absent(m.label.empty() && visible ? *m.expression : m.label));
  put(options, "color", text_or_absent(m.color));
  if (!visible) put(options, "visible", false);
  put(options, "expression", *m.expression);
  if (m.period_seconds != default_metric_period) put(options, "period", m.period_seconds);
  if (q.axis == detail::Axis::Right) put(options, "yAxis", "right");
  put(options, "id", text_or_absent(q.id));
  return Value::list({Value(std::move(options))});
}

// [namespace, name, dimension, value, ..., {options}]: the dashboard's metric
// array; options only where they differ from CloudWatch's defaults. A metric
// only an expression uses has its id and is hidden.
Value query_json(const detail::Query& q) {
  if (q.metric->is_expression()) return expression_json(q);
  const auto& m = *q.metric;
  Value::List out{m.namespace_, m.metric_name};
  for (const auto& [name, value] : m.dimensions) {
    out.emplace_back(name);
    out.push_back(value);
  }
  Value::Map options;
  put(options, "color", text_or_absent(m.color));
  put(options, "label", text_or_absent(m.label));
  put(options, "id", text_or_absent(q.id));
  if (q.axis == detail::Axis::None) put(options, "visible", false);
  if (m.period_seconds != default_metric_period) put(options, "period", m.period_seconds);
  if (!m.statistic.empty() && m.statistic != default_metric_statistic) put(options, "stat", m.statistic);
  if (q.axis == detail::Axis::Right) put(options, "yAxis", "right");
  if (!options.empty()) out.emplace_back(std::move(options));
  return out;
}

std::vector<std::pair<const Metric*, detail::Axis>> top_level(const std::vector<Metric>& left,
                                                              const std::vector<Metric>& right = {}) {
  std::vector<std::pair<const Metric*, detail::Axis>> top;
  for (const auto& m : left) top.emplace_back(&m, detail::Axis::Left);
  for (const auto& m : right) top.emplace_back(&m, detail::Axis::Right);
  return top;
}

Value::List metrics_json(const std::vector<Metric>& left, const std::vector<Metric>& right = {}) {
  Value::List out;
  for (const auto& q : detail::flatten(top_level(left, right)).queries) out.push_back(query_json(q));
  return out;
}

Value placed(const char* type, detail::WidgetSize size, int x, int y, Value::Map properties) {
  return Value::map({{"type", type},
                     {"width", size.width},
                     {"height", size.height},
                     {"x", x},
                     {"y", y},
                     {"properties", Value(std::move(properties))}});
}

Value::Map properties_of(const GraphWidget& w) {
  auto metrics = metrics_json(w.left, w.right);
  Value::Map y_axis;
  put(y_axis, "left", y_axis_json(w.left_y_axis));
  put(y_axis, "right", y_axis_json(w.right_y_axis));
  Value::Map p;
  put(p, "view", view_name(w.view));
  put(p, "title", text_or_absent(w.title));
  put(p, "region", region_of(w.region));
  if (w.stacked) put(p, "stacked", true);
  put(p, "metrics", std::move(metrics));
  put(p, "yAxis", std::move(y_axis));
  if (w.period_seconds > 0) put(p, "period", w.period_seconds);
  put(p, "stat", text_or_absent(w.statistic));
  return p;
}

Value::Map properties_of(const SingleValueWidget& w) {
  auto metrics = metrics_json(w.metrics);
  Value::Map p;
  put(p, "view", "singleValue");
  put(p, "title", text_or_absent(w.title));
  put(p, "region", region_of(w.region));
  if (w.sparkline) put(p, "sparkline", true);
  put(p, "metrics", std::move(metrics));
  if (w.full_precision) put(p, "singleValueFullPrecision", true);
  if (w.period_seconds > 0) put(p, "period", w.period_seconds);
  return p;
}

Value::Map properties_of(const TextWidget& w) {
  Value::Map p;
  put(p, "markdown", w.markdown);
  if (w.background) put(p, "background", background_name(*w.background));
  return p;
}

Value::Map properties_of(const AlarmWidget& w) {
  Value::Map y_axis;
  put(y_axis, "left", y_axis_json(w.left_y_axis));
  Value::Map p;
  put(p, "view", "timeSeries");
  put(p, "title", text_or_absent(w.title));
  put(p, "region", region_of(w.region));
  put(p, "annotations", Value::map({{"alarms", Value::list({w.alarm->alarm_arn()})}}));
  put(p, "yAxis", std::move(y_axis));
  return p;
}

Value::Map properties_of(const AlarmStatusWidget& w) {
  Value::List arns;
  for (const auto& a : w.alarms) arns.push_back(a->alarm_arn());
  Value::Map p;
  put(p, "title", w.title.empty() ? "Alarm Status" : w.title);
  put(p, "alarms", std::move(arns));
  if (!w.states.empty()) {
    Value::List states;
    for (auto s : w.states) states.emplace_back(alarm_state_name(s));
    put(p, "states", std::move(states));
  }
  if (w.sort_by) put(p, "sortBy", sort_by_name(*w.sort_by));
  return p;
}

const char* log_view_name(LogQueryView v) {
  switch (v) {
    case LogQueryView::Table: return "table";
    case LogQueryView::Line:
    case LogQueryView::StackedArea: return "timeSeries";
    case LogQueryView::Bar: return "bar";
    case LogQueryView::Pie: return "pie";
  }
  return "table";
}

// "SOURCE 'a' | SOURCE 'b' | <query>", the query's lines joined by "\n| ".
Value log_query(const LogQueryWidget& w) {
  Value query = "";
  for (std::size_t i = 0; i < w.log_group_names.size(); ++i)
    query = query + (i == 0 ? "SOURCE '" : " | SOURCE '") + w.log_group_names[i] + "'";
  std::string text = w.query_string;
  for (std::size_t i = 0; i < w.query_lines.size(); ++i) text += (i == 0 ? "" : "\n| ") + w.query_lines[i];
  return query + " | " + text;
}

Value::Map properties_of(const LogQueryWidget& w) {
  Value::Map p;
  put(p, "view", log_view_name(w.view));
  put(p, "title", text_or_absent(w.title));
  put(p, "region", region_of(w.region));
  put(p, "query", log_query(w));
  if (w.view == LogQueryView::Line || w.view == LogQueryView::StackedArea)
    put(p, "stacked", w.view == LogQueryView::StackedArea);
  return p;
}

const char* json_type(const Widget& widget) {
  if (std::holds_alternative<TextWidget>(widget.kind())) return "text";
  if (std::holds_alternative<LogQueryWidget>(widget.kind())) return "log";
  if (std::holds_alternative<AlarmStatusWidget>(widget.kind())) return "alarm";
  return "metric";
}

// 10 and 30 s are high-resolution periods; 1 and 5 s too on a dashboard.
bool valid_period(std::int64_t s) { return s == 1 || s == 5 || s == 10 || s == 30 || (s >= 60 && s % 60 == 0); }

void check_period(const std::string& path, const std::string& where, std::int64_t seconds, const std::string& what) {
  if (!valid_period(seconds))
    throw Error(path,
                where + ": " + what + " period " + std::to_string(seconds) +
                    " s is not 1, 5, 10, 30 or a multiple of 60",
                "e.g. 60 or 300");
}

void check_statistic(const std::string& path, const std::string& where, const std::string& statistic) {
  if (!detail::is_simple_statistic(statistic) && !detail::is_extended_statistic(statistic))
    throw Error(path, where + ": statistic \"" + statistic + "\" is not one CloudWatch knows",
                "use Average, Sum, Minimum, Maximum, SampleCount or a percentile like p99");
}

void check_metric(const std::string& path, const std::string& where, const Metric& m) {
  if (m.is_expression()) {
    if (auto problem = detail::expression_problem(m, false)) throw Error(path, where + ": " + problem->message, problem->hint);
    check_period(path, where, m.period_seconds, "expression \"" + *m.expression + "\"");
    return;
  }
  if (m.namespace_.empty() || m.metric_name.empty())
    throw Error(path, where + ": a metric has no namespace or metric name",
                "e.g. {.namespace_ = \"AWS/EC2\", .metric_name = \"CPUUtilization\"}");
  check_period(path, where, m.period_seconds, "metric " + m.namespace_ + " " + m.metric_name);
  check_statistic(path, where, m.statistic);
}

void check_metrics(const std::string& path, const std::string& where, const std::vector<Metric>& left,
                   const std::vector<Metric>& right = {}) {
  for (const auto& m : left) check_metric(path, where, m);
  for (const auto& m : right) check_metric(path, where, m);
  const auto set = detail::flatten(top_level(left, right));
  if (!set.clash.empty())
    throw Error(path, where + ": the id \"" + set.clash + "\" names two different metrics", "rename one of them");
}

// CloudWatch Logs Insights: at most 50 log groups per query.
constexpr std::size_t max_log_groups = 50;

void check_log_query(const std::string& path, const std::string& where, const LogQueryWidget& w) {
  if (w.log_group_names.empty()) throw Error(path, where + " has no log groups", "set .log_group_names");
  if (w.log_group_names.size() > max_log_groups)
    throw Error(path, where + " queries " + std::to_string(w.log_group_names.size()) + " log groups",
                "Logs Insights queries at most 50");
  if (w.query_string.empty() == w.query_lines.empty())
    throw Error(path, where + " needs exactly one of query_string and query_lines", "set one of them");
}

void check_alarm(const std::string& path, const std::string& where, const Ptr<const Alarm>& alarm) {
  if (!alarm) throw Error(path, where + " has no alarm", "set .alarm to a cloudwatch::Alarm");
}

}  // namespace

Widget::Widget(GraphWidget w) : kind_(std::move(w)) {}
Widget::Widget(SingleValueWidget w) : kind_(std::move(w)) {}
Widget::Widget(TextWidget w) : kind_(std::move(w)) {}
Widget::Widget(AlarmWidget w) : kind_(std::move(w)) {}
Widget::Widget(AlarmStatusWidget w) : kind_(std::move(w)) {}
Widget::Widget(LogQueryWidget w) : kind_(std::move(w)) {}
Widget::Widget(const Widget& other) = default;
Widget::Widget(Widget&& other) noexcept = default;
Widget& Widget::operator=(const Widget& other) = default;
Widget& Widget::operator=(Widget&& other) noexcept = default;
Widget::~Widget() = default;

const char* widget_type_name(const Widget& widget) noexcept {
  return std::visit(
      [](const auto& w) -> const char* {
        using W = std::decay_t<decltype(w)>;
        if constexpr (std::is_same_v<W, GraphWidget>) return "GraphWidget";
        else if constexpr (std::is_same_v<W, SingleValueWidget>) return "SingleValueWidget";
        else if constexpr (std::is_same_v<W, TextWidget>) return "TextWidget";
        else if constexpr (std::is_same_v<W, AlarmWidget>) return "AlarmWidget";
        else if constexpr (std::is_same_v<W, AlarmStatusWidget>) return "AlarmStatusWidget";
        else if constexpr (std::is_same_v<W, LogQueryWidget>) return "LogQueryWidget";
        else static_assert(always_false<W>);
      },
      widget.kind());
}

namespace detail {

WidgetSize widget_size(const Widget& widget) {
  return std::visit([](const auto& w) { return WidgetSize{w.width, w.height}; }, widget.kind());
}

void check_widget(const std::string& path, const std::string& where, const Widget& widget) {
  const auto size = widget_size(widget);
  if (size.width < 1 || size.width > dashboard_grid_width)
    throw Error(path, where + " is " + std::to_string(size.width) + " units wide, not 1-24",
                "a dashboard is 24 units wide: set .width to 24 or less");
  if (size.height < 1 || size.height > max_widget_height)
    throw Error(path, where + " is " + std::to_string(size.height) + " units high, not 1-1000", "set .height");
  std::visit(
      [&](const auto& w) {
        using W = std::decay_t<decltype(w)>;
        if constexpr (std::is_same_v<W, GraphWidget>) {
          if (w.left.empty() && w.right.empty())
            throw Error(path, where + " has no metrics", "give it .left or .right metrics");
          check_metrics(path, where, w.left, w.right);
          if (w.period_seconds != 0) check_period(path, where, w.period_seconds, "the widget's");
          if (!w.statistic.empty()) check_statistic(path, where, w.statistic);
        } else if constexpr (std::is_same_v<W, SingleValueWidget>) {
          if (w.metrics.empty()) throw Error(path, where + " has no metrics", "give it .metrics");
          check_metrics(path, where, w.metrics);
          if (w.period_seconds != 0) check_period(path, where, w.period_seconds, "the widget's");
        } else if constexpr (std::is_same_v<W, TextWidget>) {
          if (w.markdown.empty()) throw Error(path, where + " has no text", "set .markdown");
        } else if constexpr (std::is_same_v<W, AlarmWidget>) {
          check_alarm(path, where, w.alarm);
        } else if constexpr (std::is_same_v<W, AlarmStatusWidget>) {
          if (w.alarms.empty()) throw Error(path, where + " has no alarms", "give it .alarms");
          for (const auto& a : w.alarms) check_alarm(path, where, a);
        } else if constexpr (std::is_same_v<W, LogQueryWidget>) {
          check_log_query(path, where, w);
        }
      },
      widget.kind());
}

Value widget_json(const Widget& widget, int x, int y) {
  auto properties = std::visit([](const auto& w) { return properties_of(w); }, widget.kind());
  return placed(json_type(widget), widget_size(widget), x, y, std::move(properties));
}

}  // namespace detail

}  // namespace cdk::cloudwatch
