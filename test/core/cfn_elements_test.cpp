// Parameters, Outputs, Conditions, Mappings and Rules: rendering and validation.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::HasSubstr;

class Elements : public ::testing::Test {
 protected:
  Json synth() { return cdktest::synth_template(app, "Stack"); }
  std::string errors() { return cdktest::synth_error_text(app); }
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::CfnResource& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
};

TEST_F(Elements, ParameterRendersEveryConstraint) {
  stack.add<cdk::CfnParameter>("Size", cdk::CfnParameterProps{
      .type = "Number", .default_value = 2, .allowed_values = {"1", "2", "4"}, .allowed_pattern = "[0-9]+",
      .description = "How many", .constraint_description = "a power of two", .min_length = 1, .max_length = 2,
      .min_value = 1, .max_value = 4, .no_echo = true});
  stack.add<cdk::CfnParameter>("Plain");
  auto t = synth();
  EXPECT_EQ(t["Parameters"]["Size"], Json::parse(R"({"Type": "Number", "Default": 2,
      "AllowedValues": ["1", "2", "4"], "AllowedPattern": "[0-9]+", "ConstraintDescription": "a power of two",
      "Description": "How many", "MaxLength": 2, "MaxValue": 4, "MinLength": 1, "MinValue": 1, "NoEcho": true})"));
  EXPECT_EQ(t["Parameters"]["Plain"], Json::parse(R"({"Type": "String"})"));
}

TEST_F(Elements, ParameterValueIsARef) {
  auto& p = stack.add<cdk::CfnParameter>("Env");
  topic.set_property("DisplayName", p.value());
  EXPECT_EQ(synth()["Resources"]["Topic"]["Properties"]["DisplayName"], Json::parse(R"({"Ref": "Env"})"));
}

TEST_F(Elements, ParameterValidationNamesThePath) {
  stack.add<cdk::CfnParameter>("NoType", cdk::CfnParameterProps{.type = ""});
  stack.add<cdk::CfnParameter>("TokenDefault", cdk::CfnParameterProps{.default_value = cdk::Aws::region()});
  stack.add<cdk::CfnParameter>("Lengths", cdk::CfnParameterProps{.min_length = 5, .max_length = 2});
  stack.add<cdk::CfnParameter>("Values", cdk::CfnParameterProps{.type = "Number", .min_value = 5, .max_value = 2});
  auto text = errors();
  EXPECT_THAT(text, HasSubstr("error: Stack/NoType: parameter has no type"));
  EXPECT_THAT(text, HasSubstr("error: Stack/TokenDefault: a parameter default must be a literal"));
  EXPECT_THAT(text, HasSubstr("error: Stack/Lengths: min_length is greater than max_length"));
  EXPECT_THAT(text, HasSubstr("error: Stack/Values: min_value is greater than max_value"));
}

TEST_F(Elements, OutputRendersDescriptionValueExportAndCondition) {
  auto& p = stack.add<cdk::CfnParameter>("Env");
  auto& cond = stack.add<cdk::CfnCondition>(
      "IsProd", cdk::CfnConditionProps{.expression = cdk::Fn::condition_equals(p.value(), "prod")});
  stack.add<cdk::CfnOutput>("Arn", cdk::CfnOutputProps{
      .value = topic.ref(), .description = "The topic", .export_name = "shared-topic", .condition = &cond});
  stack.add<cdk::CfnOutput>("Plain", cdk::CfnOutputProps{.value = "x"});
  auto t = synth();
  EXPECT_EQ(t["Outputs"]["Arn"], Json::parse(R"({"Description": "The topic", "Value": {"Ref": "Topic"},
      "Export": {"Name": "shared-topic"}, "Condition": "IsProd"})"));
  EXPECT_EQ(t["Outputs"]["Plain"], Json::parse(R"({"Value": "x"})"));
}

TEST_F(Elements, OutputImportValueNeedsAnExportName) {
  auto& exported = stack.add<cdk::CfnOutput>("E", cdk::CfnOutputProps{.value = "x", .export_name = "Shared:E"});
  EXPECT_EQ(exported.import_value(), cdk::Fn::import_value("Shared:E"));
  auto& plain = stack.add<cdk::CfnOutput>("P", cdk::CfnOutputProps{.value = "x"});
  try {
    (void)plain.import_value();
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/P");
  }
}

TEST_F(Elements, OutputValidationNamesThePath) {
  stack.add<cdk::CfnOutput>("Empty", cdk::CfnOutputProps{});
  stack.add<cdk::CfnOutput>("LongExport", cdk::CfnOutputProps{.value = "x", .export_name = std::string(256, 'e')});
  stack.add<cdk::CfnOutput>("LongDescription",
                            cdk::CfnOutputProps{.value = "x", .description = std::string(1025, 'd')});
  stack.add<cdk::CfnOutput>("MaxExport", cdk::CfnOutputProps{.value = "x", .export_name = std::string(255, 'e')});
  auto text = errors();
  EXPECT_THAT(text, HasSubstr("error: Stack/Empty: output has no value"));
  EXPECT_THAT(text, HasSubstr("error: Stack/LongExport: export name is 256 characters"));
  EXPECT_THAT(text, HasSubstr("error: Stack/LongDescription: output description is over 1024"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("MaxExport")));
}

