// An Auto Scaling group and an EC2 instance behind load balancers in a real cdk::ec2::Vpc.
#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/ec2/instance.hpp>
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

TEST(AutoScalingGroupInVpcTest, RunsLatestAmazonLinuxInPrivateSubnetsBehindAnAlb) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 1});
  auto& web = stack.add<cdk::autoscaling::AutoScalingGroup>("Web", {.vpc = vpc, .instance_type = "t3.small", .max_capacity = 3});
  web.add_user_data({"dnf install -y nginx", "systemctl enable --now nginx"});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Https", {.certificates = {kCert}}).add_targets("Web", {.port = 80, .targets = {web}});
  alb.add_redirect();
  web.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 50});
  auto t = Template::from_stack(stack);
  // The image comes from the public SSM parameter, resolved at deploy time.
  t.has_parameter("*", Match::object_like({{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"}}));
  const auto private1 = t.logical_id(dynamic_cast<cdk::CfnElement&>(*stack.node().try_find("Vpc/PrivateSubnet1/Subnet")));
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup",
                            Match::object_like({{"VPCZoneIdentifier", Match::array_with({Match::object_equals({{"Ref", private1}})})},
                                                {"HealthCheckType", "ELB"}}));
  t.has_resource_properties("AWS::EC2::LaunchTemplate",
                            Match::object_like({{"LaunchTemplateData", Match::object_like({{"BlockDeviceMappings", Match::array_equals(
                                {Match::object_like({{"DeviceName", "/dev/xvda"}, {"Ebs", Match::object_like({{"Encrypted", true}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST(AutoScalingGroupInVpcTest, AnEc2InstanceIsANetworkLoadBalancerTarget) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& vpc = stack.add<cdk::ec2::Vpc>("Vpc", {.max_azs = 2, .nat_gateways = 1});
  auto& box = stack.add<cdk::ec2::Instance>("Box", {.vpc = vpc, .instance_type = "t3.micro"});
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  nlb.add_listener("Https", {.port = 443, .certificates = {kCert}}).add_targets("Box", {.port = 80, .targets = {box}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                            Match::object_like({{"TargetType", "instance"},
                                                {"Targets", Match::array_equals({Match::object_like({{"Id", Match::object_like({{"Ref", Match::any_value()}})}})})}}));
  // The instance's group lets the NLB's group in on 80.
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                            Match::object_like({{"FromPort", 80}, {"SourceSecurityGroupId", Match::any_value()}}));
  cdk::testing::keep_for_lint(stack);
}

}  // namespace
