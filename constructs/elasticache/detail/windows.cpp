#include "windows.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace cdk::elasticache::detail {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMinutesPerWeek = 7 * kMinutesPerDay;
constexpr int kMinimumWindowMinutes = 60;
constexpr std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// "hh:mi" -> minutes after midnight, or -1.
int clock_minutes(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return -1;
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

// "ddd:hh:mi" -> minutes after Sunday 00:00, or -1.
int week_minutes(std::string_view t) {
  if (t.size() != 9 || t[3] != ':') return -1;
  std::string day(t.substr(0, 3));
  for (auto& c : day) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t d = 0; d < kDays.size(); ++d)
    if (kDays[d] == day) {
      const int clock = clock_minutes(t.substr(4));
      return clock < 0 ? -1 : static_cast<int>(d) * kMinutesPerDay + clock;
    }
  return -1;
}

std::optional<std::string> check_length(int start, int end, int period) {
  const int length = ((end - start) % period + period) % period;
  if (length < kMinimumWindowMinutes)
    return "it is " + std::to_string(length) + " minutes long, less than the minimum of 60";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_daily_window(const std::string& window) {
  const auto dash = window.find('-');
  if (dash == std::string::npos) return "it is not two times joined by '-'";
  const int start = clock_minutes(std::string_view(window).substr(0, dash));
  const int end = clock_minutes(std::string_view(window).substr(dash + 1));
  if (start < 0 || end < 0) return "the times are not hh24:mi (00:00 to 23:59)";
  return check_length(start, end, kMinutesPerDay);
}

std::optional<std::string> check_weekly_window(const std::string& window) {
  const auto dash = window.find('-');
  if (dash == std::string::npos) return "it is not two times joined by '-'";
  const int start = week_minutes(std::string_view(window).substr(0, dash));
  const int end = week_minutes(std::string_view(window).substr(dash + 1));
  if (start < 0 || end < 0) return "the times are not ddd:hh24:mi (ddd: sun, mon, tue, wed, thu, fri or sat)";
  return check_length(start, end, kMinutesPerWeek);
}

}  // namespace cdk::elasticache::detail
