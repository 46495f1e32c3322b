// Stack: environment, name, description, protection, template limits.
#include "core/test_util.hpp"

#include <cdk/cdk.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdktest::Json;
using ::testing::HasSubstr;

TEST(Stack, WithoutEnvIsEnvironmentAgnosticAndUsesPseudoParameters) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  EXPECT_TRUE(stack.environment_agnostic());
  EXPECT_EQ(stack.environment_uri(), "aws://unknown-account/unknown-region");
  EXPECT_EQ(stack.region(), cdk::Aws::region());
  EXPECT_EQ(stack.account(), cdk::Aws::account_id());
}

TEST(Stack, WithExplicitEnvUsesLiterals) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}});
  EXPECT_FALSE(stack.environment_agnostic());
  EXPECT_EQ(stack.environment_uri(), "aws://123456789012/eu-west-1");
  EXPECT_EQ(stack.region(), cdk::Value("eu-west-1"));
  EXPECT_EQ(stack.account(), cdk::Value("123456789012"));
}

TEST(Stack, WithOnlyARegionIsStillAgnosticOfTheAccount) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.region = "us-east-1"}});
  EXPECT_TRUE(stack.environment_agnostic());
  EXPECT_EQ(stack.environment_uri(), "aws://unknown-account/us-east-1");
  EXPECT_EQ(stack.region(), cdk::Value("us-east-1"));
  EXPECT_EQ(stack.account(), cdk::Aws::account_id());
}

TEST(Stack, EnvironmentIsWrittenToTheManifest) {
  cdk::App app;
  app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "123456789012", .region = "eu-west-1"}})
      .add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto a = cdk::detail::synthesize(app, {});
  EXPECT_EQ(a.manifest["artifacts"]["Stack"]["environment"], "aws://123456789012/eu-west-1");
}

TEST(Stack, DescriptionGoesToTheTemplateAndTheManifest) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.description = "first"});
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  stack.set_description("web tier");
  auto a = cdk::detail::synthesize(app, {});
  EXPECT_EQ(a.stacks[0].template_json["Description"], "web tier");
  EXPECT_EQ(a.stacks[0].template_json.begin().key(), "Description");
  EXPECT_EQ(a.manifest["artifacts"]["Stack"]["properties"]["description"], "web tier");
}

TEST(Stack, DescriptionOver1024CharactersIsAnError) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.description = std::string(1025, 'x')});
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Stack: stack description is over 1024"));
}

TEST(Stack, TerminationProtectionIsWrittenToTheManifest) {
  cdk::App app;
  auto& on = app.add<cdk::Stack>("On", cdk::StackProps{.termination_protection = true});
  on.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto& later = app.add<cdk::Stack>("Later");
  later.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  later.set_termination_protection(true);
  auto& off = app.add<cdk::Stack>("Off");
  off.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto m = cdk::detail::synthesize(app, {}).manifest["artifacts"];
  EXPECT_EQ(m["On"]["properties"]["terminationProtection"], true);
  EXPECT_EQ(m["Later"]["properties"]["terminationProtection"], true);
  EXPECT_EQ(m["Off"]["properties"]["terminationProtection"], false);
}

TEST(Stack, NameDefaultsToTheIdAsInAwsCdkLib) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Web-Tier");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_EQ(stack.stack_name(), "Web-Tier");
  EXPECT_EQ(stack.artifact_id(), "Web-Tier");
  EXPECT_EQ(stack.template_file(), "Web-Tier.template.json");
  auto m = cdk::detail::synthesize(app, {}).manifest["artifacts"];
  EXPECT_EQ(m["Web-Tier"]["properties"]["stackName"], "Web-Tier");
  EXPECT_EQ(m["Web-Tier"]["properties"]["templateFile"], "Web-Tier.template.json");
}

