#pragma once
/// cdk::events::Schedule: when a scheduled rule fires.
///
///   using namespace std::chrono_literals;
///   cdk::events::Schedule::rate(15min);                      // rate(15 minutes)
///   cdk::events::Schedule::rate(std::chrono::hours(24));     // rate(1 day)
///   cdk::events::Schedule::cron({.minute = "0", .hour = "3", .week_day = "MON-FRI"});
///   cdk::events::Schedule::expression("cron(0/10 * ? * MON-FRI *)");
///
/// Rates render as the AWS CDK renders them: whole days, else whole hours,
/// else minutes, singular for 1 ("rate(1 hour)"). Every schedule is checked
/// when the Rule is made, with an error naming the rule's path: rates of at
/// least one whole minute, "rate(N unit)" with a singular unit for 1 and a
/// plural one otherwise, cron fields within EventBridge's ranges and exactly
/// one of day and week_day given (the other is "?"). EventBridge rules take
/// rate() and cron() only; at() is EventBridge Scheduler's.
/// Times are UTC: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
#include <chrono>
#include <string>

namespace cdk::events {

/// The fields of a cron schedule (UTC). An unset field is "*", except that day
/// is "?" when week_day is set and week_day is "?" otherwise.
struct CronOptions {
  std::string minute{};    ///< 0-59, "*/15", "0,30"; default "*" (every minute, which gets a warning)
  std::string hour{};      ///< 0-23; default "*"
  std::string day{};       ///< day of month 1-31, "L", "15W"; not with week_day; default "*"
  std::string month{};     ///< 1-12 or JAN-DEC; default "*"
  std::string week_day{};  ///< 1-7 or SUN-SAT, "MON-FRI", "6L", "2#1"; not with day; default "?"
  std::string year{};      ///< 1970-2199; default "*"
};

class Schedule {
 public:
  /// Every `interval`: minutes, hours and days convert implicitly; at least
  /// one minute and a whole number of minutes.
  static Schedule rate(std::chrono::seconds interval);
  /// At the times the fields match.
  static Schedule cron(const CronOptions& options);
  /// A "rate(...)" or "cron(...)" expression as EventBridge takes it.
  static Schedule expression(std::string expression);

  /// The checked expression; throws cdk::Error at `path` when it is not valid.
  [[nodiscard]] std::string expression_string(const std::string& path) const;
  /// True for a cron schedule made without a minute (it fires every minute).
  [[nodiscard]] bool runs_every_minute() const noexcept { return every_minute_; }

 private:
  enum class Kind { Rate, Cron, Expression };
  Schedule(Kind kind, std::string text) : kind_(kind), text_(std::move(text)) {}
  Kind kind_;
  std::string text_;           // the expression, or "" for a rate
  std::chrono::seconds rate_{};
  std::string cron_error_{};   // day and week_day both set
  bool every_minute_ = false;
};

}  // namespace cdk::events
