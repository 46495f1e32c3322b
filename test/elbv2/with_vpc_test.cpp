// Load balancers in a real cdk::ec2::Vpc (the other tests use a VPC given as values).
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/ec2/vpc.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/stack.hpp>

#include <gtest/gtest.h>

#include "support/example_ids.hpp"
#include "support/lint.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;

using cdk::testing::kCert;

TEST(LoadBalancerInVpcTest, InternetFacingAlbSitsInPublicSubnetsAfterTheInternetGateway) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Https", {.certificates = {kCert}})
      .add_targets("Web", {.port = 80, .targets = {cdk::elbv2::Target::ip("10.0.200.10")}});
  alb.add_redirect();
  auto t = Template::from_stack(stack);
  const auto public1 = t.logical_id(dynamic_cast<cdk::CfnElement&>(*stack.node().try_find("Vpc/PublicSubnet1/Subnet")));
  const auto public2 = t.logical_id(dynamic_cast<cdk::CfnElement&>(*stack.node().try_find("Vpc/PublicSubnet2/Subnet")));
  t.has_resource("AWS::ElasticLoadBalancingV2::LoadBalancer",
                 Match::object_like({{"DependsOn", Match::any_value()},
                                     {"Properties", Match::object_like({{"Subnets", Match::array_equals(
                                                                            {Match::object_equals({{"Ref", public1}}),
                                                                             Match::object_equals({{"Ref", public2}})})}})}}));
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"VpcId", Match::object_like({{"Ref", Match::any_value()}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(LoadBalancerInVpcTest, InternalNlbOpensListenersToTheVpcCidr) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 1});
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 6379}).add_targets("Cache", {.targets = {cdk::elbv2::Target::ip("10.0.200.10")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match::object_like({{"Scheme", "internal"}}));
  t.has_resource_properties(
      "AWS::EC2::SecurityGroup",
      Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like(
                               {{"CidrIp", Match::object_like({{"Fn::GetAtt", Match::array_equals({Match::any_value(), "CidrBlock"})}})},
                                {"FromPort", 6379}})})}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
