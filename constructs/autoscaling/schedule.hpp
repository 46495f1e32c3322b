#pragma once
/// When a scheduled action runs: a cron expression in UTC (or the action's time zone).
///
///   cdk::autoscaling::Schedule::cron({.minute = "0", .hour = "8", .week_day = "MON-FRI"})   // "0 8 * * MON-FRI"
///   cdk::autoscaling::Schedule::expression("30 18 * * *")
#include <string>

namespace cdk::autoscaling {

struct CronOptions {
  std::string minute = "*";    ///< default "*"
  std::string hour = "*";      ///< default "*"
  std::string day = "*";       ///< day of month; default "*"
  std::string month = "*";     ///< default "*"
  std::string week_day = "*";  ///< default "*"
};

class Schedule {
 public:
  /// A five-field cron expression ("minute hour day month weekday").
  static Schedule expression(std::string cron) { return Schedule(std::move(cron)); }
  static Schedule cron(const CronOptions& o) {
    return Schedule(o.minute + " " + o.hour + " " + o.day + " " + o.month + " " + o.week_day);
  }
  [[nodiscard]] const std::string& expression_string() const noexcept { return expr_; }

 private:
  explicit Schedule(std::string e) : expr_(std::move(e)) {}
  std::string expr_;
};

}  // namespace cdk::autoscaling
