// cloudwatch::MathExpression and SearchExpression in alarms. The expected
// Metrics are what aws-cdk-lib 2.278 synthesizes for the same alarms.
#include "cloudwatch/error_rate_fixture.hpp"
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/cloudwatch/math_expression.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
using nlohmann::json;
namespace cw = cdk::cloudwatch;

class MathExpressionTest : public cdk::testing::ErrorRateFixture {
 protected:
  json properties(cw::Alarm& alarm) {
    auto t = Template::from_stack(stack);
    return json::parse(t.at("/Resources/" + t.logical_id(alarm.cfn_alarm()) + "/Properties"));
  }
  static json stat(const std::string& id, const std::string& name, int period) {
    return {{"Id", id},
            {"MetricStat", {{"Metric", {{"Dimensions", json::array({{{"Name", "LoadBalancer"}, {"Value", "app/web/123"}}})},
                                        {"MetricName", name},
                                        {"Namespace", "AWS/ApplicationELB"}}},
                            {"Period", period},
                            {"Stat", "Sum"}}},
            {"ReturnData", false}};
  }
};

TEST_F(MathExpressionTest, AnAlarmOnAnExpressionWatchesItThroughMetricsAsAwsCdkLibWritesThem) {
  auto& alarm = stack.add<cw::Alarm>("ErrorRate", {.metric = rate, .threshold = 5, .evaluation_periods = 3});
  const json expected = {
      {"ComparisonOperator", "GreaterThanOrEqualToThreshold"},
      {"EvaluationPeriods", 3},
      {"Metrics", json::array({{{"Expression", "100 * errors / requests"}, {"Id", "expr_1"}, {"Label", "Error rate"},
                                {"ReturnData", true}},
                               stat("errors", "HTTPCode_Target_5XX_Count", 60), stat("requests", "RequestCount", 60)})},
      {"Threshold", 5}};
  EXPECT_EQ(properties(alarm), expected);
  EXPECT_EQ(Template::from_stack(stack).logical_id(alarm.cfn_alarm()), "ErrorRateFEDEF997");  // aws-cdk-lib's
  cdk::testing::keep_for_lint(stack);
}

