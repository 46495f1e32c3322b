#include <cdk/cloudwatch/dashboard.hpp>

#include <cdk/cloudwatch/cfn_dashboard.hpp>
#include <cdk/cloudwatch/detail/widget_json.hpp>
#include <cdk/codebuild/detail/json_text.hpp>
#include <cdk/error.hpp>
#include <cdk/json_escape.hpp>
#include <cdk/fn.hpp>
#include <cdk/tag_manager.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace cdk::cloudwatch {

namespace {

const char* period_override_name(PeriodOverride p) { return p == PeriodOverride::Inherit ? "inherit" : "auto"; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// ISO 8601 duration as the AWS CDK's Duration.toIsoString writes it: days,
// then T and hours, minutes, seconds, each only when not zero (P7D, PT1H30M).
std::string iso_duration(std::chrono::seconds d) {
  auto s = d.count();
  if (s == 0) return "PT0S";
  std::string out = "P";
  const auto days = s / 86400;
  s %= 86400;
  if (days > 0) out += std::to_string(days) + "D";
  if (s > 0) out += "T";
  for (auto [unit, label] : {std::pair{3600, 'H'}, std::pair{60, 'M'}, std::pair{1, 'S'}}) {
    if (s >= unit) out += std::to_string(s / unit) + label;
    s %= unit;
  }
  return out;
}

// "row 2, widget 1 (GraphWidget "CPU")": how errors point at a widget.
std::string widget_place(std::size_t row, std::size_t index, const Widget& widget) {
  std::string title = std::visit(
      [](const auto& w) -> std::string {
        if constexpr (requires { w.title; }) return w.title;
        else return {};
      },
      widget.kind());
  std::string out = "row " + std::to_string(row + 1) + ", widget " + std::to_string(index + 1) + " (" +
                    widget_type_name(widget);
  if (!title.empty()) out += " \"" + title + "\"";
  return out + ")";
}

// Each row starts under the previous one; in a row, widgets go left to right
// and wrap under the row's tallest widget when the next one does not fit.
Value::List laid_out(const std::vector<std::vector<Widget>>& rows) {
  Value::List out;
  int row_top = 0;
  for (const auto& row : rows) {
    int x = 0;
    int y = 0;
    int row_height = 0;
    for (const auto& widget : row) {
      const auto size = detail::widget_size(widget);
      if (x + size.width > dashboard_grid_width) {
        x = 0;
        y = row_height;
      }
      out.push_back(detail::widget_json(widget, x, row_top + y));
      row_height = std::max(row_height, y + size.height);
      x += size.width;
    }
    row_top += row_height;
  }
  return out;
}

bool is_plain_join(const Value& v) {
  if (v.kind() != Value::Kind::Intrinsic || v.name() != "Fn::Join") return false;
  const auto& arg = v.argument();
  return arg.kind() == Value::Kind::List && arg.as_list().size() == 2 && arg.as_list()[0].kind() == Value::Kind::String &&
         arg.as_list()[0].as_string().empty() && arg.as_list()[1].kind() == Value::Kind::List;
}

// Appends a joined string's parts to the body's parts: its text escaped as the
// body's JSON reads it, its tokens as they are, so the body is one flat
// Fn::Join (as aws-cdk-lib writes it) and a "\n" in a log query stays JSON.
void splice(const Value& part, bool inside_string, Value::List& out) {
  if (part.kind() == Value::Kind::String) {
    const auto text = inside_string ? json_escaped(part.as_string()) : part.as_string();
    if (!out.empty() && out.back().kind() == Value::Kind::String) out.back() = Value(out.back().as_string() + text);
    else out.emplace_back(text);
  } else if (is_plain_join(part)) {
    for (const auto& p : part.argument().as_list()[1].as_list()) splice(p, true, out);
  } else {
    out.push_back(part);
  }
}

Value flat_body(const Value& body) {
  if (!is_plain_join(body)) return body;
  Value::List parts;
  for (const auto& p : body.argument().as_list()[1].as_list()) splice(p, false, parts);
  return Fn::join("", std::move(parts));
}

}  // namespace

Dashboard::Dashboard(Construct& scope, std::string_view id, const DashboardProps& props) : Construct(scope, id) {
  check(props);
  props_ = std::move(props);
  std::erase_if(props_.widgets, [](const auto& row) { return row.empty(); });
  CfnDashboard::Props l1;
  if (!props_.dashboard_name.empty()) l1.dashboard_name = props_.dashboard_name;
  resource_ = &add<CfnDashboard>("Resource", std::move(l1));
  // Tags on dashboards are newer than cfn-lint's schema (as for scalable
  // targets and listeners): inherited tags stay off them.
  resource_->tags() = TagManager();
  render();
}

void Dashboard::check(const DashboardProps& props) const {
  const auto path = node().path();
  const auto& name = props.dashboard_name;
  if (name.size() > max_name_length)
    throw Error(path, "dashboard name is longer than 255 characters", "use a shorter name");
  if (!std::all_of(name.begin(), name.end(), is_name_char))
    throw Error(path, "dashboard name \"" + name + "\" has characters other than A-Z, a-z, 0-9, - and _",
                "e.g. \"shop-ops\"");
  if (props.default_interval.count() < 0)
    throw Error(path, "default_interval is negative", "e.g. std::chrono::hours(6) for the last six hours");
  if (props.default_interval.count() > 0 && !props.start.empty())
    throw Error(path, "default_interval and start are both set", "set one of them");
  if (!props.end.empty() && props.start.empty())
    throw Error(path, "end is set without start", "set start too, or leave end out to end now");
  for (std::size_t r = 0; r < props.widgets.size(); ++r)
    for (std::size_t i = 0; i < props.widgets[r].size(); ++i)
      detail::check_widget(path, widget_place(r, i, props.widgets[r][i]), props.widgets[r][i]);
}

void Dashboard::add_row(std::vector<Widget> row) {
  if (row.empty()) return;
  const auto path = node().path();
  for (std::size_t i = 0; i < row.size(); ++i)
    detail::check_widget(path, widget_place(props_.widgets.size(), i, row[i]), row[i]);
  props_.widgets.push_back(std::move(row));
  render();
}

// The body is rendered again after every change, so it is always complete.
void Dashboard::render() {
  Value::Map body;
  if (props_.default_interval.count() > 0) {
    body.emplace_back("start", "-" + iso_duration(props_.default_interval));
  } else {
    if (!props_.start.empty()) body.emplace_back("start", props_.start);
    if (!props_.end.empty()) body.emplace_back("end", props_.end);
  }
  if (props_.period_override) body.emplace_back("periodOverride", period_override_name(*props_.period_override));
  body.emplace_back("widgets", laid_out(props_.widgets));
  // Compact, as the AWS CDK's Stack.toJsonString writes it.
  resource_->props().dashboard_body = flat_body(codebuild::detail::json_text(Value(std::move(body)), 0));
}

Value Dashboard::dashboard_name() const { return resource_->ref(); }

Value Dashboard::dashboard_arn() const {
  return "arn:" + Aws::partition() + ":cloudwatch::" + Aws::account_id() + ":dashboard/" + dashboard_name();
}

}  // namespace cdk::cloudwatch
