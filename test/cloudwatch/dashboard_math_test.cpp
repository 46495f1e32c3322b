// Dashboards with math and search expressions and Logs Insights queries. The
// expected body is what aws-cdk-lib 2.278 synthesizes for the same dashboard.
#include "cloudwatch/error_rate_fixture.hpp"
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/cfn_dashboard.hpp>
#include <cdk/cloudwatch/dashboard.hpp>
#include <cdk/cloudwatch/math_expression.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using cdk::assertions::Template;
using cdk::testing::expect_error;
using nlohmann::json;
namespace cw = cdk::cloudwatch;

// DashboardBody of aws-cdk-lib's dashboard (an Fn::Join around the region).
constexpr const char* aws_cdk_lib_body = R"json(
{"Fn::Join": ["", ["{\"widgets\":[{\"type\":\"metric\",\"width\":6,\"height\":6,\"x\":0,\"y\":0,\"properties\":{\"view\":\"timeSeries\",\"title\":\"Errors\",\"region\":\"", {"Ref": "AWS::Region"}, "\",\"metrics\":[[{\"label\":\"Error rate\",\"expression\":\"100 * errors / requests\",\"period\":60}],[\"AWS/ApplicationELB\",\"HTTPCode_Target_5XX_Count\",\"LoadBalancer\",\"app/web/123\",{\"id\":\"errors\",\"visible\":false,\"period\":60,\"stat\":\"Sum\"}],[\"AWS/ApplicationELB\",\"RequestCount\",\"LoadBalancer\",\"app/web/123\",{\"id\":\"requests\",\"period\":60,\"stat\":\"Sum\"}],[{\"label\":\"cpu\",\"expression\":\"SEARCH('{AWS/EC2,InstanceId} MetricName=\\\"CPUUtilization\\\"', 'Average', 300)\",\"yAxis\":\"right\"}],[{\"label\":\"SEARCH('{AWS/EC2,InstanceId} MetricName=\\\"NetworkIn\\\"', 'Sum', 60)\",\"expression\":\"SEARCH('{AWS/EC2,InstanceId} MetricName=\\\"NetworkIn\\\"', 'Sum', 60)\",\"period\":60,\"yAxis\":\"right\"}]],\"yAxis\":{}}},{\"type\":\"metric\",\"width\":6,\"height\":6,\"x\":0,\"y\":6,\"properties\":{\"view\":\"timeSeries\",\"region\":\"", {"Ref": "AWS::Region"}, "\",\"metrics\":[[{\"label\":\"errors + requests\",\"expression\":\"errors + requests\"}],[\"AWS/ApplicationELB\",\"HTTPCode_Target_5XX_Count\",\"LoadBalancer\",\"app/web/123\",{\"id\":\"errors\",\"visible\":false,\"stat\":\"Sum\"}],[\"AWS/ApplicationELB\",\"RequestCount\",\"LoadBalancer\",\"app/web/123\",{\"id\":\"requests\",\"visible\":false,\"stat\":\"Sum\"}]],\"yAxis\":{}}},{\"type\":\"metric\",\"width\":6,\"height\":3,\"x\":6,\"y\":6,\"properties\":{\"view\":\"singleValue\",\"region\":\"", {"Ref": "AWS::Region"}, "\",\"metrics\":[[{\"label\":\"Error rate\",\"expression\":\"100 * errors / requests\",\"period\":60}],[\"AWS/ApplicationELB\",\"HTTPCode_Target_5XX_Count\",\"LoadBalancer\",\"app/web/123\",{\"id\":\"errors\",\"visible\":false,\"period\":60,\"stat\":\"Sum\"}],[\"AWS/ApplicationELB\",\"RequestCount\",\"LoadBalancer\",\"app/web/123\",{\"id\":\"requests\",\"visible\":false,\"period\":60,\"stat\":\"Sum\"}]]}},{\"type\":\"log\",\"width\":6,\"height\":6,\"x\":0,\"y\":12,\"properties\":{\"view\":\"table\",\"title\":\"Errors\",\"region\":\"", {"Ref": "AWS::Region"}, "\",\"query\":\"SOURCE '/app/web' | SOURCE '/app/worker' | fields @timestamp, @message\\n| filter @message like /ERROR/\\n| sort @timestamp desc\\n| limit 20\"}},{\"type\":\"log\",\"width\":12,\"height\":6,\"x\":0,\"y\":18,\"properties\":{\"view\":\"timeSeries\",\"region\":\"us-east-1\",\"query\":\"SOURCE '/app/web' | stats count(*) by bin(5m)\",\"stacked\":true}},{\"type\":\"log\",\"width\":6,\"height\":6,\"x\":0,\"y\":24,\"properties\":{\"view\":\"bar\",\"region\":\"", {"Ref": "AWS::Region"}, "\",\"query\":\"SOURCE '/app/web' | stats count(*) by bin(5m)\"}}]}"]]}
)json";

class DashboardMathTest : public cdk::testing::ErrorRateFixture {
 protected:
  json raw_body(cw::Dashboard& dashboard) {
    auto t = Template::from_stack(stack);
    return json::parse(t.at("/Resources/" + t.logical_id(dashboard.cfn_dashboard()) + "/Properties/DashboardBody"));
  }
};

