// CfnInclude: an existing template adopted by an app with every logical id
// kept, references between its elements turned into references the app can
// use, and parameters replaced; JSON and YAML with short forms.
#include "core/cfn_include_support.hpp"
#include "core/test_util.hpp"
#include "support/lint.hpp"

#include <cdk/cdk.hpp>
#include <cdk/cfn_include.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using cdktest::Json;
using ::testing::AllOf;
using ::testing::HasSubstr;

using cdktest::comparable;

class CfnIncludeTest : public cdktest::TemplateFilesTest {};

// Every golden sample template comes back with the same ids, types,
// properties, attributes, parameters, conditions and outputs.
TEST_F(CfnIncludeTest, EverySampleGoldenTemplateSynthesizesBackToItself) {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(CDKPP_SOURCE_DIR) / "test/samples/golden")) {
    if (entry.path().extension() != ".json" || !entry.path().string().ends_with(".template.json")) continue;
    const nlohmann::json original = nlohmann::json::parse(std::ifstream(entry.path()));
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Adopted");
    stack.add<cdk::CfnInclude>("Legacy", {.template_file = entry.path().string()});
    const nlohmann::json back = comparable(cdktest::synth_template(app, "Adopted"));
    const nlohmann::json want = comparable(Json::parse(original.dump()));
    EXPECT_EQ(back, want) << entry.path() << "\n" << nlohmann::json::diff(want, back).dump(1);
    ++checked;
  }
  EXPECT_GE(checked, 8) << "the five samples' stacks";
}

constexpr const char* legacy_yaml = R"(AWSTemplateFormatVersion: '2010-09-09'
Description: Hand-written network and storage
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
    Default: dev
  Owner:
    Type: String
Mappings:
  Sizes:
    dev: {Retention: 7}
    prod: {Retention: 30}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsProdInEu: !And
    - !Condition IsProd
    - !Equals [!Ref 'AWS::Region', eu-west-1]
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: !FindInMap [Sizes, !Ref Env, Retention]
      LogGroupName: !Sub '/app/${Env}/${Owner}'
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    DependsOn: Logs
    Properties:
      Tags:
        - Key: owner
          Value: !Ref Owner
        - Key: env
          Value: !Ref Env
      BucketName: !If [IsProdInEu, !Sub 'data-${AWS::AccountId}', !Ref 'AWS::NoValue']
Outputs:
  LogsArn:
    Value: !GetAtt Logs.Arn
  BucketArn:
    Condition: IsProd
    Value: !GetAtt [Bucket, Arn]
    Export:
      Name: !Sub '${AWS::StackName}-bucket'
)";

TEST_F(CfnIncludeTest, YamlShortFormsBecomeTheSameTemplateInJson) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Legacy");
  stack.add<cdk::CfnInclude>("Template", {.template_file = write("legacy.yaml", legacy_yaml)});
  const nlohmann::json t = comparable(cdktest::synth_template(app, "Legacy"));
  EXPECT_EQ(t["Description"], "Hand-written network and storage");
  EXPECT_EQ(t["Conditions"], nlohmann::json::parse(R"({
    "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "IsProdInEu": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]}]}})"));
  EXPECT_EQ(t["Resources"]["Logs"], nlohmann::json::parse(R"({"Type": "AWS::Logs::LogGroup",
    "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain",
    "Properties": {"RetentionInDays": {"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Retention"]},
                   "LogGroupName": {"Fn::Sub": "/app/${Env}/${Owner}"}}})"));
  EXPECT_EQ(t["Resources"]["Bucket"], nlohmann::json::parse(R"({"Type": "AWS::S3::Bucket",
    "Condition": "IsProd", "DependsOn": ["Logs"],
    "Properties": {"Tags": [{"Key": "owner", "Value": {"Ref": "Owner"}},
                            {"Key": "env", "Value": {"Ref": "Env"}}],
                   "BucketName": {"Fn::If": ["IsProdInEu", {"Fn::Sub": "data-${AWS::AccountId}"},
                                             {"Ref": "AWS::NoValue"}]}}})"));
  EXPECT_EQ(t["Outputs"]["BucketArn"], nlohmann::json::parse(R"({"Condition": "IsProd",
    "Value": {"Fn::GetAtt": ["Bucket", "Arn"]}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-bucket"}}})"));
  EXPECT_EQ(t["Outputs"]["LogsArn"], nlohmann::json::parse(R"({"Value": {"Fn::GetAtt": ["Logs", "Arn"]}})"));
  EXPECT_EQ(t["Parameters"]["Env"]["AllowedValues"], nlohmann::json::parse(R"(["dev", "prod"])"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CfnIncludeTest, AReplacedParameterIsGoneAndItsValueIsUsedWhereverItWasRead) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Legacy");
  stack.add<cdk::CfnInclude>("Template", {.template_file = write("legacy.yaml", legacy_yaml),
                                          .parameters = {{"Owner", "platform-team"}}});
  const nlohmann::json t = comparable(cdktest::synth_template(app, "Legacy"));
  EXPECT_FALSE(t["Parameters"].contains("Owner"));
  EXPECT_EQ(t["Resources"]["Bucket"]["Properties"]["Tags"][0]["Value"], "platform-team");
  EXPECT_EQ(t["Resources"]["Logs"]["Properties"]["LogGroupName"],
            nlohmann::json::parse(R"({"Fn::Sub": ["/app/${Env}/${Owner}", {"Owner": "platform-team"}]})"));
}

