// codepipeline_actions: the CodeDeploy deploy actions. ECS blue/green
// (CodeDeployToECS): configuration, artifacts named once, the role scoped to
// the group, its configuration and the service's task roles. Server
// (CodeDeploy): configuration, the role, the instances reading the bucket.
#include "codepipeline/support.hpp"
#include "support/expect_error.hpp"
#include "support/test_vpc.hpp"

#include <cdk/autoscaling/auto_scaling_group.hpp>
#include <cdk/codedeploy/cfn_application.hpp>
#include <cdk/codedeploy/cfn_deployment_group.hpp>
#include <cdk/codebuild/project.hpp>
#include <cdk/codedeploy/codedeploy.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/elbv2/application_load_balancer.hpp>
#include <cdk/elbv2/target_group.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>

#include <gmock/gmock.h>

namespace {

using namespace cdk::testing::pipeline;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codepipeline = cdk::codepipeline;
namespace codedeploy = cdk::codedeploy;
namespace actions = cdk::codepipeline_actions;
namespace ecs = cdk::ecs;

// ref() of the support header, named apart from std::ref (found by ADL for strings).
Match ref_to(const std::string& id) { return cdk::testing::pipeline::ref(id); }
Match deploy_stage(std::vector<Match> stage_actions) {
  return Match::object_like({{"Stages", Match::array_with({Match::object_equals({
      {"Name", "Deploy"}, {"Actions", Match::array_equals(std::move(stage_actions))}})})}});
}
Match inputs(std::vector<std::string> names) {
  std::vector<Match> out;
  for (auto& n : names) out.push_back(Match::object_equals({{"Name", n}}));
  return Match::array_equals(std::move(out));
}
/// The statements of an action role's default policy (found by its statements).
Match action_policy(std::vector<Match> statements) {
  return Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_equals(std::move(statements))}})}});
}
Match codedeploy_arn(const std::string& tail, std::vector<Match> rest = {}) {
  return arn("codedeploy", tail, std::move(rest));
}
const Match bucket_read = Match::object_like({{"Action", Match::array_equals({
    "s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion"})}});

class CodeDeployEcsActionTest : public PipelineTest {
 protected:
  codepipeline::Artifact built{"Built"};
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  ecs::Cluster& cluster = stack.add<ecs::Cluster>("Cluster", {.vpc = vpc});
  ecs::FargateTaskDefinition& task = make_task();
  ecs::FargateService& service = stack.add<ecs::FargateService>("Web", {
      .cluster = cluster, .task_definition = task, .circuit_breaker_rollback = false,
      .deployment_controller = ecs::DeploymentControllerType::CodeDeploy});
  cdk::elbv2::ApplicationLoadBalancer& alb = stack.add<cdk::elbv2::ApplicationLoadBalancer>("Lb", {.vpc = vpc});
  cdk::elbv2::ApplicationListener& prod = alb.add_listener("Prod", {.port = 80});
  cdk::elbv2::TargetGroup& blue = prod.add_targets("Blue", {.port = 80, .targets = {service}});
  cdk::elbv2::TargetGroup& green =
      stack.add<cdk::elbv2::TargetGroup>("Green", {.port = 80, .vpc = vpc, .target_type = cdk::elbv2::TargetType::Ip});
  codedeploy::EcsDeploymentGroup& group = stack.add<codedeploy::EcsDeploymentGroup>("BlueGreen", {
      .service = service,
      .blue_green_deployment_config = {.blue_target_group = blue, .green_target_group = green, .listener = prod}});

  ecs::FargateTaskDefinition& make_task() {
    auto& t = stack.add<ecs::FargateTaskDefinition>("Task");
    t.add_container("web", {.image = ecs::ContainerImage::from_registry("nginx"),
                            .port_mappings = {{.container_port = 80}}});
    return t;
  }
  /// Source -> Build (writes "Built") -> an empty Deploy stage.
  codepipeline::Stage& deploy() {
    auto& p = pipeline();
    p.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{
        .action_name = "Image", .project = stack.add<cdk::codebuild::PipelineProject>("Build"), .input = source,
        .outputs = {built}});
    return p.add_stage({.stage_name = "Deploy"});
  }
};

