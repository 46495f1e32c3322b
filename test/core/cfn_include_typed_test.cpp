// CfnInclude with typed L1 classes: every resource of a generated type becomes
// its class with props() holding the template's values, L2 code changes them,
// what does not fit the props is kept as written, and Transform templates
// (SAM) come in with their Transform.
#include "core/cfn_include_support.hpp"
#include "core/test_util.hpp"
#include "support/lint.hpp"

#include <cdk/annotations.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cfn_include.hpp>
#include <cdk/ec2/cfn_security_group.hpp>
#include <cdk/glue/cfn_database.hpp>
#include <cdk/ec2/cfn_subnet.hpp>
#include <cdk/ec2/cfn_vpc.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/lambda/cfn_function.hpp>
#include <cdk/logs/cfn_log_group.hpp>
#include <cdk/rds/cfn_db_instance.hpp>
#include <cdk/s3/cfn_bucket.hpp>
#include <cdk/sns/cfn_topic.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <typeinfo>

namespace {

namespace fs = std::filesystem;
using cdktest::Json;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using cdktest::comparable;

class CfnIncludeTypedTest : public cdktest::TemplateFilesTest {};

/// get_resource<T> for the types the samples use most; each call checks T and
/// that props() holds what the template has.
const std::map<std::string, std::function<void(cdk::CfnInclude&, const std::string&, const nlohmann::json&)>>&
typed_getters() {
  static const std::map<std::string, std::function<void(cdk::CfnInclude&, const std::string&, const nlohmann::json&)>> m{
      {"AWS::EC2::VPC",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json& p) {
         EXPECT_EQ(i.get_resource<cdk::ec2::CfnVPC>(id).props().cidr_block.value().to_string(),
                   cdk::Value(p["CidrBlock"].get<std::string>()).to_string());
       }},
      {"AWS::EC2::Subnet",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json&) {
         EXPECT_TRUE(i.get_resource<cdk::ec2::CfnSubnet>(id).props().vpc_id.has_value());
       }},
      {"AWS::EC2::SecurityGroup",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json& p) {
         EXPECT_EQ(i.get_resource<cdk::ec2::CfnSecurityGroup>(id).props().security_group_egress.size(),
                   p.value("SecurityGroupEgress", nlohmann::json::array()).size());
       }},
      {"AWS::IAM::Role",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json& p) {
         EXPECT_EQ(i.get_resource<cdk::iam::CfnRole>(id).props().policies.size(),
                   p.value("Policies", nlohmann::json::array()).size());
       }},
      {"AWS::S3::Bucket",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json& p) {
         EXPECT_EQ(i.get_resource<cdk::s3::CfnBucket>(id).props().versioning_configuration.has_value(),
                   p.contains("VersioningConfiguration"));
       }},
      {"AWS::Logs::LogGroup",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json& p) {
         EXPECT_EQ(i.get_resource<cdk::logs::CfnLogGroup>(id).props().retention_in_days.has_value(),
                   p.contains("RetentionInDays"));
       }},
      {"AWS::RDS::DBInstance",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json& p) {
         EXPECT_EQ(i.get_resource<cdk::rds::CfnDBInstance>(id).props().engine.has_value(), p.contains("Engine"));
       }},
      {"AWS::Lambda::Function",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json&) {
         EXPECT_TRUE(i.get_resource<cdk::lambda::CfnFunction>(id).props().code.has_value());
       }},
      {"AWS::SNS::Topic",
       [](cdk::CfnInclude& i, const std::string& id, const nlohmann::json&) {
         (void)i.get_resource<cdk::sns::CfnTopic>(id);
       }},
  };
  return m;
}

