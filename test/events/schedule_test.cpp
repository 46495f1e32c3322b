// events::Schedule: rates and crons as the AWS CDK renders them, and every
// expression checked when the rule is made, with the rule's path in the error.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/events/cfn_rule.hpp>
#include <cdk/events/events.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::events::Schedule;
using namespace std::chrono_literals;

class ScheduleTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  int n = 0;
  // The expression a rule made with this schedule renders.
  std::string rendered(const Schedule& s) {
    auto& rule = stack.add<cdk::events::Rule>("Rule" + std::to_string(n++), {.schedule = s});
    auto v = rule.cfn_rule().props().schedule_expression.value();
    return v.as_string();
  }
  void expect_refused(const Schedule& s, std::string_view text) {
    const auto id = "Bad" + std::to_string(n++);
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<cdk::events::Rule>(id, {.schedule = s}); }, "Stack/" + id, text);
  }
  static bool has_warning(cdk::Construct& c, const std::string& text) {
    for (const auto& m : c.node().metadata())
      if (m.type == cdk::Annotations::warning_type && m.data.find(text) != std::string::npos) return true;
    return false;
  }
};

TEST_F(ScheduleTest, RatesUseTheLargestWholeUnitSingularForOne) {
  EXPECT_EQ(rendered(Schedule::rate(1min)), "rate(1 minute)");
  EXPECT_EQ(rendered(Schedule::rate(15min)), "rate(15 minutes)");
  EXPECT_EQ(rendered(Schedule::rate(60min)), "rate(1 hour)");
  EXPECT_EQ(rendered(Schedule::rate(90min)), "rate(90 minutes)");
  EXPECT_EQ(rendered(Schedule::rate(36h)), "rate(36 hours)");
  EXPECT_EQ(rendered(Schedule::rate(24h)), "rate(1 day)");
  EXPECT_EQ(rendered(Schedule::rate(std::chrono::days(7))), "rate(7 days)");
  EXPECT_EQ(rendered(Schedule::rate(120s)), "rate(2 minutes)");
}

TEST_F(ScheduleTest, RatesBelowAMinuteOrNotInWholeMinutesAreRefused) {
  expect_refused(Schedule::rate(0s), "0s is not a whole number of minutes");
  expect_refused(Schedule::rate(30s), "30s is not a whole number of minutes");
  expect_refused(Schedule::rate(90s), "90s");
  expect_refused(Schedule::rate(-5min), "-300s");
}

TEST_F(ScheduleTest, CronFillsUnsetFieldsAsTheAwsCdkDoes) {
  EXPECT_EQ(rendered(Schedule::cron({.minute = "0", .hour = "4"})), "cron(0 4 * * ? *)");
  EXPECT_EQ(rendered(Schedule::cron({.minute = "0", .hour = "3", .week_day = "MON-FRI"})), "cron(0 3 ? * MON-FRI *)");
  EXPECT_EQ(rendered(Schedule::cron({.minute = "30", .hour = "1", .day = "1", .month = "JAN,JUL", .year = "2027"})),
            "cron(30 1 1 JAN,JUL ? 2027)");
  EXPECT_EQ(rendered(Schedule::cron({.minute = "*/15", .hour = "8-18"})), "cron(*/15 8-18 * * ? *)");
}