TEST_F(CodeDeployEcsActionTest, BlueGreenFromOneArtifactNamesItOnceAndScopesTheRoleToTheGroupAndTaskRoles) {
  task.obtain_execution_role();  // a task pulling from ECR or logging has one; both roles may be passed
  deploy().add_action(actions::CodeDeployEcsDeployAction{
      .action_name = "BlueGreen", .deployment_group = group, .task_definition_template_input = built,
      .app_spec_template_input = built, .container_image_inputs = {{.input = built, .task_definition_placeholder = "IMAGE1_NAME"}}});
  auto t = Template::from_stack(stack);
  const auto application = ref_to(t.logical_id(group.application().cfn()));
  t.has_resource_properties("AWS::CodePipeline::Pipeline", deploy_stage({Match::object_equals({
      {"ActionTypeId", Match::object_equals({{"Category", "Deploy"}, {"Owner", "AWS"}, {"Provider", "CodeDeployToECS"}, {"Version", "1"}})},
      {"Configuration", Match::object_equals({
          {"ApplicationName", application}, {"DeploymentGroupName", ref_to(t.logical_id(group.cfn()))},
          {"TaskDefinitionTemplateArtifact", "Built"}, {"TaskDefinitionTemplatePath", "taskdef.json"},
          {"AppSpecTemplateArtifact", "Built"}, {"AppSpecTemplatePath", "appspec.yaml"},
          {"Image1ArtifactName", "Built"}, {"Image1ContainerName", "IMAGE1_NAME"}})},
      {"InputArtifacts", inputs({"Built"})},
      {"Name", "BlueGreen"}, {"RoleArn", Match::any_value()}, {"RunOrder", 1}})}));
  t.has_resource_properties("AWS::IAM::Policy", action_policy({
      allow({"codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"},
            codedeploy_arn("application:", {application})),
      allow({"codedeploy:CreateDeployment", "codedeploy:GetDeployment"},
            codedeploy_arn("deploymentgroup:", {application, "/", ref_to(t.logical_id(group.cfn()))})),
      allow({"codedeploy:GetDeploymentConfig"}, codedeploy_arn("deploymentconfig:", {"CodeDeployDefault.ECSAllAtOnce"})),
      allow({"ecs:RegisterTaskDefinition"}, "*"),
      Match::object_equals({{"Effect", "Allow"}, {"Action", "iam:PassRole"},
                            {"Resource", Match::array_equals({get_att(t.logical_id(task.task_role().cfn_role()), "Arn"),
                                                              get_att(t.logical_id(task.obtain_execution_role().cfn_role()), "Arn")})},
                            {"Condition", Match::object_equals({{"StringEqualsIfExists", Match::object_equals({
                                {"iam:PassedToService", "ecs-tasks.amazonaws.com"}})}})}}),
      bucket_read}));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CodeDeployEcsActionTest, TemplateFilesAndImagesFromSeveralArtifactsAreAllInputs) {
  deploy().add_action(actions::CodeDeployEcsDeployAction{
      .action_name = "BlueGreen", .deployment_group = group,
      .task_definition_template_file = built.at_path("deploy/taskdef.json"),
      .app_spec_template_file = source.at_path("deploy/appspec.yaml"),
      .container_image_inputs = {{.input = built}, {.input = source, .task_definition_placeholder = "SIDECAR"}}});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", deploy_stage({Match::object_like({
      {"Configuration", Match::object_like({
          {"TaskDefinitionTemplateArtifact", "Built"}, {"TaskDefinitionTemplatePath", "deploy/taskdef.json"},
          {"AppSpecTemplateArtifact", "Source"}, {"AppSpecTemplatePath", "deploy/appspec.yaml"},
          {"Image1ArtifactName", "Built"}, {"Image1ContainerName", "IMAGE"},
          {"Image2ArtifactName", "Source"}, {"Image2ContainerName", "SIDECAR"}})},
      {"InputArtifacts", inputs({"Built", "Source"})}})}));
}

