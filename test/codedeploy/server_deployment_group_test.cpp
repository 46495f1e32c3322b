// codedeploy::ServerDeploymentGroup: the AWS CDK's defaults (role with
// AWSCodeDeployRole, a new application, CodeDeploy's default configuration,
// rollback of failed deployments), Auto Scaling groups with the agent in their
// user data, load balancers, instance tags, alarms, rollback settings,
// SNS triggers and errors.
#include "support/expect_error.hpp"
#include "support/intrinsics.hpp"
#include "support/lint.hpp"
#include "support/test_vpc.hpp"

#include <cdk/assertions.hpp>
#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/cdk.hpp>
#include <cdk/cloudwatch/alarm.hpp>
#include <cdk/cloudwatch/cfn_alarm.hpp>
#include <cdk/codedeploy/cfn_application.hpp>
#include <cdk/codedeploy/cfn_deployment_config.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/ec2/cfn_launch_template.hpp>
#include <cdk/elbv2/cfn_target_group.hpp>
#include <cdk/sns/cfn_topic.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/sns/topic.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using cdk::testing::ref_to;

using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::testing::expect_error;
using ::testing::HasSubstr;
namespace codedeploy = cdk::codedeploy;

class ServerDeploymentGroupTest : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");

  cdk::autoscaling::AutoScalingGroup& asg(const std::string& id = "Web",
                                          cdk::ec2::MachineImage image = cdk::ec2::MachineImage::latest_amazon_linux_2023(),
                                          std::string root_device = {}) {
    return stack.add<cdk::autoscaling::AutoScalingGroup>(id, {.vpc = vpc, .instance_type = "t3.small",
                                                              .machine_image = std::move(image),
                                                              .root_volume = {.device_name = std::move(root_device)}});
  }
  cdk::cloudwatch::Alarm& alarm(const std::string& id) {
    return stack.add<cdk::cloudwatch::Alarm>(id, {.metric = {.namespace_ = "AWS/EC2", .metric_name = "CPUUtilization"},
                                                  .threshold = 90});
  }
};

