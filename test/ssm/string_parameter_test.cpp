// ssm::StringParameter: String and StringList parameters, dynamic references, errors.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/ssm/cfn_parameter.hpp>
#include <cdk/ssm/string_parameter.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace ssm = cdk::ssm;

class StringParameterTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
};

TEST_F(StringParameterTest, CreatesAStringParameter) {
  stack.add<ssm::StringParameter>("ApiUrl", {.parameter_name = "/app/api-url", .string_value = "https://api.example.com",
                                                        .description = "where the API is"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SSM::Parameter", Match::object_equals({
      {"Type", "String"}, {"Value", "https://api.example.com"}, {"Name", "/app/api-url"}, {"Description", "where the API is"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StringParameterTest, CreatesAStringListParameterWithTierAndPattern) {
  stack.add<ssm::StringParameter>("Azs", {.type = ssm::ParameterType::StringList,
                                          .string_list_value = {"eu-west-1a", "eu-west-1b"},
                                          .allowed_pattern = "^[a-z0-9-,]+$",
                                          .tier = ssm::ParameterTier::Advanced});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SSM::Parameter", Match::object_equals({
      {"Type", "StringList"}, {"Value", "eu-west-1a,eu-west-1b"}, {"AllowedPattern", "^[a-z0-9-,]+$"}, {"Tier", "Advanced"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StringParameterTest, SecureStringIsAnErrorThatSaysWhy) {
  try {
    stack.add<ssm::StringParameter>("Password", {.type = ssm::ParameterType::SecureString, .string_value = "x"});
    ADD_FAILURE() << "a SecureString was accepted";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/Password");
    EXPECT_THAT(e.what(), HasSubstr("CloudFormation cannot create SecureString"));
    EXPECT_THAT(e.diagnostic().hint, HasSubstr("secretsmanager"));
  }
}

TEST_F(StringParameterTest, DynamicReferencesResolveAtDeployTime) {
  EXPECT_EQ(ssm::StringParameter::value_for_string_parameter(stack, "/app/ami-id").as_string(), "{{resolve:ssm:/app/ami-id}}");
  EXPECT_EQ(ssm::StringParameter::value_for_string_parameter(stack, "/app/ami-id", 4).as_string(), "{{resolve:ssm:/app/ami-id:4}}");
  EXPECT_EQ(ssm::StringParameter::value_for_secure_string_parameter("/app/db-password", 3).as_string(),
            "{{resolve:ssm-secure:/app/db-password:3}}");
  // AWS public parameters are readable too.
  EXPECT_EQ(ssm::StringParameter::value_for_string_parameter(
                stack, "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64").as_string(),
            "{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}");
  EXPECT_THAT([&] { (void)ssm::StringParameter::value_for_secure_string_parameter("/app/db-password", 0); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("needs a version")));
  EXPECT_THAT([&] { (void)ssm::StringParameter::value_for_string_parameter(stack, "bad name"); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("bad name")));
}

TEST_F(StringParameterTest, GrantReadUsesThePartitionAwareParameterArn) {
  auto& p = stack.add<ssm::StringParameter>("Url", {.parameter_name = "/app/url", .string_value = "x"});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  p.grant_read(role);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({
          {"Action", Match::array_equals({"ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter", "ssm:GetParameterHistory"})},
          {"Resource", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
              "arn:", Match::object_equals({{"Ref", "AWS::Partition"}}), ":ssm:", Match::object_equals({{"Ref", "AWS::Region"}}), ":",
              Match::object_equals({{"Ref", "AWS::AccountId"}}), ":parameter",
              Match::object_equals({{"Ref", t.logical_id(p.cfn_parameter())}})})})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(StringParameterTest, RejectsBadNamesValuesAndMixedTypes) {
  auto bad = [&](const char* id, ssm::StringParameterProps p, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<ssm::StringParameter>(id, std::move(p)); }, std::string("Stack/") + id, text);
  };
  bad("NoValue", {}, "needs string_value");
  bad("Empty", {.string_value = ""}, "empty");
  bad("Spaces", {.parameter_name = "my param", .string_value = "x"}, "letters, digits");
  bad("Reserved", {.parameter_name = "/aws/mine", .string_value = "x"}, "aws or ssm");
  bad("TooBig", {.string_value = std::string(5000, 'x')}, "4096");
  bad("ListWithoutValues", {.type = ssm::ParameterType::StringList}, "needs string_list_value");
  bad("Comma", {.type = ssm::ParameterType::StringList, .string_list_value = {"a,b"}}, "comma");
  bad("Mixed", {.string_value = "x", .string_list_value = {"a"}}, "StringList");
  bad("DataType", {.string_value = "x", .data_type = "json"}, "data_type");
  EXPECT_NO_THROW(stack.add<ssm::StringParameter>("Big", {.string_value = std::string(5000, 'x'),
                                                         .tier = ssm::ParameterTier::Advanced}));
}

}  // namespace
