#include <cdk/app.hpp>
#include <cdk/assertions.hpp>
#include <cdk/autoscaling/autoscaling.hpp>
#include <cdk/cfn_element.hpp>
#include <cdk/ec2/security_group.hpp>
#include <cdk/elbv2/elbv2.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/stack.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/example_ids.hpp"
#include "support/expect_error.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

namespace {

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::autoscaling::AutoScalingGroup;
using cdk::autoscaling::MixedInstancesPolicy;
using cdk::autoscaling::Schedule;
using cdk::testing::error_of;
using ::testing::HasSubstr;

using cdk::testing::kCert;
using cdk::testing::kAmi;

struct AutoScalingGroupTest : ::testing::Test {
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Test", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::ec2::ImportedVpc& vpc = cdk::testing::imported_vpc(stack);

  AutoScalingGroup& web(cdk::autoscaling::AutoScalingGroupProps p = {}) {
    p.vpc = vpc;
    if (p.instance_type.empty()) p.instance_type = "t3.small";
    if (p.root_volume.device_name.empty()) {
      p.machine_image = cdk::ec2::MachineImage::generic_linux({{"eu-west-1", kAmi}});
      p.root_volume.device_name = "/dev/xvda";
    }
    return stack.add<AutoScalingGroup>("Web", std::move(p));
  }
};

TEST_F(AutoScalingGroupTest, UsesASecureLaunchTemplateInPrivateSubnets) {
  auto ud = cdk::ec2::UserData::for_linux();
  ud.add_commands({"yum install -y httpd"});
  auto& asg = web({.user_data = ud});
  asg.add_user_data({"systemctl start httpd"});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::AutoScaling::LaunchConfiguration", 0);
  t.has_resource_properties(
      "AWS::EC2::LaunchTemplate",
      Match::object_like({{"LaunchTemplateData",
                           Match::object_like({{"ImageId", kAmi},
                                               {"InstanceType", "t3.small"},
                                               {"MetadataOptions", Match::object_equals({{"HttpTokens", "required"}})},
                                               {"IamInstanceProfile", Match::object_like({{"Arn", Match::any_value()}})},
                                               {"SecurityGroupIds", Match::array_equals({Match::any_value()})},
                                               {"UserData", Match::object_equals({{"Fn::Base64",
                                                   "#!/bin/bash\nyum install -y httpd\nsystemctl start httpd"}})},
                                               {"KeyName", Match::absent()},
                                               {"BlockDeviceMappings", Match::array_equals({Match::object_equals(
                                                   {{"DeviceName", "/dev/xvda"},
                                                    {"Ebs", Match::object_equals({{"DeleteOnTermination", true}, {"Encrypted", true},
                                                                                  {"VolumeType", "gp3"}})}})})}})}}));
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup",
                            Match::object_like({{"MinSize", "1"},
                                                {"MaxSize", "1"},
                                                {"DesiredCapacity", Match::absent()},
                                                {"VPCZoneIdentifier", Match::array_equals({"subnet-0bbb0001", "subnet-0bbb0002"})},
                                                {"LaunchTemplate", Match::object_like({{"LaunchTemplateId", Match::any_value()},
                                                                                       {"Version", Match::object_like({{"Fn::GetAtt", Match::any_value()}})}})},
                                                {"HealthCheckType", Match::absent()},
                                                {"Tags", Match::array_with({Match::object_equals({{"Key", "Name"}, {"PropagateAtLaunch", true},
                                                                                                   {"Value", "Test/Web"}})})}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({{"Statement",
      Match::array_equals({Match::object_like({{"Principal", Match::object_equals({{"Service", "ec2.amazonaws.com"}})}})})}})}}));
  t.resource_count_is("AWS::IAM::InstanceProfile", 1);
  EXPECT_NE(stack.node().try_find("Web/ASG"), nullptr);
  EXPECT_NE(stack.node().try_find("Web/InstanceProfile"), nullptr);
  EXPECT_NE(stack.node().try_find("Web/InstanceSecurityGroup"), nullptr);
  EXPECT_NE(stack.node().try_find("Web/InstanceRole"), nullptr);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, MatomoSeedTlsTo80AndRestrictedSshThroughAnNlb) {
  auto& asg = web({.vpc_subnets = cdk::ec2::SubnetSelection{.subnet_type = cdk::ec2::SubnetType::PrivateWithEgress},
                   .key_name = "matomo"});
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc, .internet_facing = true});
  nlb.add_listener("Https", {.port = 443, .certificates = {kCert}}).add_targets("Web", {.port = 80, .targets = {asg}});
  nlb.add_listener("Ssh", {.port = 22, .allow_from = {cdk::ec2::Peer::ipv4("203.0.113.10/32")}})
      .add_targets("Ssh", {.port = 22, .targets = {asg}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
  t.all_resources_properties("AWS::ElasticLoadBalancingV2::TargetGroup",
                             Match::object_like({{"Protocol", "TCP"}, {"TargetType", "instance"}}));
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup",
                            Match::object_like({{"TargetGroupARNs", Match::array_equals({Match::any_value(), Match::any_value()})},
                                                {"HealthCheckType", "ELB"},
                                                {"HealthCheckGracePeriod", 300}}));
  // The NLB lets 443 in from anywhere and 22 only from the listed address ...
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress",
                                                 Match::array_equals({Match::object_like({{"CidrIp", "0.0.0.0/0"}, {"FromPort", 443}}),
                                                                      Match::object_like({{"CidrIp", "203.0.113.10/32"}, {"FromPort", 22}})})}}));
  // ... and the instances accept 80 and 22 only from the NLB's security group.
  t.resource_count_is("AWS::EC2::SecurityGroupIngress", 2);
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 80}, {"SourceSecurityGroupId", Match::any_value()}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 22}, {"SourceSecurityGroupId", Match::any_value()}}));
  t.has_resource_properties("AWS::EC2::SecurityGroupEgress", Match::object_like({{"FromPort", 80}, {"DestinationSecurityGroupId", Match::any_value()}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, KeyedinSeedOneOnDemandThenSpotBehindAnAlbScaledOnRequests) {
  auto& asg = web({.min_capacity = 1, .max_capacity = 4,
                   .mixed_instances_policy = MixedInstancesPolicy{.on_demand_base_capacity = 1,
                                                                  .on_demand_percentage_above_base_capacity = 0,
                                                                  .instance_types = {"t3.small", "t3a.small"}},
                   .capacity_rebalance = true});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc, .internet_facing = true});
  alb.add_listener("Https", {.certificates = {kCert}})
      .add_targets("Web", {.port = 80, .targets = {asg}, .health_check = {.path = "/health"}});
  alb.add_redirect();
  auto& policy = asg.scale_on_request_count("Requests", {.target_requests_per_minute = 1000});
  EXPECT_EQ(policy.node().path(), "Test/Web/ScalingPolicyRequests");
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::AutoScaling::AutoScalingGroup",
      Match::object_like({{"MinSize", "1"},
                          {"MaxSize", "4"},
                          {"CapacityRebalance", true},
                          {"LaunchTemplate", Match::absent()},
                          {"MixedInstancesPolicy",
                           Match::object_equals(
                               {{"InstancesDistribution", Match::object_equals({{"OnDemandBaseCapacity", 1},
                                                                                {"OnDemandPercentageAboveBaseCapacity", 0},
                                                                                {"SpotAllocationStrategy", "price-capacity-optimized"}})},
                                {"LaunchTemplate", Match::object_like({{"Overrides", Match::array_equals(
                                                                           {Match::object_equals({{"InstanceType", "t3.small"}}),
                                                                            Match::object_equals({{"InstanceType", "t3a.small"}})})}})}})}}));
  const std::string listener = t.logical_id(dynamic_cast<cdk::CfnElement&>(*stack.node().try_find("Alb/Https/Resource")));
  t.has_resource("AWS::AutoScaling::ScalingPolicy",
                 Match::object_like({{"DependsOn", Match::array_with({listener})},
                                     {"Properties", Match::object_like({{"PolicyType", "TargetTrackingScaling"},
                                                                        {"TargetTrackingConfiguration", Match::object_like(
                                                                            {{"TargetValue", 1000},
                                                                             {"PredefinedMetricSpecification", Match::object_like(
                                                                                 {{"PredefinedMetricType", "ALBRequestCountPerTarget"},
                                                                                  {"ResourceLabel", Match::object_like({{"Fn::Join", Match::any_value()}})}})}})}})}}));
  // The ALB reaches the instances on 80 only.
  t.has_resource_properties("AWS::EC2::SecurityGroupIngress", Match::object_like({{"FromPort", 80}, {"ToPort", 80}, {"IpProtocol", "tcp"}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, ScalesOnCpuAndOnSchedules) {
  auto& asg = web({.min_capacity = 2, .max_capacity = 10, .desired_capacity = 2});
  asg.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 60, .estimated_instance_warmup_seconds = 120});
  asg.scale_on_schedule("MorningUp", {.schedule = Schedule::cron({.minute = "0", .hour = "8", .week_day = "MON-FRI"}),
                                      .min_capacity = 4, .time_zone = "Europe/Dublin"});
  asg.scale_on_schedule("NightDown", {.schedule = Schedule::expression("0 20 * * *"), .min_capacity = 2});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup", Match::object_like({{"DesiredCapacity", "2"}}));
  t.has_resource_properties("AWS::AutoScaling::ScalingPolicy",
                            Match::object_like({{"EstimatedInstanceWarmup", 120},
                                                {"TargetTrackingConfiguration", Match::object_equals(
                                                    {{"PredefinedMetricSpecification", Match::object_equals({{"PredefinedMetricType", "ASGAverageCPUUtilization"}})},
                                                     {"TargetValue", 60}})}}));
  t.resource_count_is("AWS::AutoScaling::ScheduledAction", 2);
  t.has_resource_properties("AWS::AutoScaling::ScheduledAction",
                            Match::object_like({{"Recurrence", "0 8 * * MON-FRI"}, {"MinSize", 4}, {"TimeZone", "Europe/Dublin"}}));
  EXPECT_NE(stack.node().try_find("Web/ScheduledActionNightDown"), nullptr);
  EXPECT_NE(stack.node().try_find("Web/ScalingPolicyCpu"), nullptr);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, RollingUpdatePolicy) {
  web({.min_capacity = 2, .max_capacity = 4,
       .rolling_update = cdk::autoscaling::RollingUpdate{.max_batch_size = 2, .min_instances_in_service = 1, .pause_time_seconds = 300}});
  Template::from_stack(stack).has_resource(
      "AWS::AutoScaling::AutoScalingGroup",
      Match::object_like({{"UpdatePolicy",
                           Match::object_like({{"AutoScalingRollingUpdate",
                                                Match::object_like({{"MaxBatchSize", 2}, {"MinInstancesInService", 1}, {"PauseTime", "PT300S"},
                                                                    {"SuspendProcesses", Match::array_with({"HealthCheck"})}})},
                                               {"AutoScalingScheduledAction",
                                                Match::object_equals({{"IgnoreUnmodifiedGroupSizeProperties", true}})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, GrantsGoToTheInstanceRoleAndConnectionsToItsGroup) {
  auto& asg = web();
  cdk::iam::IGrantable& grantee = asg;
  grantee.add_to_principal_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::my-bucket/*"}});
  asg.connections().allow_from(cdk::ec2::Peer::ipv4("10.1.0.0/16"), cdk::ec2::Port::tcp(8080));
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::IAM::Policy",
                            Match::object_like({{"PolicyDocument", Match::object_like({{"Statement", Match::array_equals(
                                {Match::object_like({{"Action", "s3:GetObject"}})})}})}}));
  t.has_resource_properties("AWS::EC2::SecurityGroup",
                            Match::object_like({{"SecurityGroupIngress", Match::array_equals({Match::object_like({{"CidrIp", "10.1.0.0/16"}})})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, ExplicitEc2HealthCheckWinsOverElb) {
  auto& asg = web({.health_check = cdk::autoscaling::HealthCheck::ec2(60)});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  alb.add_listener("Http", {}).add_targets("Web", {.targets = {asg}});
  Template::from_stack(stack).has_resource_properties(
      "AWS::AutoScaling::AutoScalingGroup", Match::object_like({{"HealthCheckType", "EC2"}, {"HealthCheckGracePeriod", 60}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, RefusesCapacitiesOutOfOrder) {
  EXPECT_THAT(error_of([&] { web({.min_capacity = 3, .max_capacity = 2}); }),
              HasSubstr("Test/Web: min capacity (3) is above max capacity (2)"));
  EXPECT_THAT(error_of([&] { web({.min_capacity = 2, .max_capacity = 4, .desired_capacity = 5}); }),
              HasSubstr("Test/Web: desired capacity (5) is outside min..max (2..4)"));
  EXPECT_THAT(error_of([&] { web({.min_capacity = 2, .max_capacity = 4, .desired_capacity = 1}); }),
              HasSubstr("desired capacity (1) is outside"));
  EXPECT_THAT(error_of([&] { web({.min_capacity = -1}); }), HasSubstr("Test/Web: min capacity -1 is negative"));
  EXPECT_THAT(error_of([&] { web({.min_capacity = 0, .max_capacity = 0}); }), HasSubstr("max capacity is 0"));
}

TEST_F(AutoScalingGroupTest, RefusesMissingRequiredProps) {
  const auto ami = cdk::ec2::MachineImage::latest_amazon_linux_2023();
  EXPECT_THAT(error_of([&] { stack.add<AutoScalingGroup>("A", {.instance_type = "t3.small", .machine_image = ami}); }),
              HasSubstr("Test/A: an Auto Scaling group needs a VPC"));
  EXPECT_THAT(error_of([&] { stack.add<AutoScalingGroup>("B", {.vpc = vpc, .machine_image = ami}); }),
              HasSubstr("Test/B: an Auto Scaling group needs an instance type"));
  EXPECT_THAT(error_of([&] {
                stack.add<AutoScalingGroup>("D", {.vpc = vpc, .instance_type = "t3.small",
                                                  .machine_image = cdk::ec2::MachineImage::generic_linux({{"eu-west-1", kAmi}})});
              }),
              HasSubstr("Test/D: the root device of the machine image is unknown"));
}

TEST_F(AutoScalingGroupTest, RefusesBadMixedPolicyRollingUpdateAndVolume) {
  EXPECT_THAT(error_of([&] { web({.mixed_instances_policy = MixedInstancesPolicy{.on_demand_percentage_above_base_capacity = 120}}); }),
              HasSubstr("Test/Web: on-demand percentage above base capacity 120 is out of range"));
  EXPECT_THAT(error_of([&] { web({.mixed_instances_policy = MixedInstancesPolicy{.on_demand_base_capacity = -1}}); }),
              HasSubstr("on-demand base capacity is negative"));
  EXPECT_THAT(error_of([&] { web({.max_capacity = 2, .rolling_update = cdk::autoscaling::RollingUpdate{.min_instances_in_service = 2}}); }),
              HasSubstr("Test/Web: rolling update keeps 2 instances in service"));
  EXPECT_THAT(error_of([&] { web({.root_volume = {.size_gib = 0}}); }), HasSubstr("root volume size 0 GiB"));
}

TEST_F(AutoScalingGroupTest, RefusesBadScaling) {
  auto& asg = web({.max_capacity = 3});
  EXPECT_THAT(error_of([&] { asg.scale_on_request_count("Req", {.target_requests_per_minute = 100}); }),
              HasSubstr("Test/Web: scale_on_request_count needs the group to be a target of an Application Load Balancer"));
  EXPECT_THAT(error_of([&] { asg.scale_on_cpu_utilization("Cpu", {.target_utilization_percent = 150}); }),
              HasSubstr("Test/Web: CPU utilization target 150"));
  EXPECT_THAT(error_of([&] { asg.scale_on_schedule("S", {.schedule = Schedule::expression("0 8 * *"), .min_capacity = 1}); }),
              HasSubstr("Test/Web/ScheduledActionS: schedule '0 8 * *' has 4 fields"));
  EXPECT_THAT(error_of([&] { asg.scale_on_schedule("T", {.schedule = Schedule::expression("0 8 * * *")}); }),
              HasSubstr("Test/Web/ScheduledActionT: a scheduled action changes nothing"));
  EXPECT_THAT(error_of([&] { asg.scale_on_schedule("U", {.min_capacity = 1}); }),
              HasSubstr("Test/Web/ScheduledActionU: a scheduled action needs a schedule"));
}

TEST_F(AutoScalingGroupTest, RequestCountScalingNeedsAnAlbNotAnNlb) {
  auto& asg = web();
  auto& nlb = stack.add<cdk::elbv2::NetworkLoadBalancer>("Lb", {.vpc = vpc});
  nlb.add_listener("Tcp", {.port = 80}).add_targets("Web", {.targets = {asg}});
  EXPECT_THAT(error_of([&] { asg.scale_on_request_count("Req", {.target_requests_per_minute = 100}); }),
              HasSubstr("target of an Application Load Balancer"));
}

TEST_F(AutoScalingGroupTest, RefusesMoreBadSettings) {
  EXPECT_THAT(error_of([&] { web({.health_check = cdk::autoscaling::HealthCheck::elb(-1)}); }),
              HasSubstr("Test/Web: health check grace period is negative"));
  EXPECT_THAT(error_of([&] {
                web({.mixed_instances_policy = MixedInstancesPolicy{.instance_types = std::vector<std::string>(41, "t3.small")}});
              }),
              HasSubstr("Test/Web: a mixed instances policy takes at most 40 instance types"));
  EXPECT_THAT(error_of([&] { web({.max_capacity = 2, .rolling_update = cdk::autoscaling::RollingUpdate{.max_batch_size = 0}}); }),
              HasSubstr("Test/Web: rolling update max batch size must be 1 or more"));
}

TEST_F(AutoScalingGroupTest, RefusesBadScalingTargetsAndSchedules) {
  auto& asg = web({.max_capacity = 4});
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Alb", {.vpc = vpc});
  auto& l = alb.add_listener("Http", {});
  l.add_targets("Web", {.targets = {asg}});
  EXPECT_THAT(error_of([&] { asg.scale_on_request_count("Zero", {.target_requests_per_minute = 0}); }),
              HasSubstr("Test/Web: the request count target must be above 0"));
  EXPECT_THAT(error_of([&] { asg.scale_on_cpu_utilization("Warm", {.target_utilization_percent = 50, .estimated_instance_warmup_seconds = -5}); }),
              HasSubstr("Test/Web/ScalingPolicyWarm: estimated instance warmup is negative"));
  EXPECT_THAT(error_of([&] {
                asg.scale_on_schedule("MinMax", {.schedule = Schedule::expression("0 8 * * *"), .min_capacity = 3, .max_capacity = 2});
              }),
              HasSubstr("Test/Web/ScheduledActionMinMax: scheduled min capacity 3 is above max capacity 2"));
  EXPECT_THAT(error_of([&] { asg.scale_on_schedule("Neg", {.schedule = Schedule::expression("0 8 * * *"), .desired_capacity = -1}); }),
              HasSubstr("Test/Web/ScheduledActionNeg: a scheduled capacity is negative"));
  // A second ALB target group makes the request count ambiguous.
  l.add_targets("Api", {.targets = {asg}, .priority = 1, .conditions = {cdk::elbv2::ListenerCondition::path_patterns({"/api/*"})}});
  EXPECT_THAT(error_of([&] { asg.scale_on_request_count("Req", {.target_requests_per_minute = 100}); }),
              HasSubstr("Test/Web: scale_on_request_count needs the group to be a target of exactly one Application Load Balancer target group"));
}

TEST_F(AutoScalingGroupTest, UsesAGivenRoleAndSecurityGroup) {
  auto& role = stack.add<cdk::iam::Role>("Role", {.assumed_by = cdk::iam::ServicePrincipal{"ec2.amazonaws.com"}});
  auto& sg = stack.add<cdk::ec2::SecurityGroup>("Sg", {.vpc = vpc, .description = "web instances"});
  auto& asg = web({.security_group = sg, .role = role, .detailed_monitoring = true, .cooldown_seconds = 120,
                   .default_instance_warmup_seconds = 60, .auto_scaling_group_name = "web"});
  EXPECT_EQ(&asg.role(), &role);
  EXPECT_EQ(stack.node().try_find("Web/InstanceRole"), nullptr);
  EXPECT_EQ(stack.node().try_find("Web/InstanceSecurityGroup"), nullptr);
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Role", 1);
  t.resource_count_is("AWS::EC2::SecurityGroup", 1);
  t.has_resource_properties("AWS::EC2::LaunchTemplate", Match::object_like({{"LaunchTemplateData", Match::object_like(
                                                            {{"Monitoring", Match::object_equals({{"Enabled", true}})}})}}));
  t.has_resource_properties("AWS::AutoScaling::AutoScalingGroup",
                            Match::object_like({{"AutoScalingGroupName", "web"}, {"Cooldown", "120"}, {"DefaultInstanceWarmup", 60}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(AutoScalingGroupTest, RequestCountScalingNeedsTheTargetGroupOnAListener) {
  auto& asg = web();
  stack.add<cdk::elbv2::TargetGroup>("Tg", {.port = 80, .vpc = vpc, .targets = {asg}});
  EXPECT_THAT(error_of([&] { asg.scale_on_request_count("Req", {.target_requests_per_minute = 100}); }),
              HasSubstr("Test/Web: the group's target group is not attached to a listener yet"));
}

}  // namespace