// Every resource of every sample golden template is its typed class with every
// property in the typed props, and the stack synthesizes back to the same template.
TEST_F(CfnIncludeTypedTest, EverySampleResourceIsItsTypedClassAndComesBackUnchanged) {
  int templates = 0, typed = 0, checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(CDKPP_SOURCE_DIR) / "test/samples/golden")) {
    if (!entry.path().string().ends_with(".template.json")) continue;
    const nlohmann::json original = nlohmann::json::parse(std::ifstream(entry.path()));
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Adopted");
    auto& include = stack.add<cdk::CfnInclude>("Legacy", {.template_file = entry.path().string()});
    for (const auto& [id, r] : original["Resources"].items()) {
      const std::string type = r["Type"];
      cdk::CfnResource& resource = include.get_resource(id);
      if (type.starts_with("Custom::")) {
        EXPECT_EQ(typeid(resource), typeid(cdk::CfnResource)) << id;
        continue;
      }
      EXPECT_NE(typeid(resource), typeid(cdk::CfnResource)) << entry.path() << " " << id << " " << type;
      EXPECT_THAT(include.untyped_properties(id), ::testing::IsEmpty()) << entry.path() << " " << id;
      ++typed;
      if (auto it = typed_getters().find(type); it != typed_getters().end()) {
        it->second(include, id, r.value("Properties", nlohmann::json::object()));
        ++checked;
      }
    }
    const nlohmann::json back = comparable(cdktest::synth_template(app, "Adopted"));
    const nlohmann::json want = comparable(Json::parse(original.dump()));
    EXPECT_EQ(back, want) << entry.path() << "\n" << nlohmann::json::diff(want, back).dump(1);
    ++templates;
  }
  EXPECT_GE(templates, 8);
  EXPECT_GE(typed, 500) << "the samples' resources";
  EXPECT_GE(checked, 200);
}

constexpr const char* network_yaml = R"(Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      EnableDnsSupport: true
      Tags:
        - {Key: Name, Value: !Sub '${Env}-vpc'}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
      AvailabilityZone: !Select [0, !GetAZs '']
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
      LifecycleConfiguration:
        Rules:
          - {Id: expire, Status: Enabled, ExpirationInDays: 30}
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: !If [IsProd, {Status: Enabled}, !Ref 'AWS::NoValue']
      PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true}
      OwnershipControls:
        Rules: [{ObjectOwnership: BucketOwnerEnforced}]
  Hook:
    Type: Custom::Hook
    Properties:
      ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:hook
)";

TEST_F(CfnIncludeTypedTest, TypedPropsHoldTheTemplatesValuesAndTokens) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Network");
  auto& include = stack.add<cdk::CfnInclude>("Legacy", {.template_file = write("network.yaml", network_yaml)});
  auto& vpc = include.get_resource<cdk::ec2::CfnVPC>("Vpc");
  EXPECT_EQ(vpc.props().cidr_block.value().as_string(), "10.0.0.0/16");
  EXPECT_TRUE(vpc.props().enable_dns_support.value().as_bool());
  ASSERT_EQ(vpc.props().tags.size(), 1u);
  EXPECT_EQ(vpc.props().tags[0].value.value().kind(), cdk::Value::Kind::Intrinsic);
  auto& subnet = include.get_resource<cdk::ec2::CfnSubnet>("Subnet");
  EXPECT_EQ(subnet.props().vpc_id.value(), vpc.ref());
  auto& data = include.get_resource<cdk::s3::CfnBucket>("Data");
  ASSERT_TRUE(data.props().versioning_configuration.has_value());
  EXPECT_EQ(data.props().versioning_configuration->status.value().as_string(), "Enabled");
  ASSERT_TRUE(data.props().lifecycle_configuration.has_value());
  ASSERT_EQ(data.props().lifecycle_configuration->rules.size(), 1u);
  EXPECT_EQ(data.props().lifecycle_configuration->rules[0].expiration_in_days.value().as_int(), 30);
  EXPECT_THAT(include.untyped_properties("Data"), ::testing::IsEmpty());
}