TEST_F(MathExpressionTest, TheExpressionsPeriodReplacesItsMetricsPeriodsAndTheirStatisticsStay) {
  const cw::Metric m = cw::MathExpression{.expression = "errors + requests",
                                          .using_metrics = {{"errors", errors}, {"requests", requests}}};
  ASSERT_TRUE(m.is_expression());
  EXPECT_EQ(m.period_seconds, 300);
  EXPECT_EQ(m.using_metrics.at(1).second.period_seconds, 300);  // was 60
  EXPECT_EQ(m.using_metrics.at(1).second.statistic, "Sum");
  auto& alarm = stack.add<cw::Alarm>("Plain", {.metric = m, .threshold = 5});
  const auto p = properties(alarm);
  EXPECT_EQ(p["Metrics"][0], (json{{"Expression", "errors + requests"}, {"Id", "expr_1"}, {"ReturnData", true}}));
  EXPECT_EQ(p["Metrics"][2], stat("requests", "RequestCount", 300));
  EXPECT_FALSE(p.contains("Period"));
  EXPECT_FALSE(p.contains("Namespace"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(MathExpressionTest, NestedExpressionsFollowTheirParentWithTheOutermostPeriod) {
  auto& alarm = stack.add<cw::Alarm>(
      "Nested", {.metric = cw::MathExpression{.expression = "rate * 2", .using_metrics = {{"rate", rate}}}, .threshold = 5});
  const json expected = json::array(
      {{{"Expression", "rate * 2"}, {"Id", "expr_1"}, {"ReturnData", true}},
       {{"Expression", "100 * errors / requests"}, {"Id", "rate"}, {"Label", "Error rate"}, {"ReturnData", false}},
       stat("errors", "HTTPCode_Target_5XX_Count", 300), stat("requests", "RequestCount", 300)});
  EXPECT_EQ(properties(alarm)["Metrics"], expected);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(MathExpressionTest, AnExpressionOverNoMetricKeepsItsPeriod) {
  auto& alarm = stack.add<cw::Alarm>(
      "Constant", {.metric = cw::MathExpression{.expression = "TIME_SERIES(1)", .period_seconds = 60}, .threshold = 1});
  EXPECT_EQ(properties(alarm)["Metrics"],
            json::array({{{"Expression", "TIME_SERIES(1)"}, {"Id", "expr_1"}, {"Period", 60}, {"ReturnData", true}}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(MathExpressionTest, BadExpressionsAreErrorsNamingTheAlarm) {
  auto bad = [&](const char* id, cw::Metric metric, const std::string& text) {
    SCOPED_TRACE(id);
    expect_error([&] { stack.add<cw::Alarm>(id, {.metric = std::move(metric), .threshold = 1}); },
                 std::string("Stack/") + id, text);
  };
  bad("Empty", cw::MathExpression{.using_metrics = {{"errors", errors}}}, "a math expression is empty");
  bad("UpperId", cw::MathExpression{.expression = "Errors", .using_metrics = {{"Errors", errors}}},
      "the id \"Errors\" in the expression \"Errors\" is not a valid CloudWatch id");
  bad("DashId", cw::MathExpression{.expression = "a-b", .using_metrics = {{"a-b", errors}}}, "\"a-b\"");
  bad("Clash",
      cw::MathExpression{.expression = "m1 + inner",
                         .using_metrics = {{"m1", errors},
                                           {"inner", cw::MathExpression{.expression = "m1", .using_metrics = {{"m1", requests}}}}}},
      "the id \"m1\" names two different metrics");
  bad("Search", cw::SearchExpression{.expression = "SEARCH('{AWS/EC2,InstanceId} CPUUtilization', 'Average')"},
      "CloudWatch alarms take no SEARCH expression");
  bad("SearchInMath", cw::MathExpression{.expression = "MAX(search (' CPUUtilization', 'Average'))"}, "no SEARCH");
  bad("Unnamed", cw::MathExpression{.expression = "x", .using_metrics = {{"x", cw::Metric{.namespace_ = "AWS/EC2"}}}},
      "the expression's metric \"x\" has no namespace or metric name");
  bad("Mean", cw::MathExpression{.expression = "x", .using_metrics = {{"x", errors.with("Mean")}}}, "statistic \"Mean\"");
  bad("Period", cw::MathExpression{.expression = "x", .using_metrics = {{"x", errors}}, .period_seconds = 45},
      "metric period 45 s");
}

TEST_F(MathExpressionTest, AnAlarmTakesAtMostTenMetricsAsCloudWatchDoes) {
  cw::MathExpression sum{.expression = "SUM(METRICS())"};
  for (int i = 0; i < 10; ++i) sum.using_metrics.emplace_back("m" + std::to_string(i), errors.with("Sum", 60 * (i + 1)));
  stack.add<cw::Alarm>("Ten", {.metric = sum, .threshold = 1});
  sum.using_metrics.emplace_back("m10", requests);
  expect_error([&] { stack.add<cw::Alarm>("Eleven", {.metric = sum, .threshold = 1}); }, "Stack/Eleven",
               "uses 11 metrics");
  Template::from_stack(stack).resource_count_is("AWS::CloudWatch::Alarm", 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(MathExpressionTest, TheSameMetricUnderTwoIdsIsQueriedTwice) {
  auto& alarm = stack.add<cw::Alarm>(
      "Twice", {.metric = cw::MathExpression{.expression = "a - b", .using_metrics = {{"a", errors}, {"b", errors}}},
                .threshold = 1});
  const auto metrics = properties(alarm)["Metrics"];
  ASSERT_EQ(metrics.size(), 3U);
  EXPECT_EQ(metrics[1]["Id"], "a");
  EXPECT_EQ(metrics[2]["Id"], "b");
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