TEST_F(DashboardMathTest, ExpressionsSearchesAndLogQueriesRenderAsAwsCdkLibRendersThem) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  const cw::MathExpression search{
      .expression = R"(SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300))", .label = "cpu"};
  const cw::SearchExpression search2{.expression = R"(SEARCH('{AWS/EC2,InstanceId} MetricName="NetworkIn"', 'Sum', 60))",
                                     .period_seconds = 60};
  const cw::MathExpression plain{.expression = "errors + requests",
                                 .using_metrics = {{"errors", errors}, {"requests", requests}}};
  d.add_widgets(cw::GraphWidget{.title = "Errors", .left = {rate, requests}, .right = {search, search2}});
  d.add_widgets(cw::GraphWidget{.left = {plain}}, cw::SingleValueWidget{.metrics = {rate}});
  d.add_widgets(cw::LogQueryWidget{
      .log_group_names = {"/app/web", "/app/worker"},
      .query_lines = {"fields @timestamp, @message", "filter @message like /ERROR/", "sort @timestamp desc", "limit 20"},
      .title = "Errors"});
  d.add_widgets(cw::LogQueryWidget{.log_group_names = {"/app/web"}, .query_string = "stats count(*) by bin(5m)",
                                   .view = cw::LogQueryView::StackedArea, .width = 12, .region = "us-east-1"});
  d.add_widgets(cw::LogQueryWidget{.log_group_names = {"/app/web"}, .query_string = "stats count(*) by bin(5m)",
                                   .view = cw::LogQueryView::Bar});
  EXPECT_EQ(raw_body(d), json::parse(aws_cdk_lib_body));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardMathTest, ALogGroupsNameTokenJoinsIntoTheBodyWithTheQueryStillJson) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::LogQueryWidget{.log_group_names = {cdk::Value("/app/") + cdk::Aws::stack_name()},
                                   .query_lines = {"fields @message", "limit 5"}, .view = cw::LogQueryView::Line});
  const auto raw = raw_body(d);
  // One flat Fn::Join, as aws-cdk-lib writes it: no join inside the join.
  const auto& parts = raw["Fn::Join"][1];
  ASSERT_EQ(parts.size(), 5U);
  EXPECT_EQ(parts[1], json::parse(R"({"Ref":"AWS::Region"})"));
  EXPECT_EQ(parts[3], json::parse(R"({"Ref":"AWS::StackName"})"));
  EXPECT_THAT(parts[2].get<std::string>(), ::testing::EndsWith(R"(","query":"SOURCE '/app/)"));
  // The query's new line is written as JSON's \n, so the body parses once deployed.
  EXPECT_EQ(parts[4], R"(' | fields @message\n| limit 5","stacked":false}}]})");
  const auto deployed = parts[0].get<std::string>() + "eu-west-1" + parts[2].get<std::string>() + "Stack" +
                        parts[4].get<std::string>();
  EXPECT_EQ(json::parse(deployed)["widgets"][0]["properties"]["query"], "SOURCE '/app/Stack' | fields @message\n| limit 5");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardMathTest, BadExpressionsAndLogQueriesAreErrorsNamingTheWidget) {
  auto bad = [&](const char* id, cw::Widget widget, const std::string& text) {
    SCOPED_TRACE(id);
    auto& d = stack.add<cw::Dashboard>(id, {});
    expect_error([&] { d.add_row({std::move(widget)}); }, std::string("Stack/") + id, text);
  };
  bad("EmptyMath", cw::GraphWidget{.left = {cw::MathExpression{}}}, "row 1, widget 1 (GraphWidget): a math expression is empty");
  bad("BadId", cw::SingleValueWidget{.metrics = {cw::MathExpression{.expression = "E", .using_metrics = {{"E", errors}}}}},
      "\"E\" in the expression \"E\" is not a valid CloudWatch id");
  bad("Clash",
      cw::GraphWidget{.left = {cw::MathExpression{.expression = "m1", .using_metrics = {{"m1", errors}}}},
                      .right = {cw::MathExpression{.expression = "m1 * 2", .using_metrics = {{"m1", requests}}}}},
      "the id \"m1\" names two different metrics");
  bad("OddPeriod", cw::GraphWidget{.left = {cw::SearchExpression{.expression = "SEARCH('x', 'Sum')", .period_seconds = 45}}},
      "expression \"SEARCH('x', 'Sum')\" period 45 s");
  bad("NoLogGroup", cw::LogQueryWidget{.query_string = "fields @message"}, "LogQueryWidget) has no log groups");
  bad("NoQuery", cw::LogQueryWidget{.log_group_names = {"/a"}}, "needs exactly one of query_string and query_lines");
  bad("TwoQueries", cw::LogQueryWidget{.log_group_names = {"/a"}, .query_string = "x", .query_lines = {"y"}},
      "needs exactly one of query_string and query_lines");
  cw::LogQueryWidget many{.query_string = "fields @message"};
  for (int i = 0; i < 51; ++i) many.log_group_names.emplace_back("/g" + std::to_string(i));
  bad("TooManyGroups", many, "queries 51 log groups");
}

TEST_F(DashboardMathTest, SearchExpressionsAreFineOnDashboards) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::GraphWidget{.left = {cw::SearchExpression{.expression = "SEARCH('{AWS/SQS,QueueName}', 'Maximum')"}}});
  EXPECT_THAT(raw_body(d).dump(),
              ::testing::HasSubstr(R"([[{\"label\":\"SEARCH('{AWS/SQS,QueueName}', 'Maximum')\",)"
                                   R"(\"expression\":\"SEARCH('{AWS/SQS,QueueName}', 'Maximum')\"}]])"));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