TEST_F(CfnIncludeTest, TheAppRefersToIncludedElementsAndChangesThem) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Legacy");
  auto& legacy = stack.add<cdk::CfnInclude>("Template", {.template_file = write("legacy.yaml", legacy_yaml)});
  auto& bucket = legacy.get_resource("Bucket");
  EXPECT_EQ(bucket.cfn_type(), "AWS::S3::Bucket");
  bucket.add_property_override("VersioningConfiguration.Status", "Enabled");
  stack.add<cdk::CfnResource>("Alerts", "AWS::SNS::Topic",
                              cdk::Value::map({{"DisplayName", legacy.get_parameter("Env").value()}}))
      .set_condition(legacy.get_condition("IsProd"));
  auto& other = app.add<cdk::Stack>("App");
  other.add<cdk::CfnResource>("Reader", "AWS::SSM::Parameter",
                              cdk::Value::map({{"Type", "String"}, {"Value", bucket.get_att("Arn")}}));
  auto a = cdk::detail::synthesize(app, {});
  const auto t = cdktest::template_of(a, "Legacy");
  EXPECT_EQ(t["Resources"]["Bucket"]["Properties"]["VersioningConfiguration"]["Status"], "Enabled");
  EXPECT_EQ(t["Resources"]["Alerts"]["Properties"]["DisplayName"], Json::parse(R"({"Ref": "Env"})"));
  EXPECT_EQ(t["Resources"]["Alerts"]["Condition"], "IsProd");
  EXPECT_TRUE(cdktest::template_of(a, "App")["Resources"]["Reader"]["Properties"]["Value"].contains("Fn::ImportValue"))
      << "a reference from another stack exports the included resource's attribute";
}

TEST_F(CfnIncludeTest, BadTemplatesAreOneLineErrorsNamingThePathAndTheFile) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto error_of = [&](const std::string& id, cdk::CfnIncludeProps props) -> std::string {
    try {
      stack.add<cdk::CfnInclude>(id, std::move(props));
    } catch (const cdk::Error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_THAT(error_of("A", {.template_file = (dir / "missing.yaml").string()}),
              AllOf(HasSubstr("S/A"), HasSubstr("missing.yaml: cannot be read")));
  EXPECT_THAT(error_of("B", {.template_file = write("b.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
                                                              "    Properties:\n      Name: !Ref Nope\n")}),
              HasSubstr("b.yaml: refers to \"Nope\", which the template does not define"));
  EXPECT_THAT(error_of("C", {.template_file = write("c.json", R"({"Resources": {}, "Transform": {"Name": "AWS::Include",
                                                                 "Parameters": {"Location": "s3://b/k"}}})")}),
              HasSubstr("has a Transform with parameters"));
  EXPECT_THAT(error_of("D", {.template_file = write("d.yaml", "Conditions:\n  A: !And [!Condition B, !Condition B]\n"
                                                              "  B: !Not [!Condition A]\nResources: {}\n")}),
              HasSubstr("conditions that use each other in a circle"));
  EXPECT_THAT(error_of("E", {.template_file = write("e.yaml", legacy_yaml), .parameters = {{"Stage", "x"}}}),
              HasSubstr("has no parameter \"Stage\" to replace"));
  EXPECT_THAT(error_of("F", {.template_file = write("f.json", "{\"Resources\": ")}), HasSubstr("is not a template"));
  auto& ok = stack.add<cdk::CfnInclude>("G", {.template_file = write("g.yaml", legacy_yaml)});
  try {
    (void)ok.get_resource("Buckets");
    ADD_FAILURE() << "no error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("S/G"), HasSubstr("no Resources entry \"Buckets\""), HasSubstr("Bucket, Logs")));
  }
}

}  // namespace
