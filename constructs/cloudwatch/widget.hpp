#pragma once
/// The widgets of a cdk::cloudwatch::Dashboard: plain values, laid out by the
/// dashboard that they are added to (they are not constructs).
///
///   cdk::cloudwatch::GraphWidget{.title = "CPU", .left = {cpu}, .width = 12}
///   cdk::cloudwatch::SingleValueWidget{.title = "Requests", .metrics = {requests}}
///   cdk::cloudwatch::TextWidget{.markdown = "# gifmachine"}
///   cdk::cloudwatch::AlarmWidget{.alarm = high_cpu}
///   cdk::cloudwatch::AlarmStatusWidget{.alarms = {high_cpu, low_storage}}
///   cdk::cloudwatch::LogQueryWidget{.log_group_names = {logs.log_group_name()},
///                                   .query_lines = {"fields @timestamp, @message", "sort @timestamp desc"}}
///
/// They render as the AWS CDK renders them, so a ported dashboard gets the same
/// body. Sizes are in grid units; a dashboard is 24 units wide. The region of a
/// metric widget defaults to the stack's region ({"Ref": "AWS::Region"}).
/// Graphs and single values take MathExpression and SearchExpression too
/// (math_expression.hpp): the expression is drawn, the metrics it uses are in
/// the widget hidden. Not supported: annotations, gauge, table and custom
/// widgets, dashboard variables, cross-account metrics.
#include <cdk/cloudwatch/math_expression.hpp>
#include <cdk/cloudwatch/metric.hpp>
#include <cdk/container_instances.hpp>
#include <cdk/list.hpp>
#include <cdk/optional.hpp>
#include <cdk/ptr.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cdk::cloudwatch {
class Alarm;
}  // namespace cdk::cloudwatch

// Before the props below: a list field's {} default uses the library's
// constructors only where the compiler has seen this first.
CDKPP_EXTERN_VECTOR(cdk::Ptr<const cdk::cloudwatch::Alarm>);