// A token where a property type is expected and an unknown key (which cfn-lint
// rejects, so this template is not linted) stay out of props() and come out
// exactly as the template writes them.
TEST_F(CfnIncludeTypedTest, PropertiesThatDoNotFitThePropsAreKeptAsWritten) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Network");
  auto& include = stack.add<cdk::CfnInclude>(
      "Legacy", {.template_file = write("odd.yaml", std::string(network_yaml) + R"(  Odd:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: {BlockPublicAcls: true, Surprise: 1}
      NotAProperty: [1, 2]
      BucketName: odd
)")});
  auto& logs = include.get_resource<cdk::s3::CfnBucket>("Logs");
  EXPECT_THAT(include.untyped_properties("Logs"), ElementsAre("VersioningConfiguration"));
  EXPECT_FALSE(logs.props().versioning_configuration.has_value());
  ASSERT_TRUE(logs.props().public_access_block_configuration.has_value());
  ASSERT_TRUE(logs.props().ownership_controls.has_value());
  auto& odd = include.get_resource<cdk::s3::CfnBucket>("Odd");
  EXPECT_THAT(include.untyped_properties("Odd"), ElementsAre("NotAProperty", "PublicAccessBlockConfiguration"));
  EXPECT_FALSE(odd.props().public_access_block_configuration.has_value());
  EXPECT_EQ(odd.props().bucket_name.value().as_string(), "odd");
  const nlohmann::json t = comparable(cdktest::synth_template(app, "Network"));
  EXPECT_EQ(t["Resources"]["Logs"]["Properties"], nlohmann::json::parse(R"({
    "VersioningConfiguration": {"Fn::If": ["IsProd", {"Status": "Enabled"}, {"Ref": "AWS::NoValue"}]},
    "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true},
    "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}})"));
  EXPECT_EQ(t["Resources"]["Odd"]["Properties"], nlohmann::json::parse(R"({
    "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "Surprise": 1},
    "NotAProperty": [1, 2], "BucketName": "odd"})"));
}

TEST_F(CfnIncludeTypedTest, ChangingATypedPropChangesTheTemplate) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Network");
  auto& include = stack.add<cdk::CfnInclude>("Legacy", {.template_file = write("network.yaml", network_yaml)});
  auto& vpc = include.get_resource<cdk::ec2::CfnVPC>("Vpc");
  vpc.props().enable_dns_hostnames = true;
  vpc.props().cidr_block = "10.1.0.0/16";
  auto& data = include.get_resource<cdk::s3::CfnBucket>("Data");
  data.props().versioning_configuration->status = "Suspended";
  data.props().lifecycle_configuration->rules[0].expiration_in_days = 90;
  cdk::Tags::of(stack).add("team", "infra");
  cdk::testing::keep_for_lint(stack);
  const nlohmann::json t = comparable(cdktest::synth_template(app, "Network"));
  const auto& v = t["Resources"]["Vpc"]["Properties"];
  EXPECT_EQ(v["CidrBlock"], "10.1.0.0/16");
  EXPECT_EQ(v["EnableDnsHostnames"], true);
  EXPECT_EQ(v["EnableDnsSupport"], true);
  EXPECT_EQ(v["Tags"], nlohmann::json::parse(R"([{"Key": "Name", "Value": {"Fn::Sub": "${Env}-vpc"}},
                                                   {"Key": "team", "Value": "infra"}])"))
      << "Tags::of reaches a typed included resource and keeps the template's tags";
  const auto& d = t["Resources"]["Data"]["Properties"];
  EXPECT_EQ(d["VersioningConfiguration"]["Status"], "Suspended");
  EXPECT_EQ(d["LifecycleConfiguration"]["Rules"][0]["ExpirationInDays"], 90);
  EXPECT_EQ(t["Resources"]["Hook"]["Properties"].contains("Tags"), false) << "a generic resource is not tagged";
}

TEST_F(CfnIncludeTypedTest, AskingForAnotherTypeIsAnErrorNamingPathFileIdAndType) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Network");
  const std::string file = write("network.yaml", network_yaml);
  auto& include = stack.add<cdk::CfnInclude>("Legacy", {.template_file = file});
  auto error_of = [](const std::function<void()>& f) -> std::string {
    try {
      f();
    } catch (const cdk::Error& e) {
      return e.what();
    }
    return "no error";
  };
  const std::string wrong = error_of([&] { (void)include.get_resource<cdk::ec2::CfnVPC>("Data"); });
  EXPECT_THAT(wrong, AllOf(HasSubstr("Network/Legacy"), HasSubstr(file), HasSubstr("resource \"Data\" is AWS::S3::Bucket"),
                           HasSubstr("not AWS::EC2::VPC")));
  EXPECT_EQ(std::count(wrong.begin(), wrong.end(), '\n'), 0) << wrong;
  EXPECT_THAT(error_of([&] { (void)include.get_resource<cdk::s3::CfnBucket>("Hook"); }),
              HasSubstr("resource \"Hook\" is Custom::Hook, not AWS::S3::Bucket"));
  EXPECT_THAT(error_of([&] { (void)include.get_resource<cdk::s3::CfnBucket>("Nope"); }),
              HasSubstr("no Resources entry \"Nope\""));
  EXPECT_THAT(error_of([&] { (void)include.untyped_properties("Nope"); }), HasSubstr("no Resources entry \"Nope\""));
}