TEST(Stack, StackBelowAConstructIsNamedFromItsPathWithAHash) {
  // aws-cdk-lib 2.x: new Stack(new Construct(app, 'Prod'), 'Web-1') -> "ProdWeb1754AE0C8".
  cdk::App app;
  auto& stack = app.add<cdk::Construct>("Prod").add<cdk::Stack>("Web-1");
  EXPECT_EQ(stack.artifact_id(), "ProdWeb1754AE0C8");
  EXPECT_EQ(stack.stack_name(), "ProdWeb1754AE0C8");
}

TEST(Stack, ExplicitStackNameIsUsed) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.stack_name = "prod-web"});
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_EQ(stack.stack_name(), "prod-web");
  EXPECT_EQ(cdk::detail::synthesize(app, {}).manifest["artifacts"]["Stack"]["properties"]["stackName"], "prod-web");
}

TEST(Stack, InvalidStackNamesFailSynthesisNamingThePath) {
  for (const std::string bad : {std::string("1abc"), std::string("has_underscore"), std::string("has space"),
                                std::string(129, 'a')}) {
    cdk::App app;
    app.add<cdk::Stack>("Stack", cdk::StackProps{.stack_name = bad}).add<cdk::CfnResource>("T", "AWS::SNS::Topic");
    EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Stack: stack name \"" + bad + "\" is not valid"))
        << bad;
  }
  cdk::App app;
  app.add<cdk::Stack>("Stack", cdk::StackProps{.stack_name = std::string(128, 'a')})
      .add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_NO_THROW((void)cdk::detail::synthesize(app, {}));
}

TEST(Stack, AnIdThatIsNoValidStackNameNeedsAnExplicitName) {
  cdk::App app;
  app.add<cdk::Stack>("My_Stack").add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: My_Stack: stack name \"My_Stack\" is not valid"));
}

TEST(Stack, AccountMustBeTwelveDigits) {
  cdk::App app;
  app.add<cdk::Stack>("Stack", cdk::StackProps{.env = {.account = "12345", .region = "eu-west-1"}})
      .add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Stack: account \"12345\" is not 12 digits"));
}

TEST(Stack, TwoStacksWithTheSameNameInOneEnvironmentAreAnError) {
  cdk::App app;
  app.add<cdk::Stack>("A", cdk::StackProps{.stack_name = "same"}).add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  app.add<cdk::Stack>("B", cdk::StackProps{.stack_name = "same"}).add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto text = cdktest::synth_error_text(app);
  EXPECT_THAT(text, HasSubstr("error: B: stack name \"same\" is also used by \"A\""));
}

TEST(Stack, SameNameInTwoRegionsIsFine) {
  cdk::App app;
  app.add<cdk::Stack>("A", cdk::StackProps{.env = {.region = "eu-west-1"}, .stack_name = "same"})
      .add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  app.add<cdk::Stack>("B", cdk::StackProps{.env = {.region = "us-east-1"}, .stack_name = "same"})
      .add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_EQ(cdk::detail::synthesize(app, {}).stacks.size(), 2u);
}

TEST(Stack, CannotBeCreatedInsideAnotherStack) {
  cdk::App app;
  auto& outer = app.add<cdk::Stack>("Outer");
  try {
    outer.add<cdk::Construct>("Group").add<cdk::Stack>("Inner");
    FAIL() << "no exception";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Outer/Group/Inner");
  }
}

TEST(Stack, EmptyStackIsAnError) {
  cdk::App app;
  app.add<cdk::Stack>("Empty");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Empty: stack has no resources"));
}

TEST(Stack, AppWithoutStacksIsAnError) {
  cdk::App app;
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("the app has no stacks"));
}

TEST(Stack, FiveHundredResourcesAreAllowed) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Big");
  for (int i = 0; i < 500; ++i) stack.add<cdk::CfnResource>("T" + std::to_string(i), "AWS::SNS::Topic");
  EXPECT_EQ(cdktest::synth_template(app, "Big")["Resources"].size(), 500u);
}

