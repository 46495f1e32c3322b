// iam::Role, Policy, InstanceProfile, principals, managed policies and grants.
#include "support/lint.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam/iam.hpp>
#include <cdk/iam/cfn_policy.hpp>
#include <cdk/iam/cfn_role.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using ::testing::HasSubstr;
namespace iam = cdk::iam;

class RoleTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  iam::Role& ec2_role() {
    return stack.add<iam::Role>("Role", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  }
  static bool has_warning(cdk::Construct& c, const std::string& text) {
    for (const auto& m : c.node().metadata())
      if (m.type == cdk::Annotations::warning_type && m.data.find(text) != std::string::npos) return true;
    return false;
  }
};

Match partition_arn(const std::string& tail) {
  return Match::exact(cdk::Value::map(
      {{"Fn::Join", cdk::Value::list({"", cdk::Value::list({"arn:", cdk::Value::map({{"Ref", "AWS::Partition"}}), tail})})}}));
}

TEST_F(RoleTest, TrustsTheServicePrincipalItIsAssumedBy) {
  ec2_role();
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument",
      Match::object_equals({{"Version", "2012-10-17"},
                            {"Statement", Match::array_equals({Match::object_equals({
                                {"Effect", "Allow"},
                                {"Principal", Match::object_equals({{"Service", "ec2.amazonaws.com"}})},
                                {"Action", "sts:AssumeRole"}})})}})}}));
  t.resource_count_is("AWS::IAM::Policy", 0);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, RendersAwsManagedPoliciesWithAPartitionAwareArn) {
  auto& role = stack.add<iam::Role>("Role", {
      .assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"},
      .managed_policies = {iam::ManagedPolicy::aws_managed("AmazonSSMManagedInstanceCore")}});
  role.add_managed_policy(iam::ManagedPolicy::aws_managed("CloudWatchAgentServerPolicy"));
  role.add_managed_policy(iam::ManagedPolicy::aws_managed("CloudWatchAgentServerPolicy"));  // once only
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"ManagedPolicyArns", Match::array_equals({
      partition_arn(":iam::aws:policy/AmazonSSMManagedInstanceCore"),
      partition_arn(":iam::aws:policy/CloudWatchAgentServerPolicy")})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, AccountPrincipalsUseTheAccountRootArn) {
  stack.add<iam::Role>("Cross", {.assumed_by = iam::AccountPrincipal{"123456789012"}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Principal", Match::object_equals({
          {"AWS", partition_arn(":iam::123456789012:root")}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, CompositePrincipalsListEveryServiceAndArn) {
  auto& first = ec2_role();
  stack.add<iam::Role>("Both", {.assumed_by = iam::CompositePrincipal{{
      iam::ServicePrincipal{"ecs-tasks.amazonaws.com"}, iam::ServicePrincipal{"lambda.amazonaws.com"},
      iam::ArnPrincipal{first.role_arn()}}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({
      {"Statement", Match::array_with({Match::object_like({{"Principal", Match::object_equals({
          {"Service", Match::array_equals({"ecs-tasks.amazonaws.com", "lambda.amazonaws.com"})},
          {"AWS", Match::object_like({{"Fn::GetAtt", Match::array_equals({t.logical_id(first.cfn_role()), "Arn"})}})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, AddToPolicyCreatesOneDefaultPolicyNamedLikeTheCdk) {
  auto& role = ec2_role();
  EXPECT_EQ(role.default_policy(), nullptr);
  role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::bucket/*"}});
  role.add_to_policy({.actions = {"sqs:SendMessage", "sqs:GetQueueUrl"}, .resources = {"arn:aws:sqs:eu-west-1:123456789012:q"}});
  ASSERT_NE(role.default_policy(), nullptr);
  EXPECT_EQ(role.default_policy()->node().path(), "Stack/Role/DefaultPolicy");
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Policy", 1);
  auto ids = t.find_resources("AWS::IAM::Policy");
  ASSERT_EQ(ids.size(), 1U);
  EXPECT_THAT(ids[0], ::testing::MatchesRegex("RoleDefaultPolicy[0-9A-F]{8}"));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyName", ids[0]},
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(role.cfn_role())}})})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", "s3:GetObject"}, {"Resource", "arn:aws:s3:::bucket/*"}}),
          Match::object_like({{"Action", Match::array_equals({"sqs:SendMessage", "sqs:GetQueueUrl"})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, TheSameStatementTwiceIsWrittenOnce) {
  auto& role = ec2_role();
  role.add_to_policy({.actions = {"ecr:GetAuthorizationToken"}, .resources = {"*"}});
  role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::bucket/*"}});
  role.add_to_policy({.actions = {"ecr:GetAuthorizationToken"}, .resources = {"*"}});
  Template::from_stack(stack).has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", "ecr:GetAuthorizationToken"}}),
          Match::object_like({{"Action", "s3:GetObject"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, GrantsGoToTheGranteesDefaultPolicy) {
  auto& role = ec2_role();
  auto& other = stack.add<iam::Role>("Deployer", {.assumed_by = iam::AccountRootPrincipal{}});
  role.grant_pass_role(other);
  iam::Grant::add_to_principal({.grantee = other, .actions = {"logs:PutLogEvents"}, .resource_arns = {"*"}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(other.cfn_role())}})})},
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_equals({
          Match::object_like({{"Action", "iam:PassRole"},
                              {"Resource", Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(role.cfn_role()), "Arn"})}})}}),
          Match::object_like({{"Action", "logs:PutLogEvents"}, {"Resource", "*"}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, RendersNameDescriptionPathSessionDurationAndInlinePolicies) {
  stack.add<iam::Role>("Named", {
      .assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"},
      .inline_policies = {{"ReadConfig", {{.actions = {"ssm:GetParameter"}, .resources = {"arn:aws:ssm:eu-west-1:123456789012:parameter/app/*"}}}}},
      .role_name = "app-instance-role",
      .description = "instances of the app",
      .path = "/app/",
      .max_session_duration = 7200,
      .permissions_boundary = iam::ManagedPolicy::from_name("boundary")});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({
      {"RoleName", "app-instance-role"}, {"Description", "instances of the app"}, {"Path", "/app/"},
      {"MaxSessionDuration", 7200}, {"PermissionsBoundary", Match::any_value()},
      {"Policies", Match::array_equals({Match::object_like({{"PolicyName", "ReadConfig"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, RefusesFullAccessStatementsUnlessAllowedAndThenWarns) {
  auto& role = ec2_role();
  try {
    role.add_to_policy({.actions = {"*"}, .resources = {"*"}});
    ADD_FAILURE() << "accepted * on *";
  } catch (const cdk::Error& e) {
    EXPECT_EQ(e.path(), "Stack/Role");
    EXPECT_THAT(e.what(), HasSubstr("allow_full_access"));
  }
  EXPECT_EQ(role.default_policy(), nullptr);  // nothing half made
  auto& admin = stack.add<iam::Role>("Admin", {.assumed_by = iam::AccountRootPrincipal{}, .allow_full_access = true});
  admin.add_to_policy({.actions = {"*"}, .resources = {"*"}});
  ASSERT_NE(admin.default_policy(), nullptr);
  EXPECT_TRUE(has_warning(*admin.default_policy(), "every action"));
  EXPECT_THROW(stack.add<iam::Role>("Inline", {.assumed_by = iam::AccountRootPrincipal{},
                   .inline_policies = {{"All", {{.actions = {"*"}, .resources = {"*"}}}}}}), cdk::Error);
}

TEST_F(RoleTest, RejectsStatementsAnIdentityPolicyCannotHold) {
  auto& role = ec2_role();
  EXPECT_THAT([&] { role.add_to_policy({.resources = {"*"}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("no actions")));
  EXPECT_THAT([&] { role.add_to_policy({.actions = {"s3:GetObject"}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("no resources")));
  EXPECT_THAT([&] { role.add_to_policy({.actions = {"GetObject"}, .resources = {"*"}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("service:Action")));
  EXPECT_THAT([&] { role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"*"},
                                        .principals = cdk::Value::map({{"AWS", "*"}})}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("principal")));
}

TEST_F(RoleTest, RejectsBadNamesPathsAndDurationsNamingThePath) {
  const std::string long_name(65, 'r');
  auto make = [&](iam::RoleProps p) {
    p.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"};
    stack.add<iam::Role>("Bad", std::move(p));
  };
  for (auto props : {iam::RoleProps{.role_name = long_name}, iam::RoleProps{.role_name = "has space"},
                     iam::RoleProps{.path = "app"}, iam::RoleProps{.max_session_duration = 60}}) {
    try {
      make(props);
      ADD_FAILURE() << "accepted bad props";
    } catch (const cdk::Error& e) {
      EXPECT_EQ(e.path(), "Stack/Bad");
    }
  }
  EXPECT_THAT([&] { make({.role_name = long_name}); }, ::testing::ThrowsMessage<cdk::Error>(HasSubstr("64")));
  EXPECT_NO_THROW(make({.role_name = std::string(64, 'r')}));
  EXPECT_THAT([&] { stack.add<iam::Role>("NoPrincipal", iam::RoleProps{}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("assumed_by")));
}

TEST_F(RoleTest, InstanceProfileWrapsTheRole) {
  auto& role = ec2_role();
  auto& profile = stack.add<iam::InstanceProfile>("Profile", {.role = role});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::InstanceProfile", Match::object_equals({
      {"Roles", Match::array_equals({Match::object_equals({{"Ref", t.logical_id(role.cfn_role())}})})}}));
  EXPECT_EQ(profile.instance_profile_arn().name(), "Arn");
  EXPECT_THROW(stack.add<iam::InstanceProfile>("NoRole", iam::InstanceProfileProps{}), cdk::Error);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(RoleTest, StandalonePolicyNeedsStatementsAndRolesAtSynthesis) {
  auto& role = ec2_role();
  stack.add<iam::Policy>("Shared", {.statements = {{.actions = {"ec2:DescribeInstances"}, .resources = {"*"}}}, .roles = {role}});
  EXPECT_NO_THROW((void)Template::from_stack(stack));
  cdk::testing::keep_for_lint(stack);
  stack.add<iam::Policy>("Empty");
  try {
    (void)Template::from_stack(stack);
    ADD_FAILURE() << "an empty policy synthesized";
  } catch (const cdk::SynthError& e) {
    std::string all;
    for (const auto& d : e.errors()) all += d.to_string() + "\n";
    EXPECT_THAT(all, HasSubstr("Stack/Empty"));
    EXPECT_THAT(all, HasSubstr("no statements"));
    EXPECT_THAT(all, HasSubstr("not attached"));
  }
}

TEST_F(RoleTest, ImportedRolesGetGrantsThroughTheirOwnPolicyAttachedByName) {
  auto& imported = iam::Role::from_role_arn(stack, "Deployer", "arn:aws:iam::123456789012:role/ci/deployer");
  EXPECT_EQ(imported.role_name().as_string(), "deployer");
  EXPECT_EQ(imported.role_arn().as_string(), "arn:aws:iam::123456789012:role/ci/deployer");
  iam::Grant::add_to_principal({.grantee = imported, .actions = {"s3:ListBucket"}, .resource_arns = {"arn:aws:s3:::b"}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Role", 0);
  auto ids = t.find_resources("AWS::IAM::Policy");
  ASSERT_EQ(ids.size(), 1U);
  EXPECT_THAT(ids[0], ::testing::MatchesRegex("DeployerPolicy[0-9A-F]{8}"));
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({{"Roles", Match::array_equals({"deployer"})}}));
  cdk::testing::keep_for_lint(stack);
  EXPECT_THAT([&] { (void)iam::Role::from_role_arn(stack, "NotARole", "arn:aws:iam::123456789012:user/bob"); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("not an IAM role ARN")));
}

TEST_F(RoleTest, GrantWithoutActionsOrResourcesFails) {
  auto& role = ec2_role();
  EXPECT_THAT([&] { iam::Grant::add_to_principal({.grantee = role, .resource_arns = {"*"}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("no actions")));
  EXPECT_THAT([&] { iam::Grant::add_to_principal({.grantee = role, .actions = {"s3:GetObject"}}); },
              ::testing::ThrowsMessage<cdk::Error>(HasSubstr("no resources")));
}

}  // namespace
