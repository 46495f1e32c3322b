// lambda::Version, lambda::Alias and function URLs: the AWS CDK's construct
// ids (so its logical ids), permissions on the alias, IAM auth by default and
// the two permissions of a public URL (checked against aws-cdk-lib 2.276).
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/lambda/cfn_alias.hpp>
#include <cdk/lambda/cfn_url.hpp>
#include <cdk/lambda/cfn_version.hpp>
#include <cdk/lambda/lambda.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using cdk::testing::get_att;
using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace lambda = cdk::lambda;

class VersionAliasTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  lambda::Function& fn = stack.add<lambda::Function>("Fn", {.runtime = lambda::Runtime::Python312,
      .handler = "index.handler", .code = lambda::Code::from_inline("x")});
  cdk::iam::Role& role() {
    return stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  }
};

TEST_F(VersionAliasTest, AnAliasPointsAtAVersionAndTakesPermissionsAndGrants) {
  auto& v1 = stack.add<lambda::Version>("V1", {.function = fn, .description = "release 1",
                                               .removal_policy = cdk::RemovalPolicy::Retain});
  auto& live = stack.add<lambda::Alias>("Live", {.alias_name = "live", .version = v1});
  auto& r = role();
  live.grant_invoke(r);
  live.add_permission("FromRule", {.principal = "events.amazonaws.com"});
  stack.add<cdk::CfnOutput>("AliasArn", {.value = live.function_arn()});
  stack.add<cdk::CfnOutput>("VersionArn", {.value = v1.function_arn()});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(v1.cfn_version()), "V108D1B095");
  EXPECT_EQ(t.logical_id(live.cfn_alias()), "Live848578DF");
  t.has_resource("AWS::Lambda::Version", Match::object_like({
      {"Properties", Match::object_equals({{"Description", "release 1"}, {"FunctionName", ref_to("Fn9270CBC0")}})},
      {"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"}}));
  t.has_resource_properties("AWS::Lambda::Alias", Match::object_equals({
      {"FunctionName", ref_to("Fn9270CBC0")}, {"FunctionVersion", get_att("V108D1B095", "Version")}, {"Name", "live"}}));
  EXPECT_EQ(t.find_resources("AWS::Lambda::Permission"), std::vector<std::string>{"LiveFromRule32D16BEA"});
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_equals({
      {"Action", "lambda:InvokeFunction"}, {"FunctionName", ref_to("Live848578DF")}, {"Principal", "events.amazonaws.com"}}));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_equals({
          {"Action", "lambda:InvokeFunction"}, {"Effect", "Allow"}, {"Resource", ref_to("Live848578DF")}})})}})}}));
  t.has_output("AliasArn", Match::object_like({{"Value", ref_to("Live848578DF")}}));
  t.has_output("VersionArn", Match::object_like({{"Value", ref_to("V108D1B095")}}));
  EXPECT_EQ(&live.version(), &v1);
  EXPECT_EQ(&v1.function(), &fn);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(VersionAliasTest, AFunctionUrlIsIamAuthenticatedByDefault) {
  auto& url = fn.add_function_url({.invoke_mode = lambda::InvokeMode::ResponseStream,
                                   .cors = lambda::FunctionUrlCors{.allowed_origins = {"https://app.example.com"},
                                                                   .max_age_seconds = 300}});
  auto& r = role();
  url.grant_invoke_url(r);
  stack.add<cdk::CfnOutput>("Url", {.value = url.url()});
  EXPECT_EQ(url.auth_type(), lambda::FunctionUrlAuthType::AwsIam);
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(url.cfn_url()), "FnFunctionUrl8C1B0DE8");
  t.has_resource_properties("AWS::Lambda::Url", Match::object_equals({
      {"AuthType", "AWS_IAM"},
      {"Cors", Match::object_equals({{"AllowMethods", Match::array_equals({"*"})},
                                     {"AllowOrigins", Match::array_equals({"https://app.example.com"})}, {"MaxAge", 300}})},
      {"InvokeMode", "RESPONSE_STREAM"}, {"TargetFunctionArn", get_att("Fn9270CBC0", "Arn")}}));
  t.resource_count_is("AWS::Lambda::Permission", 0);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_equals({{"Action", "lambda:InvokeFunctionUrl"}, {"Effect", "Allow"},
                                {"Condition", Match::object_equals({{"StringEquals", Match::object_equals({
                                    {"lambda:FunctionUrlAuthType", "AWS_IAM"}})}})},
                                {"Resource", get_att("Fn9270CBC0", "Arn")}}),
          Match::object_equals({{"Action", "lambda:InvokeFunction"}, {"Effect", "Allow"},
                                {"Condition", Match::object_equals({{"Bool", Match::object_equals({
                                    {"lambda:InvokedViaFunctionUrl", true}})}})},
                                {"Resource", get_att("Fn9270CBC0", "Arn")}})})}})}}));
  t.has_output("Url", Match::object_like({{"Value", get_att("FnFunctionUrl8C1B0DE8", "FunctionUrl")}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(VersionAliasTest, APublicAliasUrlGetsBothPermissionsOnTheAlias) {
  auto& v = stack.add<lambda::Version>("V1", {.function = fn});
  auto& live = stack.add<lambda::Alias>("Alias", {.alias_name = "live", .version = v});
  auto& url = live.add_function_url({.auth_type = lambda::FunctionUrlAuthType::None});
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(url.cfn_url()), "AliasFunctionUrlDC6EC566");
  t.has_resource("AWS::Lambda::Url", Match::object_like({
      {"Properties", Match::object_equals({{"AuthType", "NONE"}, {"Qualifier", "live"},
                                           {"TargetFunctionArn", get_att("Fn9270CBC0", "Arn")}})},
      {"DependsOn", Match::array_equals({"Alias325C5727"})}}));
  EXPECT_EQ(t.find_resources("AWS::Lambda::Permission"),
            (std::vector<std::string>{"Aliasinvokefunctionurl4CA9917B", "Aliasinvokefunction83AEC4F1"}));
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_equals({
      {"Action", "lambda:InvokeFunctionUrl"}, {"FunctionName", ref_to("Alias325C5727")},
      {"FunctionUrlAuthType", "NONE"}, {"Principal", "*"}}));
  t.has_resource_properties("AWS::Lambda::Permission", Match::object_equals({
      {"Action", "lambda:InvokeFunction"}, {"FunctionName", ref_to("Alias325C5727")},
      {"InvokedViaFunctionUrl", true}, {"Principal", "*"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(VersionAliasTest, APublicFunctionUrlPutsThePermissionsOnTheFunction) {
  fn.add_function_url({.auth_type = lambda::FunctionUrlAuthType::None});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::Lambda::Permission", 2);
  t.all_resources_properties("AWS::Lambda::Permission", Match::object_like({
      {"FunctionName", get_att("Fn9270CBC0", "Arn")}, {"Principal", "*"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(VersionAliasTest, RefusesBadVersionsAliasesAndUrls) {
  auto& v = stack.add<lambda::Version>("V1", {.function = fn});
  expect_error([&] { stack.add<lambda::Version>("NoFn", {}); }, "Stack/NoFn", "has no function");
  expect_error([&] { stack.add<lambda::Version>("Long", {.function = fn, .description = std::string(257, 'd')}); },
               "Stack/Long", "longer than 256");
  expect_error([&] { stack.add<lambda::Alias>("NoName", {.version = v}); }, "Stack/NoName", "has no alias_name");
  expect_error([&] { stack.add<lambda::Alias>("Digits", {.alias_name = "12", .version = v}); }, "Stack/Digits",
               "not only digits");
  expect_error([&] { stack.add<lambda::Alias>("Dots", {.alias_name = "v1.2", .version = v}); }, "Stack/Dots",
               "must be 1-128 letters");
  expect_error([&] { stack.add<lambda::Alias>("NoVersion", {.alias_name = "live"}); }, "Stack/NoVersion", "has no version");
  expect_error([&] { stack.add<lambda::Alias>("LongDesc", {.alias_name = "live", .version = v,
                                                           .description = std::string(257, 'd')}); },
               "Stack/LongDesc", "longer than 256");
  expect_error([&] { stack.add<lambda::FunctionUrl>("Url"); }, "Stack/Url", "belongs to a lambda::Function or lambda::Alias");
  expect_error([&] { fn.add_function_url({.cors = lambda::FunctionUrlCors{}}); }, "Stack/Fn/FunctionUrl",
               "CORS needs allowed_origins");
  expect_error([&] {
    fn.add_function_url({.cors = lambda::FunctionUrlCors{.allowed_origins = {"*"}, .max_age_seconds = 86401}});
  }, "Stack/Fn/FunctionUrl", "max_age_seconds 86401");
}

}  // namespace