TEST(Stack, RejectsMoreThan500Resources) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Big");
  for (int i = 0; i < 501; ++i) stack.add<cdk::CfnResource>("T" + std::to_string(i), "AWS::SNS::Topic");
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: Big: template has 501 Resources, over CloudFormation's limit of 500"));
}

TEST(Stack, RejectsMoreThan200Outputs) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  for (int i = 0; i < 201; ++i) stack.add<cdk::CfnOutput>("O" + std::to_string(i), cdk::CfnOutputProps{.value = "x"});
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: S: template has 201 Outputs, over CloudFormation's limit of 200"));
}

TEST(Stack, RejectsMoreThan200Parameters) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  for (int i = 0; i < 201; ++i) stack.add<cdk::CfnParameter>("P" + std::to_string(i));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("template has 201 Parameters, over CloudFormation's limit of 200"));
}

TEST(Stack, RejectsMoreThan200Mappings) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  for (int i = 0; i < 201; ++i)
    stack.add<cdk::CfnMapping>("M" + std::to_string(i), cdk::CfnMappingProps{.mapping = {{"a", {{"b", 1}}}}});
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("template has 201 Mappings, over CloudFormation's limit of 200"));
}

TEST(Stack, TemplateOver51200BytesIsReportedAsInfo) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<cdk::CfnResource>("T", "AWS::SNS::Topic", cdk::Value::map({{"DisplayName", std::string(60'000, 'x')}}));
  auto a = cdk::detail::synthesize(app, {.strict = true});  // an info never fails, even strict
  ASSERT_EQ(a.diagnostics.size(), 1u);
  EXPECT_EQ(a.diagnostics[0].level, cdk::Diagnostic::Level::Info);
  EXPECT_EQ(a.diagnostics[0].path, "S");
  EXPECT_THAT(a.diagnostics[0].message, HasSubstr("over 51200"));
}

TEST(Stack, SmallTemplateHasNoSizeDiagnostic) {
  cdk::App app;
  app.add<cdk::Stack>("S").add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  EXPECT_TRUE(cdk::detail::synthesize(app, {}).diagnostics.empty());
}

TEST(Stack, RejectsATemplateOverOneMillionBytes) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  for (int i = 0; i < 11; ++i)
    stack.add<cdk::CfnResource>("T" + std::to_string(i), "AWS::SNS::Topic",
                                cdk::Value::map({{"DisplayName", std::string(100'000, 'x')}}));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("error: S: template is"));
  EXPECT_THAT(cdktest::synth_error_text(app), HasSubstr("over CloudFormation's limit of 1000000"));
}

TEST(Stack, ExplicitStackDependencyOrdersDeployment) {
  cdk::App app;
  auto& web = app.add<cdk::Stack>("Web");
  web.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  auto& net = app.add<cdk::Stack>("Net");
  net.add<cdk::CfnResource>("T", "AWS::SNS::Topic");
  web.add_dependency(net, "needs the network");
  web.add_dependency(net);
  EXPECT_EQ(web.dependencies().size(), 1u);
  EXPECT_THROW(web.add_dependency(web), cdk::Error);
  auto a = cdk::detail::synthesize(app, {});
  ASSERT_EQ(a.stacks.size(), 2u);
  EXPECT_EQ(a.stacks[0].stack, &net);
  EXPECT_EQ(a.stacks[1].stack, &web);
  EXPECT_EQ(a.manifest["artifacts"]["Web"]["dependencies"], Json::array({"Net"}));
  EXPECT_FALSE(a.manifest["artifacts"]["Net"].contains("dependencies"));
}

TEST(Stack, DependencyOnAStackOfAnotherAppIsRejected) {
  cdk::App one;
  cdk::App two;
  auto& a = one.add<cdk::Stack>("A");
  auto& b = two.add<cdk::Stack>("B");
  EXPECT_THROW(a.add_dependency(b), cdk::Error);
}

}  // namespace
