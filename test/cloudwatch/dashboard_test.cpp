// cloudwatch::Dashboard and its widgets.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/cloudwatch/cfn_dashboard.hpp>
#include <cdk/cloudwatch/dashboard.hpp>
#include <cdk/sns/topic.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using nlohmann::json;
using ::testing::HasSubstr;
namespace cw = cdk::cloudwatch;

// A token inside the body, as a placeholder the JSON text can hold: "Ref:AWS::Region",
// "GetAtt:HighCpuF1D2C2B4.Arn".
std::string placeholder(const json& token) {
  if (token.contains("Ref")) return "Ref:" + token["Ref"].get<std::string>();
  if (token.contains("Fn::GetAtt"))
    return "GetAtt:" + token["Fn::GetAtt"][0].get<std::string>() + "." + token["Fn::GetAtt"][1].get<std::string>();
  return token.dump();
}

class DashboardTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cw::Metric cpu{.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization",
                 .dimensions = {{"AutoScalingGroupName", "web"}}};

  // DashboardBody as synthesized: a string, or {"Fn::Join": ["", parts]}.
  json raw_body(cw::Dashboard& dashboard) {
    auto t = Template::from_stack(stack);
    return json::parse(t.at("/Resources/" + t.logical_id(dashboard.cfn_dashboard()) + "/Properties/DashboardBody"));
  }

  // The body parsed; in a joined body each token reads as its placeholder.
  json body(cw::Dashboard& dashboard) {
    const auto raw = raw_body(dashboard);
    if (raw.is_string()) return json::parse(raw.get<std::string>());
    EXPECT_EQ(raw["Fn::Join"][0], "");
    std::string text;
    for (const auto& part : raw["Fn::Join"][1]) text += part.is_string() ? part.get<std::string>() : placeholder(part);
    return json::parse(text);
  }

  std::string logical_id(cw::Alarm& alarm) {
    return Template::from_stack(stack).logical_id(alarm.cfn_alarm());
  }
};

TEST_F(DashboardTest, TextWidgetAloneGivesAPlainCompactBodyWithTheCdkDefaults) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::TextWidget{.markdown = "# Shop"});
  EXPECT_EQ(raw_body(d), R"({"widgets":[{"type":"text","width":6,"height":2,"x":0,"y":0,"properties":{"markdown":"# Shop"}}]})");
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::CloudWatch::Dashboard", 1);
  t.has_resource_properties("AWS::CloudWatch::Dashboard", Match::object_like({{"DashboardName", Match::absent()}}));
  EXPECT_EQ(d.cfn_dashboard().node().path(), "Stack/Dash/Resource");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, TheStacksTagsStayOffTheDashboard) {
  cdk::Tags::of(stack).add("team", "shop");
  stack.add<cw::Dashboard>("Dash", {}).add_widgets(cw::TextWidget{.markdown = "# Shop"});
  Template::from_stack(stack).has_resource_properties("AWS::CloudWatch::Dashboard",
                                                      Match::object_like({{"Tags", Match::absent()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, AnEmptyDashboardHasAnEmptyWidgetList) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_row({});
  EXPECT_EQ(raw_body(d), R"({"widgets":[]})");
}

TEST_F(DashboardTest, GraphWidgetDefaultsAreATimeSeriesSixBySixInTheStacksRegion) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::GraphWidget{.left = {cpu}});
  EXPECT_EQ(body(d), json::parse(R"({"widgets":[{"type":"metric","width":6,"height":6,"x":0,"y":0,"properties":{
      "view":"timeSeries","region":"Ref:AWS::Region",
      "metrics":[["AWS/EC2","CPUUtilization","AutoScalingGroupName","web"]],"yAxis":{}}}]})"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, GraphWidgetRendersAxesOptionsAndMetricsThatDifferFromTheDefaults) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::GraphWidget{
      .title = "Load",
      .left = {cpu, cpu.with("p99", 60)},
      .right = {{.namespace_ = "AWS/EC2", .metric_name = "NetworkIn", .statistic = "Sum", .label = "In",
                 .color = "#1f77b4"}},
      .width = 12, .height = 8, .stacked = true, .view = cw::GraphWidgetView::Bar,
      .left_y_axis = {.min = 0, .max = 100, .label = "%", .show_units = false},
      .right_y_axis = {.min = 0.1},
      .period_seconds = 60, .statistic = "Maximum", .region = "eu-west-1"});
  // A literal region leaves nothing to join: the body is one string.
  ASSERT_TRUE(raw_body(d).is_string());
  EXPECT_EQ(body(d)["widgets"][0], json::parse(R"({"type":"metric","width":12,"height":8,"x":0,"y":0,"properties":{
      "view":"bar","title":"Load","region":"eu-west-1","stacked":true,
      "metrics":[["AWS/EC2","CPUUtilization","AutoScalingGroupName","web"],
                 ["AWS/EC2","CPUUtilization","AutoScalingGroupName","web",{"period":60,"stat":"p99"}],
                 ["AWS/EC2","NetworkIn",{"color":"#1f77b4","label":"In","stat":"Sum","yAxis":"right"}]],
      "yAxis":{"left":{"min":0,"max":100,"label":"%","showUnits":false},"right":{"min":0.1}},
      "period":60,"stat":"Maximum"}})"));
  // Numbers are written as JavaScript writes them.
  EXPECT_THAT(raw_body(d).get<std::string>(), HasSubstr(R"("right":{"min":0.1})"));
}

