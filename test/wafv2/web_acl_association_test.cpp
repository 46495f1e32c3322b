// wafv2::WebAclAssociation and ApplicationLoadBalancer::associate_web_acl:
// the association resource, and the scope check against the app's web ACLs
// and literal ARNs.
#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"
#include "support/web_acl.hpp"

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/cfn_load_balancer.hpp>
#include <cdk/wafv2/cfn_web_acl_association.hpp>
#include <cdk/wafv2/wafv2.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace wafv2 = cdk::wafv2;

class WebAclAssociationTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::elbv2::ApplicationLoadBalancer& alb =
      stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
};

TEST_F(WebAclAssociationTest, AssociatingARegionalWebAclWithAnAlbIsOneCall) {
  auto& acl = cdk::testing::web_acl(stack, "Acl", "REGIONAL", 2);
  auto& association = alb.associate_web_acl(acl);
  EXPECT_EQ(alb.web_acl_association(), &association);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::WAFv2::WebACLAssociation", 1);
  EXPECT_THAT(t.logical_id(association.cfn_association()), ::testing::MatchesRegex("AlbWebAclAssociation[0-9A-F]{8}"));
  t.has_resource_properties("AWS::WAFv2::WebACLAssociation", Match::object_equals({
      {"ResourceArn", Match::object_equals({{"Ref", t.logical_id(alb.cfn())}})},
      {"WebACLArn", Match::object_equals({{"Fn::GetAtt", Match::array_equals({t.logical_id(acl), "Arn"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(WebAclAssociationTest, ACloudfrontScopedWebAclOnAnAlbIsAnError) {
  auto& global = cdk::testing::web_acl(stack, "Global", "CLOUDFRONT");
  expect_error([&] { alb.associate_web_acl(global); }, "Stack/Alb",
               "web ACL Stack/Global is CLOUDFRONT-scoped, and load balancer Stack/Alb needs a REGIONAL one");
  expect_error([&] { alb.associate_web_acl(cdk::Value("arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/abcd")); },
               "Stack/Alb", "is CLOUDFRONT-scoped");
  EXPECT_EQ(alb.web_acl_association(), nullptr);
}

TEST_F(WebAclAssociationTest, ALoadBalancerTakesOneWebAcl) {
  alb.associate_web_acl(cdk::Value("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/app/abcd"));
  expect_error([&] { alb.associate_web_acl(cdk::testing::web_acl(stack, "Second", "REGIONAL")); }, "Stack/Alb",
               "the load balancer has a web ACL already");
  cdk::testing::keep_for_lint(stack);
}

TEST_F(WebAclAssociationTest, TheHelperConstructProtectsAnyRegionalResource) {
  auto& acl = cdk::testing::web_acl(stack, "Acl", "REGIONAL");
  stack.add<wafv2::WebAclAssociation>("ApiWaf", {
      .resource_arn = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod", .web_acl_arn = acl.attr_arn()});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::WAFv2::WebACLAssociation", Match::object_like({
      {"ResourceArn", "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod"}}));
  cdk::testing::keep_for_lint(stack);
  expect_error([&] { stack.add<wafv2::WebAclAssociation>("NoAcl", {.resource_arn = "arn:x"}); }, "Stack/NoAcl",
               "needs web_acl_arn");
  expect_error([&] { stack.add<wafv2::WebAclAssociation>("NoResource", {.web_acl_arn = acl.attr_arn()}); },
               "Stack/NoResource", "needs resource_arn");
}

TEST_F(WebAclAssociationTest, DescribesWebAclsFromArnsAndTheApp) {
  const auto global = wafv2::describe_web_acl(cdk::Value("arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/abcd"));
  EXPECT_EQ(global.scope, wafv2::WebAclScope::Cloudfront);
  EXPECT_EQ(global.region, "us-east-1");
  const auto regional = wafv2::describe_web_acl(cdk::testing::web_acl(stack, "Acl", "REGIONAL").attr_arn());
  EXPECT_EQ(regional.scope, wafv2::WebAclScope::Regional);
  EXPECT_EQ(regional.region, "eu-west-1");
  EXPECT_EQ(regional.path, "Stack/Acl");
  EXPECT_FALSE(wafv2::describe_web_acl(cdk::Value("not-an-arn")).scope.has_value());
}

}  // namespace