TEST_F(ServerDeploymentGroupTest, DefaultsAreTheAwsCdksRoleApplicationAndRollbackOfFailedDeployments) {
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy");
  auto t = Template::from_stack(stack);
  EXPECT_EQ(t.logical_id(group.cfn()), "Deploy7B206E61");
  EXPECT_EQ(group.deployment_config(), nullptr);
  t.has_resource_properties("AWS::CodeDeploy::Application", Match::object_equals({{"ComputePlatform", "Server"}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({
      {"AssumeRolePolicyDocument", Match::object_like({{"Statement", Match::array_equals({Match::object_like({
          {"Principal", Match::object_equals({{"Service", "codedeploy.amazonaws.com"}})}})})}})},
      {"ManagedPolicyArns", Match::array_equals({Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
          "arn:", ref_to("AWS::Partition"), ":iam::aws:policy/service-role/AWSCodeDeployRole"})})}})})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_equals({
      {"ApplicationName", ref_to("DeployApplicationF955B1EF")},
      {"ServiceRoleArn", Match::object_equals({{"Fn::GetAtt", Match::array_equals({"DeployRoleFF7E9D15", "Arn"})}})},
      {"AlarmConfiguration", Match::object_equals({{"Enabled", false}})},
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({"DEPLOYMENT_FAILURE"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, AutoScalingGroupsGetTheAgentInTheirUserData) {
  auto& web = asg();
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {.auto_scaling_groups = {web}});
  auto& later = asg("Later");
  group.add_auto_scaling_group(later);
  group.add_auto_scaling_group(later);  // once only
  EXPECT_EQ(group.auto_scaling_groups().size(), 2U);
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"AutoScalingGroups", Match::array_equals({ref_to("WebASGD69FD9D9"), ref_to("LaterASGCEEEB24D")})}}));
  const auto& commands = web.user_data().commands();
  ASSERT_FALSE(commands.empty());
  EXPECT_EQ(commands.front(), cdk::Value("# CodeDeploy agent (needs Ruby)"));
  const std::string lt = t.at("/Resources/" + t.logical_id(web.launch_template()) + "/Properties/LaunchTemplateData/UserData");
  EXPECT_THAT(lt, HasSubstr("yum install -y ruby"));
  EXPECT_THAT(lt, HasSubstr("https://aws-codedeploy-eu-west-1.s3.eu-west-1."));
  EXPECT_THAT(lt, HasSubstr("/latest/install"));
  EXPECT_THAT(lt, HasSubstr("install auto"));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, WindowsGroupsGetTheMsiAndInstallAgentFalseLeavesUserDataAlone) {
  auto& windows = asg("Win", cdk::ec2::MachineImage::generic_windows({{"eu-west-1", "ami-0123456789abcdef0"}}),
                      "/dev/sda1");
  auto& plain = asg("Plain");
  stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {.auto_scaling_groups = {windows}});
  stack.add<codedeploy::ServerDeploymentGroup>("NoAgent", {.auto_scaling_groups = {plain}, .install_agent = false});
  auto t = Template::from_stack(stack);
  const std::string win = t.at("/Resources/" + t.logical_id(windows.launch_template()) + "/Properties/LaunchTemplateData/UserData");
  EXPECT_THAT(win, HasSubstr("codedeploy-agent.msi"));
  EXPECT_THAT(win, HasSubstr("msiexec.exe"));
  EXPECT_TRUE(plain.user_data().commands().empty());
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, LoadBalancersTurnOnTrafficControl) {
  auto& web = asg();
  auto& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc});
  auto& listener = alb.add_listener("Http", {.port = 80});
  auto& tg = listener.add_targets("Web", {.port = 80, .targets = {web}});
  stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {
      .deployment_config = codedeploy::ServerDeploymentConfig::half_at_a_time(),
      .auto_scaling_groups = {web},
      .load_balancers = {codedeploy::LoadBalancer::target_group(tg), codedeploy::LoadBalancer::classic("legacy")}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DeploymentConfigName", "CodeDeployDefault.HalfAtATime"},
      {"DeploymentStyle", Match::object_equals({{"DeploymentOption", "WITH_TRAFFIC_CONTROL"}})},
      {"LoadBalancerInfo", Match::object_equals({
          {"ElbInfoList", Match::array_equals({Match::object_equals({{"Name", "legacy"}})})},
          {"TargetGroupInfoList", Match::array_equals({Match::object_equals({{"Name", Match::object_equals({
              {"Fn::GetAtt", Match::array_equals({t.logical_id(tg.cfn()), "TargetGroupName"})}})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, InstanceTagsRenderKeyValueKeyOnlyAndValueOnlyFilters) {
  stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {
      .ec2_instance_tags = {{{"env", {"prod", "staging"}}, {"web", {}}}, {{"", {"blue"}}}},
      .on_premise_instance_tags = {{{"site", {"dc1"}}}}});
  auto t = Template::from_stack(stack);
  auto filter = [](const char* key, const char* type, const char* value) {
    std::vector<Match::Field> f;
    if (*key) f.emplace_back("Key", key);
    f.emplace_back("Type", type);
    if (*value) f.emplace_back("Value", value);
    return Match::object_equals(std::move(f));
  };
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"Ec2TagSet", Match::object_equals({{"Ec2TagSetList", Match::array_equals({
          Match::object_equals({{"Ec2TagGroup", Match::array_equals({filter("env", "KEY_AND_VALUE", "prod"),
                                                                    filter("env", "KEY_AND_VALUE", "staging"),
                                                                    filter("web", "KEY_ONLY", "")})}}),
          Match::object_equals({{"Ec2TagGroup", Match::array_equals({filter("", "VALUE_ONLY", "blue")})}})})}})},
      {"OnPremisesTagSet", Match::object_equals({{"OnPremisesTagSetList", Match::array_equals({
          Match::object_equals({{"OnPremisesTagGroup", Match::array_equals({filter("site", "KEY_AND_VALUE", "dc1")})}})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, AlarmsEnableCheckingAndRollbackOnAlarm) {
  auto& cpu = alarm("Cpu");
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {.alarms = {cpu}, .ignore_poll_alarms_failure = true});
  group.add_alarm(alarm("Errors"));
  group.add_alarm(cpu);  // once only
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"AlarmConfiguration", Match::object_equals({
          {"Alarms", Match::array_equals({Match::object_equals({{"Name", ref_to(t.logical_id(cpu.cfn_alarm()))}}),
                                          Match::object_equals({{"Name", Match::any_value()}})})},
          {"Enabled", true}, {"IgnorePollAlarmFailure", true}})},
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({
          "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, RollbackSettingsFollowTheAwsCdk) {
  stack.add<codedeploy::ServerDeploymentGroup>("Stopped", {.auto_rollback = {.stopped_deployment = true}});
  stack.add<codedeploy::ServerDeploymentGroup>("Never", {.auto_rollback = {.failed_deployment = false, .deployment_in_alarm = false}});
  stack.add<codedeploy::ServerDeploymentGroup>("AlarmsOnly", {
      .alarms = {alarm("Cpu")}, .auto_rollback = {.failed_deployment = false}});
  stack.add<codedeploy::ServerDeploymentGroup>("Unset", {.auto_rollback = {.failed_deployment = false}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({
          "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST"})}})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", false}})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"AutoRollbackConfiguration", Match::object_equals({{"Enabled", true}, {"Events", Match::array_equals({
          "DEPLOYMENT_STOP_ON_ALARM"})}})}}));
  t.resource_properties_count_is("AWS::CodeDeploy::DeploymentGroup",
                                 Match::object_like({{"AutoRollbackConfiguration", Match::absent()}}), 1);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, RollbackInAlarmWithoutAlarmsFailsSynthesis) {
  stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {.auto_rollback = {.deployment_in_alarm = true}});
  try {
    Template::from_stack(stack);
    ADD_FAILURE() << "synthesis succeeded";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), ::testing::AllOf(HasSubstr("Stack/Deploy"),
                                           HasSubstr("deployment_in_alarm is set but the deployment group has no alarms")));
  }
}