TEST_F(DashboardTest, TokensInTheBodyBecomeAnFnJoinAroundEachToken) {
  auto& topic = stack.add<cdk::sns::Topic>("Topic", {});
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::SingleValueWidget{
      .metrics = {{.namespace_ = "AWS/SNS", .metric_name = "NumberOfMessagesPublished",
                   .dimensions = {{"TopicName", topic.topic_name()}}}}});
  auto t = Template::from_stack(stack);
  const auto topic_id = t.find_resources("AWS::SNS::Topic").at(0);
  t.has_resource_properties("AWS::CloudWatch::Dashboard", Match::object_like({{"DashboardBody", Match::exact(
      cdk::Value::map({{"Fn::Join", cdk::Value::list({"", cdk::Value::list({
          R"({"widgets":[{"type":"metric","width":6,"height":3,"x":0,"y":0,"properties":{"view":"singleValue","region":")",
          cdk::Value::map({{"Ref", "AWS::Region"}}),
          R"(","metrics":[["AWS/SNS","NumberOfMessagesPublished","TopicName",")",
          cdk::Value::map({{"Fn::GetAtt", cdk::Value::list({topic_id, "TopicName"})}}),
          R"("]]}}]})"})})}}))}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, SingleValueWidgetRendersSparklinePrecisionAndPeriod) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::SingleValueWidget{.title = "CPU", .metrics = {cpu, cpu.with("Maximum")}, .width = 8, .height = 4,
                                      .sparkline = true, .full_precision = true, .period_seconds = 3600});
  EXPECT_EQ(body(d)["widgets"][0], json::parse(R"({"type":"metric","width":8,"height":4,"x":0,"y":0,"properties":{
      "view":"singleValue","title":"CPU","region":"Ref:AWS::Region","sparkline":true,
      "metrics":[["AWS/EC2","CPUUtilization","AutoScalingGroupName","web"],
                 ["AWS/EC2","CPUUtilization","AutoScalingGroupName","web",{"stat":"Maximum"}]],
      "singleValueFullPrecision":true,"period":3600}})"));
}

TEST_F(DashboardTest, AlarmWidgetDrawsTheAlarmByItsArn) {
  auto& alarm = stack.add<cw::Alarm>("HighCpu", {.metric = cpu, .threshold = 80});
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::AlarmWidget{.alarm = alarm, .title = "CPU", .left_y_axis = {.min = 0}});
  EXPECT_EQ(body(d)["widgets"][0], json::parse(R"({"type":"metric","width":6,"height":6,"x":0,"y":0,"properties":{
      "view":"timeSeries","title":"CPU","region":"Ref:AWS::Region",
      "annotations":{"alarms":["GetAtt:)" + logical_id(alarm) + R"(.Arn"]},"yAxis":{"left":{"min":0}}}})"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, AlarmStatusWidgetListsAlarmsWithTheCdkTitleByDefault) {
  auto& high = stack.add<cw::Alarm>("HighCpu", {.metric = cpu, .threshold = 80});
  auto& low = stack.add<cw::Alarm>("LowCpu", {.metric = cpu, .threshold = 5,
                                             .comparison_operator = cw::ComparisonOperator::LessThanThreshold});
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::AlarmStatusWidget{.alarms = {high, low}},
                cw::AlarmStatusWidget{.alarms = {high}, .title = "Firing", .width = 12,
                                      .sort_by = cw::AlarmStatusSortBy::StateUpdatedTimestamp,
                                      .states = {cw::AlarmState::Alarm, cw::AlarmState::InsufficientData}});
  const auto b = body(d);
  const auto high_arn = "GetAtt:" + logical_id(high) + ".Arn";
  EXPECT_EQ(b["widgets"][0], json::parse(R"({"type":"alarm","width":6,"height":3,"x":0,"y":0,"properties":{
      "title":"Alarm Status","alarms":[")" + high_arn + R"(","GetAtt:)" + logical_id(low) + R"(.Arn"]}})"));
  EXPECT_EQ(b["widgets"][1], json::parse(R"({"type":"alarm","width":12,"height":3,"x":6,"y":0,"properties":{
      "title":"Firing","alarms":[")" + high_arn + R"("],"states":["ALARM","INSUFFICIENT_DATA"],
      "sortBy":"stateUpdatedTimestamp"}})"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, TextWidgetBackgroundIsWrittenOnlyWhenSet) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::TextWidget{.markdown = "a", .width = 24, .height = 1,
                               .background = cw::TextWidgetBackground::Transparent});
  EXPECT_EQ(body(d)["widgets"][0]["properties"], json::parse(R"({"markdown":"a","background":"transparent"})"));
}

