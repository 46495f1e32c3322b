// Intrinsic functions and pseudo parameters render to CloudFormation's shapes.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gtest/gtest.h>

namespace {

using cdktest::Json;

class Fn : public ::testing::Test {
 protected:
  Json r(const cdk::Value& v) { return cdktest::resolve(stack, v); }
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  cdk::CfnResource& bucket = stack.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cdk::CfnParameter& env = stack.add<cdk::CfnParameter>("Env", cdk::CfnParameterProps{});
  cdk::CfnCondition& is_prod = stack.add<cdk::CfnCondition>(
      "IsProd", cdk::CfnConditionProps{.expression = cdk::Fn::condition_equals(env.value(), "prod")});
  cdk::CfnMapping& amis = stack.add<cdk::CfnMapping>(
      "Amis", cdk::CfnMappingProps{.mapping = {{"eu-west-1", {{"ami", "ami-1"}}}}});
};

TEST_F(Fn, RefAndGetAttUseLogicalIds) {
  EXPECT_EQ(r(cdk::Fn::ref(bucket)), Json::parse(R"({"Ref": "Bucket"})"));
  EXPECT_EQ(r(cdk::Fn::get_att(bucket, "Arn")), Json::parse(R"({"Fn::GetAtt": ["Bucket", "Arn"]})"));
  EXPECT_EQ(r(env.value()), Json::parse(R"({"Ref": "Env"})"));
}

TEST_F(Fn, JoinSubSelectSplit) {
  EXPECT_EQ(r(cdk::Fn::join(",", {"a", bucket.ref()})), Json::parse(R"({"Fn::Join": [",", ["a", {"Ref": "Bucket"}]]})"));
  EXPECT_EQ(r(cdk::Fn::sub("${AWS::Region}-x")), Json::parse(R"({"Fn::Sub": "${AWS::Region}-x"})"));
  EXPECT_EQ(r(cdk::Fn::sub("${B}/*", {{"B", bucket.get_att("Arn")}})),
            Json::parse(R"({"Fn::Sub": ["${B}/*", {"B": {"Fn::GetAtt": ["Bucket", "Arn"]}}]})"));
  EXPECT_EQ(r(cdk::Fn::select(1, cdk::Fn::split(",", "a,b"))),
            Json::parse(R"({"Fn::Select": [1, {"Fn::Split": [",", "a,b"]}]})"));
}

TEST_F(Fn, GetAzsDefaultsToTheStacksRegion) {
  EXPECT_EQ(r(cdk::Fn::get_azs()), Json::parse(R"({"Fn::GetAZs": ""})"));
  EXPECT_EQ(r(cdk::Fn::get_azs(cdk::Aws::region())), Json::parse(R"({"Fn::GetAZs": {"Ref": "AWS::Region"}})"));
}

TEST_F(Fn, ImportValueBase64Cidr) {
  EXPECT_EQ(r(cdk::Fn::import_value("Shared:VpcId")), Json::parse(R"({"Fn::ImportValue": "Shared:VpcId"})"));
  EXPECT_EQ(r(cdk::Fn::base64("#!/bin/sh")), Json::parse(R"({"Fn::Base64": "#!/bin/sh"})"));
  EXPECT_EQ(r(cdk::Fn::cidr("10.0.0.0/16", 4, 8)), Json::parse(R"({"Fn::Cidr": ["10.0.0.0/16", 4, 8]})"));
}

TEST_F(Fn, FindInMapNamesTheMapping) {
  EXPECT_EQ(r(amis.find_in_map(cdk::Aws::region(), "ami")),
            Json::parse(R"({"Fn::FindInMap": ["Amis", {"Ref": "AWS::Region"}, "ami"]})"));
  EXPECT_EQ(r(cdk::Fn::find_in_map(amis, "eu-west-1", "ami")),
            Json::parse(R"({"Fn::FindInMap": ["Amis", "eu-west-1", "ami"]})"));
}

TEST_F(Fn, ConditionFunctions) {
  EXPECT_EQ(r(cdk::Fn::condition_if(is_prod, 3, cdk::Aws::no_value())),
            Json::parse(R"({"Fn::If": ["IsProd", 3, {"Ref": "AWS::NoValue"}]})"));
  EXPECT_EQ(r(cdk::Fn::condition_equals(env.value(), "prod")),
            Json::parse(R"({"Fn::Equals": [{"Ref": "Env"}, "prod"]})"));
  EXPECT_EQ(r(cdk::Fn::condition_not(cdk::Fn::condition(is_prod))),
            Json::parse(R"({"Fn::Not": [{"Condition": "IsProd"}]})"));
  EXPECT_EQ(r(cdk::Fn::condition_and({cdk::Fn::condition(is_prod), cdk::Fn::condition_equals("a", "a")})),
            Json::parse(R"({"Fn::And": [{"Condition": "IsProd"}, {"Fn::Equals": ["a", "a"]}]})"));
  EXPECT_EQ(r(cdk::Fn::condition_or({cdk::Fn::condition(is_prod), cdk::Fn::condition(is_prod)})),
            Json::parse(R"({"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "IsProd"}]})"));
}

TEST_F(Fn, PseudoParameters) {
  EXPECT_EQ(r(cdk::Aws::account_id()), Json::parse(R"({"Ref": "AWS::AccountId"})"));
  EXPECT_EQ(r(cdk::Aws::region()), Json::parse(R"({"Ref": "AWS::Region"})"));
  EXPECT_EQ(r(cdk::Aws::partition()), Json::parse(R"({"Ref": "AWS::Partition"})"));
  EXPECT_EQ(r(cdk::Aws::stack_name()), Json::parse(R"({"Ref": "AWS::StackName"})"));
  EXPECT_EQ(r(cdk::Aws::stack_id()), Json::parse(R"({"Ref": "AWS::StackId"})"));
  EXPECT_EQ(r(cdk::Aws::url_suffix()), Json::parse(R"({"Ref": "AWS::URLSuffix"})"));
  EXPECT_EQ(r(cdk::Aws::notification_arns()), Json::parse(R"({"Ref": "AWS::NotificationARNs"})"));
  EXPECT_EQ(r(cdk::Aws::no_value()), Json::parse(R"({"Ref": "AWS::NoValue"})"));
}

TEST_F(Fn, ArnBuiltFromPseudoParametersIsOneJoin) {
  cdk::Value arn = "arn:" + cdk::Aws::partition() + ":sns:" + cdk::Aws::region() + ":" + cdk::Aws::account_id() +
                   ":topic";
  EXPECT_EQ(r(arn), Json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":sns:",
      {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":topic"]]})"));
}

}  // namespace