TEST_F(ServerDeploymentGroupTest, FailedDeploymentsNotifyAnSnsTopicThroughATrigger) {
  auto& alerts = stack.add<cdk::sns::Topic>("Alerts");
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {
      .deployment_group_name = "web", .triggers = {{.trigger_name = "deployment-failed", .topic = alerts}}});
  group.add_trigger({.trigger_name = "rollbacks", .topic = alerts,
                     .events = {codedeploy::TriggerEvent::DeploymentRollback, codedeploy::TriggerEvent::InstanceFailure}});
  auto t = Template::from_stack(stack);
  const auto topic = ref_to(t.logical_id(alerts.cfn_topic()));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DeploymentGroupName", "web"},
      {"TriggerConfigurations", Match::array_equals({
          Match::object_equals({{"TriggerEvents", Match::array_equals({"DeploymentFailure"})},
                                {"TriggerName", "deployment-failed"}, {"TriggerTargetArn", topic}}),
          Match::object_equals({{"TriggerEvents", Match::array_equals({"DeploymentRollback", "InstanceFailure"})},
                                {"TriggerName", "rollbacks"}, {"TriggerTargetArn", topic}})})}}));
  // The role may publish, and the group waits for that policy.
  t.has_resource_properties("AWS::IAM::Policy", Match::object_like({
      {"PolicyDocument", Match::object_like({{"Statement", Match::array_with({Match::object_like({
          {"Action", "sns:Publish"}, {"Resource", topic}})})}})},
      {"Roles", Match::array_equals({ref_to("DeployRoleFF7E9D15")})}}));
  t.has_resource("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"DependsOn", Match::array_with({Match::string_like_regexp("^DeployRoleDefaultPolicy")})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, GivenApplicationRoleAndCustomConfigAreUsed) {
  auto& application = stack.add<codedeploy::ServerApplication>("App", {.application_name = "web"});
  auto& role = stack.add<cdk::iam::Role>("DeployRole", {.assumed_by = cdk::iam::ServicePrincipal{"codedeploy.amazonaws.com"}});
  auto& config = stack.add<codedeploy::ServerDeploymentConfig>(
      "Config", {.minimum_healthy_hosts = codedeploy::MinimumHealthyHosts::percentage(50)});
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {
      .application = application, .role = role, .deployment_config = config});
  stack.add<cdk::CfnOutput>("Arn", {.value = group.deployment_group_arn()});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::CodeDeploy::Application", 1);
  t.resource_count_is("AWS::IAM::Role", 1);
  t.has_resource_properties("AWS::CodeDeploy::Application", Match::object_equals({
      {"ApplicationName", "web"}, {"ComputePlatform", "Server"}}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"ManagedPolicyArns", Match::array_equals({Match::any_value()})}}));
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({
      {"ApplicationName", ref_to(t.logical_id(application.cfn()))},
      {"DeploymentConfigName", ref_to(t.logical_id(config.cfn()))}}));
  t.has_output("Arn", Match::object_like({{"Value", Match::object_equals({{"Fn::Join", Match::array_equals({"", Match::array_equals({
      "arn:", ref_to("AWS::Partition"), ":codedeploy:", "eu-west-1", ":", "123456789012", ":deploymentgroup:",
      ref_to(t.logical_id(application.cfn())),
      "/", ref_to(t.logical_id(group.cfn()))})})}})}}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ServerDeploymentGroupTest, BadInputIsAnErrorNamingTheGroup) {
  expect_error([&] { stack.add<codedeploy::ServerDeploymentGroup>("Ecs", {
      .deployment_config = codedeploy::EcsDeploymentConfig::all_at_once()}); },
               "Stack/Ecs", "is for the ECS platform, not Server");
  expect_error([&] { stack.add<codedeploy::ServerDeploymentGroup>("Tags", {
      .ec2_instance_tags = {{{"a", {"1"}}}, {{"b", {"1"}}}, {{"c", {"1"}}}, {{"d", {"1"}}}}}); },
               "Stack/Tags", "at most 3 tag groups");
  expect_error([&] { stack.add<codedeploy::ServerDeploymentGroup>("Empty", {.ec2_instance_tags = {{{"", {}}}}}); },
               "Stack/Empty", "neither a key nor values");
  expect_error([&] { stack.add<codedeploy::ServerDeploymentGroup>("Name", {.deployment_group_name = "web/prod"}); },
               "Stack/Name", "deployment group name \"web/prod\" may hold only");
  auto& alerts = stack.add<cdk::sns::Topic>("Alerts");
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy");
  expect_error([&] { group.add_trigger({.topic = alerts}); }, "Stack/Deploy", "a trigger needs a name");
  expect_error([&] { group.add_trigger({.trigger_name = "x"}); }, "Stack/Deploy", "has no topic");
  group.add_trigger({.trigger_name = "x", .topic = alerts});
  expect_error([&] { group.add_trigger({.trigger_name = "x", .topic = alerts}); }, "Stack/Deploy", "named \"x\" already");
  for (int i = 0; i < 9; ++i) group.add_trigger({.trigger_name = "t" + std::to_string(i), .topic = alerts});
  expect_error([&] { group.add_trigger({.trigger_name = "eleventh", .topic = alerts}); }, "Stack/Deploy", "at most 10 triggers");
  for (int i = 0; i < 10; ++i) group.add_alarm(alarm("A" + std::to_string(i)));
  expect_error([&] { group.add_alarm(alarm("A10")); }, "Stack/Deploy", "at most 10 alarms, and Stack/A10 is the 11th");
}

}  // namespace

