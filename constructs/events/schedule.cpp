#include <cdk/events/schedule.hpp>

#include <cdk/error.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

namespace cdk::events {

namespace {

constexpr std::string_view example_hint = "e.g. cron(0 3 * * ? *) (03:00 UTC daily) or rate(15 minutes)";

// One field of an EventBridge cron expression and what it accepts:
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
struct CronField {
  const char* name;
  int low;
  int high;
  std::vector<std::string_view> names;  // names[i] stands for low + i
  bool day_of_month = false;            // '?', L, LW, nW
  bool day_of_week = false;             // '?', L, nL, n#k
};

const std::array<CronField, 6>& cron_fields() {
  static const std::array<CronField, 6> fields = {{
      {"minute", 0, 59, {}},
      {"hour", 0, 23, {}},
      {"day", 1, 31, {}, true},
      {"month", 1, 12, {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
      {"week_day", 1, 7, {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}, false, true},
      {"year", 1970, 2199, {}},
  }};
  return fields;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<int> field_value(const CronField& f, std::string_view s) {
  if (all_digits(s)) {
    const int n = std::stoi(std::string(s));
    if (n >= f.low && n <= f.high) return n;
    return std::nullopt;
  }
  for (std::size_t i = 0; i < f.names.size(); ++i) {
    const auto& name = f.names[i];
    if (s.size() == name.size() && std::equal(s.begin(), s.end(), name.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == b;
        }))
      return f.low + static_cast<int>(i);
  }
  return std::nullopt;
}

// The L, W and # forms of the day fields.
bool special_day(const CronField& f, std::string_view s) {
  if (f.day_of_month) {
    if (s == "L" || s == "LW") return true;
    return s.size() > 1 && s.back() == 'W' && field_value(f, s.substr(0, s.size() - 1)).has_value();
  }
  if (!f.day_of_week) return false;
  if (s == "L") return true;
  if (s.size() > 1 && s.back() == 'L') return field_value(f, s.substr(0, s.size() - 1)).has_value();
  const auto hash = s.find('#');
  if (hash == std::string_view::npos) return false;
  const auto nth = s.substr(hash + 1);
  return field_value(f, s.substr(0, hash)).has_value() && nth.size() == 1 && nth[0] >= '1' && nth[0] <= '5';
}

bool valid_item(const CronField& f, std::string_view item) {
  if (special_day(f, item)) return true;
  const auto slash = item.find('/');
  auto base = item.substr(0, slash);
  if (slash != std::string_view::npos) {
    const auto step = item.substr(slash + 1);
    if (!all_digits(step) || std::stoi(std::string(step)) == 0) return false;
  }
  if (base == "*") return true;
  const auto dash = base.find('-');
  if (dash == std::string_view::npos) return field_value(f, base).has_value();
  return field_value(f, base.substr(0, dash)).has_value() && field_value(f, base.substr(dash + 1)).has_value();
}

void check_cron_field(const std::string& path, const CronField& f, std::string_view text) {
  if ((f.day_of_month || f.day_of_week) && text == "?") return;
  bool ok = !text.empty();
  for (std::size_t start = 0; ok && start <= text.size();) {
    const auto comma = std::min(text.find(',', start), text.size());
    ok = valid_item(f, text.substr(start, comma - start));
    start = comma + 1;
  }
  if (!ok)
    throw Error(path, "cron " + std::string(f.name) + " \"" + std::string(text) + "\" is not valid: EventBridge takes " +
                          std::to_string(f.low) + "-" + std::to_string(f.high) +
                          (f.names.empty() ? "" : " (or " + std::string(f.names.front()) + "-" + std::string(f.names.back()) + ")") +
                          " with , - * /" + (f.day_of_month ? " ? L W" : f.day_of_week ? " ? L #" : ""),
                std::string(example_hint));
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto end = std::min(s.find(' ', i), s.size());
    if (end > i) out.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

void check_cron(const std::string& path, std::string_view body) {
  const auto fields = split_spaces(body);
  if (fields.size() != 6)
    throw Error(path, "cron(" + std::string(body) + ") has " + std::to_string(fields.size()) +
                          " fields; EventBridge takes six: minute hour day month week_day year",
                std::string(example_hint));
  for (std::size_t i = 0; i < 6; ++i) check_cron_field(path, cron_fields()[i], fields[i]);
  if ((fields[2] == "?") == (fields[4] == "?"))
    throw Error(path, "cron(" + std::string(body) + ") must set exactly one of day of month and day of week",
                "use \"?\" in the other one, e.g. cron(0 3 ? * MON-FRI *) or cron(0 3 1 * ? *)");
}

void check_rate(const std::string& path, std::string_view body) {
  const auto parts = split_spaces(body);
  const bool number = parts.size() == 2 && all_digits(parts[0]) && std::stoi(std::string(parts[0])) > 0;
  if (!number)
    throw Error(path, "rate(" + std::string(body) + ") is not \"rate(N unit)\" with N a positive whole number",
                "e.g. rate(1 hour) or rate(15 minutes)");
  const auto unit = parts[1];
  const bool one = std::stoi(std::string(parts[0])) == 1;
  for (std::string_view singular : {"minute", "hour", "day"}) {
    const auto plural = std::string(singular) + "s";
    if (unit == singular || unit == plural) {
      if (one == (unit == singular)) return;
      throw Error(path, "rate(" + std::string(body) + ") needs the " + (one ? "singular" : "plural") + " unit",
                  "EventBridge takes rate(1 " + std::string(singular) + ") and rate(N " + plural + ")");
    }
  }
  throw Error(path, "rate(" + std::string(body) + ") has unit \"" + std::string(unit) + "\"",
              "use minute(s), hour(s) or day(s)");
}

std::string rate_text(std::int64_t count, const char* unit) {
  return "rate(" + std::to_string(count) + " " + unit + (count == 1 ? "" : "s") + ")";
}

}  // namespace

Schedule Schedule::rate(std::chrono::seconds interval) {
  Schedule s(Kind::Rate, "");
  s.rate_ = interval;
  return s;
}

Schedule Schedule::cron(const CronOptions& o) {
  auto or_default = [](const std::string& v, const char* d) { return v.empty() ? std::string(d) : v; };
  const auto day = or_default(o.day, o.week_day.empty() ? "*" : "?");
  Schedule s(Kind::Cron, "cron(" + or_default(o.minute, "*") + " " + or_default(o.hour, "*") + " " + day + " " +
                             or_default(o.month, "*") + " " + or_default(o.week_day, "?") + " " +
                             or_default(o.year, "*") + ")");
  if (!o.day.empty() && !o.week_day.empty()) s.cron_error_ = "day \"" + o.day + "\" and week_day \"" + o.week_day + "\"";
  s.every_minute_ = o.minute.empty();
  return s;
}

Schedule Schedule::expression(std::string expression) { return Schedule(Kind::Expression, std::move(expression)); }

std::string Schedule::expression_string(const std::string& path) const {
  if (kind_ == Kind::Rate) {
    const auto secs = rate_.count();
    if (secs < 60 || secs % 60 != 0)
      throw Error(path, "a schedule rate of " + std::to_string(secs) + "s is not a whole number of minutes of at least one",
                  "EventBridge schedules run at most once a minute: use Schedule::rate(std::chrono::minutes(N))");
    const auto minutes = secs / 60;
    if (minutes % 1440 == 0) return rate_text(minutes / 1440, "day");
    if (minutes % 60 == 0) return rate_text(minutes / 60, "hour");
    return rate_text(minutes, "minute");
  }
  if (!cron_error_.empty())
    throw Error(path, "a cron schedule cannot set both " + cron_error_, "set one of .day and .week_day");
  const std::string_view text = text_;
  if (text.ends_with(')') && text.starts_with("rate(")) check_rate(path, text.substr(5, text.size() - 6));
  else if (text.ends_with(')') && text.starts_with("cron(")) check_cron(path, text.substr(5, text.size() - 6));
  else
    throw Error(path, "schedule \"" + text_ + "\" is neither rate(...) nor cron(...)",
                text.starts_with("at(") ? "one-time at() schedules belong to EventBridge Scheduler, not rules"
                                        : std::string(example_hint));
  return text_;
}

}  // namespace cdk::events