TEST_F(Elements, ConditionRendersItsExpression) {
  auto& p = stack.add<cdk::CfnParameter>("Env");
  stack.add<cdk::CfnCondition>("IsProd", cdk::CfnConditionProps{
      .expression = cdk::Fn::condition_or({cdk::Fn::condition_equals(p.value(), "prod"),
                                           cdk::Fn::condition_equals(p.value(), "live")})});
  EXPECT_EQ(synth()["Conditions"]["IsProd"], Json::parse(R"({"Fn::Or": [
      {"Fn::Equals": [{"Ref": "Env"}, "prod"]}, {"Fn::Equals": [{"Ref": "Env"}, "live"]}]})"));
}

TEST_F(Elements, ConditionWithoutExpressionIsAnError) {
  stack.add<cdk::CfnCondition>("Nothing", cdk::CfnConditionProps{});
  EXPECT_THAT(errors(), HasSubstr("error: Stack/Nothing: condition has no expression"));
}

TEST_F(Elements, MappingRendersSortedKeys) {
  stack.add<cdk::CfnMapping>("Sizes", cdk::CfnMappingProps{.mapping = {
      {"prod", {{"count", 3}, {"type", "m5.large"}}}, {"dev", {{"count", 1}, {"type", "t3.small"}}}}});
  EXPECT_EQ(synth()["Mappings"]["Sizes"].dump(),
            R"({"dev":{"count":1,"type":"t3.small"},"prod":{"count":3,"type":"m5.large"}})");
}

TEST_F(Elements, MappingLookupWithLiteralKeysChecksTheEntryExists) {
  auto& m = stack.add<cdk::CfnMapping>("Sizes", cdk::CfnMappingProps{.mapping = {{"dev", {{"count", 1}}}}});
  EXPECT_NO_THROW((void)m.find_in_map("dev", "count"));
  EXPECT_NO_THROW((void)m.find_in_map(cdk::Aws::region(), "count"));  // unknown until deploy
  try {
    (void)m.find_in_map("prod", "count");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/Sizes");
    EXPECT_THAT(e.what(), HasSubstr("[prod][count]"));
  }
  EXPECT_THROW((void)m.find_in_map("dev", "size"), cdk::Error);
}

TEST_F(Elements, MappingValidation) {
  stack.add<cdk::CfnMapping>("Empty", cdk::CfnMappingProps{});
  stack.add<cdk::CfnMapping>("EmptyInner", cdk::CfnMappingProps{.mapping = {{"dev", {}}}});
  stack.add<cdk::CfnMapping>("Token", cdk::CfnMappingProps{.mapping = {{"dev", {{"r", cdk::Aws::region()}}}}});
  auto text = errors();
  EXPECT_THAT(text, HasSubstr("error: Stack/Empty: mapping is empty"));
  EXPECT_THAT(text, HasSubstr("error: Stack/EmptyInner: mapping key \"dev\" has no entries"));
  EXPECT_THAT(text, HasSubstr("error: Stack/Token: mapping value [dev][r] is not a literal"));
}

TEST_F(Elements, RuleRendersConditionAndAssertions) {
  auto& p = stack.add<cdk::CfnParameter>("Env");
  stack.add<cdk::CfnRule>("ProdOnlyLarge", cdk::CfnRuleProps{
      .rule_condition = cdk::Fn::condition_equals(p.value(), "prod"),
      .assertions = {{.assert_ = cdk::Fn::condition_equals("a", "a"), .description = "must hold"},
                     {.assert_ = cdk::Fn::condition_equals("b", "b")}}});
  EXPECT_EQ(synth()["Rules"]["ProdOnlyLarge"], Json::parse(R"({
      "RuleCondition": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
      "Assertions": [{"Assert": {"Fn::Equals": ["a", "a"]}, "AssertDescription": "must hold"},
                     {"Assert": {"Fn::Equals": ["b", "b"]}}]})"));
}

TEST_F(Elements, RuleWithoutAssertionsIsAnError) {
  stack.add<cdk::CfnRule>("Empty", cdk::CfnRuleProps{});
  EXPECT_THAT(errors(), HasSubstr("error: Stack/Empty: rule has no assertions"));
}

TEST_F(Elements, SectionsAreWrittenInCloudFormationOrder) {
  stack.set_description("d");
  stack.add<cdk::CfnOutput>("Out", cdk::CfnOutputProps{.value = "x"});
  stack.add<cdk::CfnRule>("Rule", cdk::CfnRuleProps{.assertions = {{.assert_ = cdk::Fn::condition_equals("a", "a")}}});
  stack.add<cdk::CfnCondition>("Cond", cdk::CfnConditionProps{.expression = cdk::Fn::condition_equals("a", "a")});
  stack.add<cdk::CfnMapping>("Map", cdk::CfnMappingProps{.mapping = {{"a", {{"b", 1}}}}});
  stack.add<cdk::CfnParameter>("Param");
  std::vector<std::string> keys;
  const auto t = synth();
  for (const auto& [k, v] : t.items()) keys.push_back(k);
  EXPECT_THAT(keys, ::testing::ElementsAre("Description", "Parameters", "Mappings", "Conditions", "Rules",
                                           "Resources", "Outputs"));
}

TEST_F(Elements, ConditionOfAnotherStackCannotBeUsedByName) {
  auto& other = app.add<cdk::Stack>("Other");
  other.add<cdk::CfnResource>("R", "AWS::SNS::Topic");
  auto& cond = other.add<cdk::CfnCondition>("C", cdk::CfnConditionProps{.expression = cdk::Fn::condition_equals("a", "a")});
  topic.set_condition(cond);
  EXPECT_THAT(errors(), HasSubstr("Other/C"));
}

}  // namespace