namespace cdk::cloudwatch {

/// The width of a dashboard, in grid units.
inline constexpr int dashboard_grid_width = 24;

/// One Y axis of a graph.
struct YAxis {
  Optional<double> min{};             ///< default CloudWatch's (fits the data)
  Optional<double> max{};             ///< default CloudWatch's (fits the data)
  std::string label{};                ///< default none
  Optional<bool> show_units{};        ///< default CloudWatch's (shown)
};

enum class GraphWidgetView : std::uint8_t { TimeSeries, Bar, Pie };

/// Lines (or bars, or a pie) of metrics on a left and a right axis.
struct GraphWidget {
  std::string title{};                  ///< default none
  List<Metric> left{};                  ///< metrics or expressions on the left axis; left and right together need one at least
  List<Metric> right{};                 ///< metrics or expressions on the right axis; default none
  int width = 6;                        ///< 1-24 grid units; default 6
  int height = 6;                       ///< grid units; default 6
  bool stacked = false;                 ///< stacked areas instead of lines; default false
  GraphWidgetView view = GraphWidgetView::TimeSeries;  ///< default TimeSeries
  YAxis left_y_axis{};                  ///< default CloudWatch's
  YAxis right_y_axis{};                 ///< default CloudWatch's
  std::int64_t period_seconds = 0;      ///< the period of every metric without its own; default 0 (each metric's own)
  std::string statistic{};              ///< the statistic of every metric without its own; default each metric's own
  std::string region{};                 ///< where the metrics are; default the stack's region
};

/// The latest value of each metric, as a number.
struct SingleValueWidget {
  std::string title{};                  ///< default none
  List<Metric> metrics{};               ///< metrics or math expressions; required (one at least)
  int width = 6;                        ///< 1-24 grid units; default 6
  int height = 3;                       ///< grid units; default 3
  bool sparkline = false;               ///< a small graph of the time range under each value; default false
  bool full_precision = false;          ///< every digit instead of a rounded value; default false
  std::int64_t period_seconds = 0;      ///< default 0 (each metric's own)
  std::string region{};                 ///< where the metrics are; default the stack's region
};

enum class TextWidgetBackground : std::uint8_t { Solid, Transparent };

/// Markdown text: a heading, links to runbooks.
struct TextWidget {
  std::string markdown{};               ///< required
  int width = 6;                        ///< 1-24 grid units; default 6
  int height = 2;                       ///< grid units; default 2
  Optional<TextWidgetBackground> background{};       ///< default CloudWatch's (solid)
};

/// An alarm's metric with its threshold drawn on it.
struct AlarmWidget {
  Ptr<const Alarm> alarm{};             ///< required
  std::string title{};                  ///< default none
  int width = 6;                        ///< 1-24 grid units; default 6
  int height = 6;                       ///< grid units; default 6
  YAxis left_y_axis{};                  ///< default CloudWatch's
  std::string region{};                 ///< where the alarm is; default the stack's region
};

enum class AlarmState : std::uint8_t { Alarm, InsufficientData, Ok };
enum class AlarmStatusSortBy : std::uint8_t { Default, StateUpdatedTimestamp, Timestamp };

/// The state of each alarm, as a grid of coloured tiles.
struct AlarmStatusWidget {
  List<Ptr<const Alarm>> alarms{};         ///< required (one at least)
  std::string title = "Alarm Status";   ///< default "Alarm Status", as in the AWS CDK
  int width = 6;                        ///< 1-24 grid units; default 6
  int height = 3;                       ///< grid units; default 3
  Optional<AlarmStatusSortBy> sort_by{};       ///< default CloudWatch's (by name)
  List<AlarmState> states{};            ///< show only alarms in these states; default all
};

/// How a LogQueryWidget shows the query's result.
enum class LogQueryView : std::uint8_t { Table, Line, StackedArea, Bar, Pie };

/// A CloudWatch Logs Insights query over log groups, run when the dashboard opens.
struct LogQueryWidget {
  List<Value> log_group_names{};          ///< 1-50 log group names (a LogGroup's log_group_name()); required
  std::string query_string{};           ///< the query, e.g. "fields @message | limit 20"; this or query_lines, required
  List<std::string> query_lines{};         ///< the query's commands, joined with " | " on new lines; default none
  std::string title{};                  ///< default none
  LogQueryView view = LogQueryView::Table;  ///< default Table
  int width = 6;                        ///< 1-24 grid units; default 6
  int height = 6;                       ///< grid units; default 6
  std::string region{};                 ///< where the log groups are; default the stack's region
};

/// Any widget: what Dashboard::add_widgets takes, made from each kind above.
/// A class rather than the bare variant, so that its copying and destruction
/// are compiled once in the library, not in every program that draws a
/// dashboard.
class Widget {
 public:
  using Kind = std::variant<GraphWidget, SingleValueWidget, TextWidget, AlarmWidget, AlarmStatusWidget, LogQueryWidget>;
  Widget(GraphWidget w);        // NOLINT(google-explicit-constructor): `add_widgets(GraphWidget{...})`
  Widget(SingleValueWidget w);  // NOLINT(google-explicit-constructor)
  Widget(TextWidget w);         // NOLINT(google-explicit-constructor)
  Widget(AlarmWidget w);        // NOLINT(google-explicit-constructor)
  Widget(AlarmStatusWidget w);  // NOLINT(google-explicit-constructor)
  Widget(LogQueryWidget w);     // NOLINT(google-explicit-constructor)
  Widget(const Widget& other);
  Widget(Widget&& other) noexcept;
  Widget& operator=(const Widget& other);
  Widget& operator=(Widget&& other) noexcept;
  ~Widget();

  /// The widget itself: `std::visit(f, widget.kind())`.
  [[nodiscard]] const Kind& kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

/// "GraphWidget", ...: how errors name a widget's type.
[[nodiscard]] const char* widget_type_name(const Widget& widget) noexcept;

}  // namespace cdk::cloudwatch

CDKPP_EXTERN_VECTOR(cdk::cloudwatch::AlarmState);
CDKPP_EXTERN_VECTOR(cdk::cloudwatch::Widget);
CDKPP_EXTERN_VECTOR(std::vector<cdk::cloudwatch::Widget>);