// Positions of the widgets, in order: [x, y, width, height].
json positions(const json& b) {
  json out = json::array();
  for (const auto& w : b["widgets"]) out.push_back({w["x"], w["y"], w["width"], w["height"]});
  return out;
}

TEST_F(DashboardTest, EachCallIsARowWhoseWidgetsGoLeftToRightAndWrapPast24Units) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  d.add_widgets(cw::GraphWidget{.left = {cpu}, .width = 12},        // 0,0
                cw::GraphWidget{.left = {cpu}, .width = 10, .height = 8},  // 12,0: the row is 8 high
                cw::TextWidget{.markdown = "x", .width = 4});        // 22+4 > 24: wraps to 0,8
  d.add_widgets(cw::TextWidget{.markdown = "next row"});           // under the row's 10 units
  d.add_widgets(cw::TextWidget{.markdown = "a", .width = 24}, cw::TextWidget{.markdown = "b", .width = 24});
  EXPECT_EQ(positions(body(d)), json::parse(R"([[0,0,12,6],[12,0,10,8],[0,8,4,2],[0,10,6,2],[0,12,24,2],[0,14,24,2]])"));
}

TEST_F(DashboardTest, PropsTakeRowsNameTimeRangeAndPeriodOverride) {
  auto& d = stack.add<cw::Dashboard>("Dash", {
      .dashboard_name = "shop-ops_1", .start = "-PT8H", .period_override = cw::PeriodOverride::Inherit,
      .widgets = {{cw::TextWidget{.markdown = "a", .width = 20}, cw::TextWidget{.markdown = "b"}},
                  {cw::TextWidget{.markdown = "c"}}}});
  const auto b = body(d);
  EXPECT_EQ(b["start"], "-PT8H");
  EXPECT_FALSE(b.contains("end"));
  EXPECT_EQ(b["periodOverride"], "inherit");
  EXPECT_EQ(positions(b), json::parse(R"([[0,0,20,2],[0,2,6,2],[0,4,6,2]])"));
  Template::from_stack(stack).has_resource_properties("AWS::CloudWatch::Dashboard",
                                                      Match::object_like({{"DashboardName", "shop-ops_1"}}));
  // The keys come in the AWS CDK's order.
  EXPECT_THAT(raw_body(d).get<std::string>(), ::testing::StartsWith(R"({"start":"-PT8H","periodOverride":"inherit","widgets":[)"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(DashboardTest, DefaultIntervalIsANegativeIsoDurationStart) {
  auto start_of = [&](const char* id, std::chrono::seconds interval) {
    return body(stack.add<cw::Dashboard>(id, {.default_interval = interval}))["start"];
  };
  EXPECT_EQ(start_of("SixHours", std::chrono::hours(6)), "-PT6H");
  EXPECT_EQ(start_of("Week", std::chrono::days(7)), "-P7D");
  EXPECT_EQ(start_of("Mixed", std::chrono::hours(36) + std::chrono::minutes(30) + std::chrono::seconds(5)), "-P1DT12H30M5S");
  auto& absolute = stack.add<cw::Dashboard>("Absolute", {.start = "2026-01-01T00:00:00.000Z", .end = "2026-01-02T00:00:00.000Z"});
  EXPECT_EQ(body(absolute), json::parse(R"({"start":"2026-01-01T00:00:00.000Z","end":"2026-01-02T00:00:00.000Z","widgets":[]})"));
}

TEST_F(DashboardTest, NameAndArnAreTokensOfTheResource) {
  auto& d = stack.add<cw::Dashboard>("Dash", {});
  EXPECT_EQ(d.dashboard_name(), cdk::Value::ref(d.cfn_dashboard()));
  EXPECT_THAT(d.dashboard_arn().to_string(), HasSubstr(":cloudwatch::"));
  EXPECT_THAT(d.dashboard_arn().to_string(), HasSubstr(":dashboard/"));
}

TEST_F(DashboardTest, RejectsWhatCloudWatchWouldRefuseNamingThePathAndTheWidget) {
  auto& alarm = stack.add<cw::Alarm>("HighCpu", {.metric = cpu, .threshold = 80});
  auto bad_props = [&](const char* id, cw::DashboardProps p, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<cw::Dashboard>(id, std::move(p)); }, std::string("Stack/") + id, text);
  };
  bad_props("Spaces", {.dashboard_name = "my dashboard"}, "\"my dashboard\" has characters other than");
  bad_props("Long", {.dashboard_name = std::string(256, 'a')}, "longer than 255");
  bad_props("Both", {.default_interval = std::chrono::hours(1), .start = "-PT1H"}, "default_interval and start");
  bad_props("EndOnly", {.end = "2026-01-01T00:00:00.000Z"}, "end is set without start");
  bad_props("WideInProps", {.widgets = {{cw::TextWidget{.markdown = "a"}}, {cw::TextWidget{.markdown = "b", .width = 25}}}},
            "row 2, widget 1 (TextWidget) is 25 units wide, not 1-24");
  EXPECT_FALSE(stack.node().try_find_child("WideInProps")) << "checked before anything is made";

  auto& d = stack.add<cw::Dashboard>("Dash", {});
  auto bad = [&](const char* what, cw::Widget w, const char* text) {
    SCOPED_TRACE(what);
    cdk::testing::expect_error([&] { d.add_row({cw::TextWidget{.markdown = "ok"}, std::move(w)}); }, "Stack/Dash", text);
  };
  bad("too wide", cw::GraphWidget{.title = "CPU", .left = {cpu}, .width = 30},
      "row 1, widget 2 (GraphWidget \"CPU\") is 30 units wide, not 1-24");
  bad("no width", cw::TextWidget{.markdown = "a", .width = 0}, "0 units wide");
  bad("no height", cw::SingleValueWidget{.metrics = {cpu}, .height = 0}, "0 units high");
  bad("graph without metrics", cw::GraphWidget{.title = "Empty"}, "(GraphWidget \"Empty\") has no metrics");
  bad("single value without metrics", cw::SingleValueWidget{}, "(SingleValueWidget) has no metrics");
  bad("empty text", cw::TextWidget{}, "has no text");
  bad("alarm widget without alarm", cw::AlarmWidget{}, "(AlarmWidget) has no alarm");
  bad("status without alarms", cw::AlarmStatusWidget{}, "has no alarms");
  bad("status with a null alarm", cw::AlarmStatusWidget{.alarms = {alarm, nullptr}}, "has no alarm");
  bad("metric without name", cw::GraphWidget{.left = {{.namespace_ = "AWS/EC2"}}}, "no namespace or metric name");
  bad("odd metric period", cw::GraphWidget{.right = {cpu.with("Average", 45)}}, "metric AWS/EC2 CPUUtilization period 45 s");
  bad("odd widget period", cw::SingleValueWidget{.metrics = {cpu}, .period_seconds = 90}, "the widget's period 90 s");
  bad("unknown statistic", cw::GraphWidget{.left = {cpu.with("Mean")}}, "statistic \"Mean\"");
  // A refused row leaves the dashboard as it was.
  EXPECT_EQ(raw_body(d), R"({"widgets":[]})");
}

}  // namespace