TEST_F(ScheduleTest, CronWithoutMinuteIsWarnedToRunEveryMinute) {
  auto& every = stack.add<cdk::events::Rule>("Every", {.schedule = Schedule::cron({.hour = "4"})});
  auto& hourly = stack.add<cdk::events::Rule>("Hourly", {.schedule = Schedule::cron({.minute = "0"})});
  EXPECT_TRUE(has_warning(every, "fires every minute"));
  EXPECT_FALSE(has_warning(hourly, "fires every minute"));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::Events::Rule", Match::object_equals({
      {"ScheduleExpression", "cron(* 4 * * ? *)"}, {"State", "ENABLED"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ScheduleTest, CronRefusesDayAndWeekDayTogether) {
  expect_refused(Schedule::cron({.minute = "0", .day = "1", .week_day = "MON"}), "both day \"1\" and week_day \"MON\"");
}

TEST_F(ScheduleTest, CronFieldsOutsideTheirRangesAreRefused) {
  expect_refused(Schedule::cron({.minute = "60"}), "cron minute \"60\" is not valid: EventBridge takes 0-59");
  expect_refused(Schedule::cron({.minute = "0", .hour = "24"}), "cron hour \"24\"");
  expect_refused(Schedule::cron({.minute = "0", .day = "0"}), "cron day \"0\"");
  expect_refused(Schedule::cron({.minute = "0", .day = "32"}), "cron day \"32\"");
  expect_refused(Schedule::cron({.minute = "0", .month = "13"}), "cron month \"13\"");
  expect_refused(Schedule::cron({.minute = "0", .month = "JANUARY"}), "(or JAN-DEC)");
  expect_refused(Schedule::cron({.minute = "0", .week_day = "8"}), "cron week_day \"8\"");
  expect_refused(Schedule::cron({.minute = "0", .week_day = "2#6"}), "cron week_day \"2#6\"");
  expect_refused(Schedule::cron({.minute = "0", .year = "1969"}), "cron year \"1969\"");
  expect_refused(Schedule::cron({.minute = "0,"}), "cron minute \"0,\"");
  expect_refused(Schedule::cron({.minute = "*/0"}), "cron minute \"*/0\"");
  expect_refused(Schedule::cron({.minute = "0", .hour = "1-x"}), "cron hour \"1-x\"");
  expect_refused(Schedule::cron({.minute = "?"}), "cron minute \"?\"");
  expect_refused(Schedule::cron({.minute = "0", .hour = "L"}), "cron hour \"L\"");
}

TEST_F(ScheduleTest, ExpressionsTakeEventBridgesSpecialCharacters) {
  for (const char* e : {"rate(1 hour)", "rate(5 minutes)", "rate(1 day)", "cron(0/10 * ? * MON-FRI *)",
                        "cron(0 12 L * ? *)", "cron(0 8 LW * ? *)", "cron(0 8 15W * ? *)", "cron(0 10 ? * 6L 2026)",
                        "cron(15 10 ? * 2#1 *)", "cron(0 18 ? * sun *)", "cron(0 0,12 1-15 1/2 ? 2026-2030)",
                        "cron(0 9 ? * L *)"})
    EXPECT_EQ(rendered(Schedule::expression(e)), e);
}

TEST_F(ScheduleTest, RateExpressionsNeedAPositiveCountAndTheRightUnit) {
  expect_refused(Schedule::expression("rate(1 hours)"), "needs the singular unit");
  expect_refused(Schedule::expression("rate(5 minute)"), "needs the plural unit");
  expect_refused(Schedule::expression("rate(0 minutes)"), "is not \"rate(N unit)\"");
  expect_refused(Schedule::expression("rate(five minutes)"), "is not \"rate(N unit)\"");
  expect_refused(Schedule::expression("rate(5)"), "is not \"rate(N unit)\"");
  expect_refused(Schedule::expression("rate(2 weeks)"), "has unit \"weeks\"");
}

TEST_F(ScheduleTest, CronExpressionsNeedSixFieldsAndOneQuestionMark) {
  expect_refused(Schedule::expression("cron(0 3 * * *)"), "has 5 fields; EventBridge takes six");
  expect_refused(Schedule::expression("cron(0 3 * * MON *)"), "exactly one of day of month and day of week");
  expect_refused(Schedule::expression("cron(0 3 ? * ? *)"), "exactly one of day of month and day of week");
  expect_refused(Schedule::expression("cron(0 3 * * ? * *)"), "has 7 fields");
}

TEST_F(ScheduleTest, OtherExpressionsAreRefused) {
  expect_refused(Schedule::expression("at(2026-01-01T00:00:00)"), "neither rate(...) nor cron(...)");
  expect_refused(Schedule::expression("every 5 minutes"), "neither rate(...) nor cron(...)");
  expect_refused(Schedule::expression(""), "neither rate(...) nor cron(...)");
  try {
    stack.add<cdk::events::Rule>("At", {.schedule = Schedule::expression("at(2026-01-01T00:00:00)")});
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.diagnostic().hint, ::testing::HasSubstr("EventBridge Scheduler"));
  }
}

}  // namespace
