// secretsmanager::Secret: generated values, dynamic references, grants, errors.
#include "support/expect_error.hpp"
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/secretsmanager/cfn_secret.hpp>
#include <cdk/secretsmanager/secret.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace sm = cdk::secretsmanager;

class SecretTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  sm::Secret& db_secret() {
    return stack.add<sm::Secret>("Db", {.generate_secret_string = {.secret_string_template = R"({"username":"admin"})",
                                                                    .generate_string_key = "password",
                                                                    .exclude_characters = "\"@/\\"}});
  }
};

TEST_F(SecretTest, GeneratesAValueByDefault) {
  auto& s = stack.add<sm::Secret>("Secret");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(s.cfn_secret()), "SecretA720EF05");  // aws-cdk-lib's id for Stack/Secret/Resource
  t.has_resource_properties("AWS::SecretsManager::Secret",
                            Match::object_equals({{"GenerateSecretString", Match::object_equals({})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SecretTest, RendersTemplateKeyAndExcludedCharacters) {
  db_secret();
  stack.add<sm::Secret>("Token", {.secret_name = "app/token", .description = "API token",
                                  .generate_secret_string = {.password_length = 64, .exclude_punctuation = true},
                                  .removal_policy = cdk::RemovalPolicy::Retain});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SecretsManager::Secret", Match::object_equals({{"GenerateSecretString", Match::object_equals({
      {"ExcludeCharacters", "\"@/\\"}, {"GenerateStringKey", "password"},
      {"SecretStringTemplate", R"({"username":"admin"})"}})}}));
  t.has_resource("AWS::SecretsManager::Secret", Match::object_like({
      {"DeletionPolicy", "Retain"},
      {"Properties", Match::object_like({{"Name", "app/token"}, {"Description", "API token"},
          {"GenerateSecretString", Match::object_equals({{"ExcludePunctuation", true}, {"PasswordLength", 64}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SecretTest, SecretValueFromJsonIsADynamicReference) {
  auto& s = db_secret();
  auto v = s.secret_value_from_json("password");
  ASSERT_EQ(v.kind(), cdk::Value::Kind::Intrinsic);
  EXPECT_EQ(v.name(), "Fn::Join");
  const auto& parts = v.argument().as_list()[1].as_list();
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0].as_string(), "{{resolve:secretsmanager:");
  EXPECT_EQ(parts[1].kind(), cdk::Value::Kind::Ref);
  EXPECT_EQ(parts[2].as_string(), ":SecretString:password::}}");
  EXPECT_EQ(s.secret_value_from_json("username").argument().as_list()[1].as_list()[2].as_string(),
            ":SecretString:username::}}");
  EXPECT_EQ(s.secret_value().argument().as_list()[1].as_list()[2].as_string(), ":SecretString:::}}");
  // Used in a resource property, it resolves to a Fn::Join with the secret's Ref.
  stack.add<cdk::CfnResource>("Param", "AWS::SSM::Parameter",
                              cdk::Value::map({{"Type", "String"}, {"Value", s.secret_value_from_json("username")}}));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::SSM::Parameter", Match::object_like({{"Value", Match::object_equals({{"Fn::Join",
      Match::array_equals({"", Match::array_equals({"{{resolve:secretsmanager:",
                                                    Match::object_equals({{"Ref", t.logical_id(s.cfn_secret())}}),
                                                    ":SecretString:username::}}"})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SecretTest, GrantReadAllowsGetAndDescribeOnTheSecretAndDecryptOnItsKey) {
  const char* key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  auto& s = stack.add<sm::Secret>("Secret", {.encryption_key_arn = key});
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}});
  s.grant_read(role);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({
          Match::object_like({{"Action", Match::array_equals({"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"})},
                              {"Resource", Match::object_equals({{"Ref", t.logical_id(s.cfn_secret())}})}}),
          Match::object_like({{"Action", "kms:Decrypt"}, {"Resource", key}})})}})}}));
  t.has_resource_properties("AWS::SecretsManager::Secret", Match::object_like({{"KmsKeyId", key}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(SecretTest, RejectsInconsistentGeneratorsNamingThePath) {
  auto bad = [&](const char* id, sm::SecretStringGenerator g, const char* text) {
    SCOPED_TRACE(id);
    cdk::testing::expect_error([&] { stack.add<sm::Secret>(id, {.generate_secret_string = g}); }, std::string("Stack/") + id, text);
  };
  bad("KeyOnly", {.generate_string_key = "password"}, "go together");
  bad("TemplateOnly", {.secret_string_template = R"({"username":"admin"})"}, "go together");
  bad("NotJson", {.secret_string_template = "admin", .generate_string_key = "password"}, "not a JSON object");
  bad("KeyInTemplate", {.secret_string_template = R"({"password":"x"})", .generate_string_key = "password"}, "already a key");
  bad("TooLong", {.password_length = 5000}, "4096");
  bad("Nothing", {.exclude_punctuation = true, .exclude_numbers = true, .exclude_lowercase = true, .exclude_uppercase = true},
      "every kind");
}

TEST_F(SecretTest, SecretValueFromJsonNeedsAKnownKey) {
  auto& plain = stack.add<sm::Secret>("Plain");
  EXPECT_THAT([&] { (void)plain.secret_value_from_json("password"); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("plain string")));
  auto& db = db_secret();
  EXPECT_THAT([&] { (void)db.secret_value_from_json("host"); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("no key \"host\"")));
  EXPECT_THAT([&] { (void)db.secret_value_from_json(""); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("needs a key")));
}

}  // namespace