// Glue is not among the default CDKPP_L1_INCLUDE_SERVICES: its resources stay
// generic, and asking for the typed class says why (a build reading every
// service gives the typed object instead).
TEST_F(CfnIncludeTypedTest, AResourceOfAServiceWithoutReadersStaysGenericAndSaysSo) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Data");
  auto& include = stack.add<cdk::CfnInclude>("Legacy", {.template_file = write("glue.yaml", R"(Resources:
  Db:
    Type: AWS::Glue::Database
    Properties:
      CatalogId: !Ref AWS::AccountId
      DatabaseInput: {Name: sales}
)")});
  if (typeid(include.get_resource("Db")) != typeid(cdk::CfnResource)) {
    EXPECT_EQ(include.get_resource<cdk::glue::CfnDatabase>("Db").props().database_input->name.value().as_string(), "sales");
    return;
  }
  try {
    (void)include.get_resource<cdk::glue::CfnDatabase>("Db");
    ADD_FAILURE() << "no error";
  } catch (const cdk::Error& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("Data/Legacy"), HasSubstr("resource \"Db\" is AWS::Glue::Database"),
                                HasSubstr("kept as a generic CfnResource"), HasSubstr("CDKPP_L1_INCLUDE_SERVICES")));
  }
  const nlohmann::json t = comparable(cdktest::synth_template(app, "Data"));
  EXPECT_EQ(t["Resources"]["Db"]["Properties"]["DatabaseInput"]["Name"], "sales");
}

constexpr const char* sam_yaml = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(event, context):\n    return {'statusCode': 200}\n"
      Events:
        Api:
          Type: Api
          Properties: {Path: /, Method: get}
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: Enabled}
Outputs:
  HandlerArn:
    Value: !GetAtt Handler.Arn
)";

TEST_F(CfnIncludeTypedTest, ATransformTemplateKeepsItsTransformAndServerlessResources) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Sam");
  auto& include = stack.add<cdk::CfnInclude>("Api", {.template_file = write("sam.yaml", sam_yaml)});
  auto& handler = include.get_resource("Handler");
  EXPECT_EQ(typeid(handler), typeid(cdk::CfnResource));
  EXPECT_EQ(handler.cfn_type(), "AWS::Serverless::Function");
  (void)include.get_resource<cdk::s3::CfnBucket>("Uploads");
  cdk::testing::keep_for_lint(stack);
  auto a = cdk::detail::synthesize(app, {});
  const nlohmann::json t = comparable(cdktest::template_of(a, "Sam"));
  EXPECT_EQ(t["Transform"], "AWS::Serverless-2016-10-31");
  EXPECT_EQ(t["Resources"]["Handler"]["Properties"]["Events"]["Api"]["Properties"]["Path"], "/");
  EXPECT_EQ(t["Outputs"]["HandlerArn"]["Value"], nlohmann::json::parse(R"({"Fn::GetAtt": ["Handler", "Arn"]})"));
  bool warned = false;
  for (const auto& m : include.node().metadata())
    if (m.type == cdk::Annotations::warning_type && m.data.find("CAPABILITY_AUTO_EXPAND") != std::string::npos)
      warned = true;
  EXPECT_TRUE(warned) << "a warning that deploying needs CAPABILITY_AUTO_EXPAND";
}

TEST_F(CfnIncludeTypedTest, SeveralTransformsAreKeptInOrder) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Sam");
  stack.add<cdk::CfnInclude>("Api", {.template_file = write("sam.json", R"({
    "Transform": ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"],
    "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}})")});
  const nlohmann::json t = comparable(cdktest::synth_template(app, "Sam"));
  EXPECT_EQ(t["Transform"], nlohmann::json::parse(R"(["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"])"));
}

}  // namespace