namespace {

TEST_F(ServerDeploymentGroupTest, AnInitialRevisionIsDeployedWhenTheGroupIsMade) {
  stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {
      .auto_scaling_groups = {asg()},
      .initial_revision = codedeploy::S3Revision{.bucket = "releases", .key = "app/v1.tgz", .bundle_type = "tgz",
                                                 .description = "first release"}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeDeploy::DeploymentGroup", Match::object_like({{"Deployment", Match::object_equals({
      {"Description", "first release"},
      {"Revision", Match::object_equals({{"RevisionType", "S3"}, {"S3Location", Match::object_equals({
          {"Bucket", "releases"}, {"BundleType", "tgz"}, {"Key", "app/v1.tgz"}})}})}})}}));
  cdk::testing::keep_for_lint(stack);
  expect_error([&] {
    stack.add<codedeploy::ServerDeploymentGroup>("Rar", {.initial_revision = codedeploy::S3Revision{
        .bucket = "releases", .key = "app.rar", .bundle_type = "rar"}});
  }, "Stack/Rar", "bundle type \"rar\" is not one CodeDeploy reads");
  expect_error([&] {
    stack.add<codedeploy::ServerDeploymentGroup>("NoKey", {.initial_revision = codedeploy::S3Revision{.bucket = "releases"}});
  }, "Stack/NoKey", "names no bucket or no key");
}

}  // namespace