TEST_F(CodeDeployEcsActionTest, MissingOrDoubleTemplatesAndTooManyImagesAreErrorsNamingTheAction) {
  auto& stage = deploy();
  expect_error([&] {
    stage.add_action(actions::CodeDeployEcsDeployAction{.action_name = "NoGroup", .task_definition_template_input = built,
                                                        .app_spec_template_input = built});
  }, "Stack/Pipeline/Deploy/NoGroup", "has no deployment group");
  expect_error([&] {
    stage.add_action(actions::CodeDeployEcsDeployAction{.action_name = "NoTaskDef", .deployment_group = group,
                                                        .app_spec_template_input = built});
  }, "Stack/Pipeline/Deploy/NoTaskDef", "has no task_definition_template");
  expect_error([&] {
    stage.add_action(actions::CodeDeployEcsDeployAction{
        .action_name = "Both", .deployment_group = group, .task_definition_template_input = built,
        .app_spec_template_input = built, .app_spec_template_file = built.at_path("appspec.yaml")});
  }, "Stack/Pipeline/Deploy/Both", "both app_spec_template_input and app_spec_template_file are set");
  expect_error([&] {
    stage.add_action(actions::CodeDeployEcsDeployAction{
        .action_name = "Images", .deployment_group = group, .task_definition_template_input = built,
        .app_spec_template_input = built,
        .container_image_inputs = {{.input = built}, {.input = built}, {.input = built}, {.input = built}, {.input = built}}});
  }, "Stack/Pipeline/Deploy/Images", "5 container image inputs; CodePipeline takes up to 4");
}

class CodeDeployServerActionTest : public PipelineTest {
 protected:
  cdk::testing::TestVpc& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  cdk::autoscaling::AutoScalingGroup& web = stack.add<cdk::autoscaling::AutoScalingGroup>("Web", {
      .vpc = vpc, .instance_type = "t3.small", .machine_image = cdk::ec2::MachineImage::latest_amazon_linux_2023()});
};

TEST_F(CodeDeployServerActionTest, DeploysTheRevisionAndLetsTheInstancesReadTheArtifactBucket) {
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {.auto_scaling_groups = {web}});
  auto& p = pipeline();
  p.add_stage({.stage_name = "Deploy"}).add_action(actions::CodeDeployServerDeployAction{
      .action_name = "Web", .deployment_group = group, .input = source});
  auto t = Template::from_stack(stack);
  const auto application = ref_to(t.logical_id(group.application().cfn()));
  t.has_resource_properties("AWS::CodePipeline::Pipeline", deploy_stage({Match::object_equals({
      {"ActionTypeId", Match::object_equals({{"Category", "Deploy"}, {"Owner", "AWS"}, {"Provider", "CodeDeploy"}, {"Version", "1"}})},
      {"Configuration", Match::object_equals({{"ApplicationName", application},
                                              {"DeploymentGroupName", ref_to(t.logical_id(group.cfn()))}})},
      {"InputArtifacts", inputs({"Source"})},
      {"Name", "Web"}, {"RoleArn", Match::any_value()}, {"RunOrder", 1}})}));
  t.has_resource_properties("AWS::IAM::Policy", action_policy({
      allow({"codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"},
            codedeploy_arn("application:", {application})),
      allow({"codedeploy:CreateDeployment", "codedeploy:GetDeployment"},
            codedeploy_arn("deploymentgroup:", {application, "/", ref_to(t.logical_id(group.cfn()))})),
      allow({"codedeploy:GetDeploymentConfig"}, codedeploy_arn("deploymentconfig:", {"CodeDeployDefault.OneAtATime"})),
      bucket_read}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of(t.logical_id(web.role().cfn_role()), Match::array_with({
      Match::object_like({{"Action", Match::array_equals({"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion"})},
                          {"Resource", Match::array_with({get_att("PipelineArtifactsBucket22248F97", "Arn")})}})})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(CodeDeployServerActionTest, TheGroupsConfigurationIsTheOneTheRoleMayRead) {
  auto& group = stack.add<codedeploy::ServerDeploymentGroup>("Deploy", {
      .deployment_config = codedeploy::ServerDeploymentConfig::half_at_a_time(), .auto_scaling_groups = {web}});
  auto& stage = pipeline().add_stage({.stage_name = "Deploy"});
  stage.add_action(actions::CodeDeployServerDeployAction{.action_name = "Web", .deployment_group = group, .input = source});
  Template::from_stack(stack).has_resource_properties("AWS::IAM::Policy", Match::object_like({{"PolicyDocument", Match::object_like({
      {"Statement", Match::array_with({allow({"codedeploy:GetDeploymentConfig"},
                                             codedeploy_arn("deploymentconfig:", {"CodeDeployDefault.HalfAtATime"}))})}})}}));
  expect_error([&] {
    stage.add_action(actions::CodeDeployServerDeployAction{.action_name = "NoInput", .deployment_group = group});
  }, "Stack/Pipeline/Deploy/NoInput", "has no input artifact");
  expect_error([&] {
    stage.add_action(actions::CodeDeployServerDeployAction{.action_name = "NoGroup", .input = source});
  }, "Stack/Pipeline/Deploy/NoGroup", "has no deployment group");
}

}  // namespace
