// codepipeline_actions: each action's declaration (category, provider,
// configuration, artifacts) and the least privilege its role gets, plus what
// it grants elsewhere (the CodeBuild project, the deployment role).
#include "codepipeline/support.hpp"
#include "support/actions.hpp"
#include "support/expect_error.hpp"
#include "support/test_vpc.hpp"

#include <cdk/codebuild/project.hpp>
#include <cdk/ecr/repository.hpp>
#include <cdk/ecs/ecs.hpp>
#include <cdk/iam/cfn_role.hpp>
#include <cdk/iam/role.hpp>
#include <cdk/s3/bucket.hpp>
#include <cdk/s3/bucket_actions.hpp>
#include <cdk/sns/topic.hpp>

#include <gmock/gmock.h>

namespace {

using namespace cdk::testing::pipeline;
using cdk::assertions::Template;
using cdk::testing::expect_error;
namespace codepipeline = cdk::codepipeline;
namespace actions = cdk::codepipeline_actions;

Match action_type(const char* category, const char* provider) {
  return Match::object_equals({{"Category", category}, {"Owner", "AWS"}, {"Provider", provider}, {"Version", "1"}});
}
// The stage of this name in the pipeline, with these actions.
Match stage(const char* name, std::vector<Match> stage_actions) {
  return Match::object_like({{"Stages", Match::array_with({Match::object_equals({
      {"Name", name}, {"Actions", Match::array_equals(std::move(stage_actions))}})})}});
}

class ActionsTest : public PipelineTest {
 protected:
  codepipeline::Artifact built{"Built"};
};

TEST_F(ActionsTest, CodeStarSourceUsesTheConnectionAndWritesTheArtifact) {
  auto& connection = stack.add<actions::CodeStarConnection>("GitHubConnection", {.connection_name = "acme-github"});
  auto& p = stack.add<codepipeline::Pipeline>("Pipeline");
  p.add_stage({.stage_name = "Source"}).add_action(actions::CodeStarConnectionsSourceAction{
      .action_name = "GitHub", .connection_arn = connection.connection_arn(), .owner = "acme", .repo = "engine",
      .branch = "main", .output = source, .code_build_clone_output = true, .trigger_on_push = false,
      .variables_namespace = "SourceVariables"});
  p.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{
      .action_name = "Compile", .project = stack.add<cdk::codebuild::PipelineProject>("Build"), .input = source});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodeStarConnections::Connection", Match::object_equals({
      {"ConnectionName", "acme-github"}, {"ProviderType", "GitHub"}}));
  const auto arn = get_att("GitHubConnection0CCA8712", "ConnectionArn");
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Source", {Match::object_equals({
      {"ActionTypeId", action_type("Source", "CodeStarSourceConnection")},
      {"Configuration", Match::object_equals({{"ConnectionArn", arn}, {"FullRepositoryId", "acme/engine"},
                                              {"BranchName", "main"}, {"OutputArtifactFormat", "CODEBUILD_CLONE_REF"},
                                              {"DetectChanges", false}})},
      {"Name", "GitHub"}, {"Namespace", "SourceVariables"},
      {"OutputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Source"}})})},
      {"RoleArn", Match::any_value()}, {"RunOrder", 1}})}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineSourceGitHubCodePipelineActionRole1AB4BA0C", Match::array_equals({
      allow({"codestar-connections:UseConnection"}, arn),
      Match::object_like({{"Action", Match::array_with({"s3:GetObject", "s3:PutObject"})}}),
      allow({"s3:PutObjectAcl", "s3:PutObjectVersionAcl"}, join({get_att("PipelineArtifactsBucket22248F97", "Arn"), "/*"}))})));
  // The build clones through the connection too.
  t.has_resource_properties("AWS::IAM::Policy", policy_of("BuildRoleB7C66CB2", Match::array_with({
      allow({"codestar-connections:UseConnection"}, arn)})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ActionsTest, CodeBuildActionStartsOnlyItsProjectAndGrantsTheProjectTheBucket) {
  auto& project = stack.add<cdk::codebuild::PipelineProject>("Build");
  codepipeline::Artifact tools{"Tools"};
  auto& p = pipeline();
  p.stages().front()->add_action(actions::S3SourceAction{
      .action_name = "Tools", .bucket = stack.add<cdk::s3::Bucket>("ToolBucket", {.versioned = true}),
      .bucket_key = "tools.zip", .output = tools});
  p.add_stage({.stage_name = "Build"}).add_action(actions::CodeBuildAction{
      .action_name = "Compile", .project = project, .input = source, .extra_inputs = {tools}, .outputs = {built},
      .environment_variables = {{"COMMIT", {.value = "#{SourceVariables.CommitId}"}},
                                {"TOKEN", {.value = "ci/token", .type = cdk::codebuild::BuildEnvironmentVariableType::SecretsManager}}},
      .type = actions::CodeBuildActionType::Test});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Build", {Match::object_like({
      {"ActionTypeId", action_type("Test", "CodeBuild")},
      {"Configuration", Match::object_equals({
          {"ProjectName", ref("Build45A36621")}, {"PrimarySource", "Source"},
          {"EnvironmentVariables", R"([{"name":"COMMIT","type":"PLAINTEXT","value":"#{SourceVariables.CommitId}"},)"
                                   R"({"name":"TOKEN","type":"SECRETS_MANAGER","value":"ci/token"}])"}})},
      {"InputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Source"}}), Match::object_equals({{"Name", "Tools"}})})}})}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineBuildCompileCodePipelineActionRole66C9F3E6", Match::array_equals({
      allow({"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"}, get_att("Build45A36621", "Arn"))})));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("BuildRoleB7C66CB2", Match::array_with({
      Match::object_like({{"Action", Match::array_with({"s3:GetObject", "s3:PutObject"})},
                          {"Resource", Match::array_equals({get_att("PipelineArtifactsBucket22248F97", "Arn"),
                                                            join({get_att("PipelineArtifactsBucket22248F97", "Arn"), "/*"})})}}),
      allow({"secretsmanager:GetSecretValue"}, arn("secretsmanager", "secret:ci/token-??????"))})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ActionsTest, S3SourceReadsItsObjectAndPollsByDefault) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Sources", {.versioned = true});
  auto& p = stack.add<codepipeline::Pipeline>("Pipeline");
  p.add_stage({.stage_name = "Source"}).add_action(actions::S3SourceAction{
      .action_name = "S3", .bucket = bucket, .bucket_key = "engine/source.zip", .output = source});
  p.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{.action_name = "Approve"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Source", {Match::object_like({
      {"ActionTypeId", action_type("Source", "S3")},
      {"Configuration", Match::object_equals({{"S3Bucket", ref("SourcesBE4D2488")}, {"S3ObjectKey", "engine/source.zip"},
                                              {"PollForSourceChanges", true}})}})}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineSourceS3CodePipelineActionRole3CAFD08F", Match::array_with({
      Match::object_equals({{"Effect", "Allow"}, {"Action", cdk::testing::actions_are(cdk::s3::actions::read())},
                            {"Resource", Match::array_equals({get_att("SourcesBE4D2488", "Arn"),
                                                              join({get_att("SourcesBE4D2488", "Arn"), "/engine/source.zip"})})}})})));
  cdk::testing::keep_for_lint(stack);
  auto& plain = stack.add<cdk::s3::Bucket>("Plain");
  expect_error([&] {
    p.stages().front()->add_action(actions::S3SourceAction{.action_name = "Plain", .bucket = plain, .bucket_key = "k", .output = built});
  }, "Stack/Pipeline/Source/Plain", "the source bucket Stack/Plain is not versioned");
}

TEST_F(ActionsTest, S3SourceOnEventsStartsThePipelineFromTheBucketsEventBridgeNotifications) {
  auto& bucket = stack.add<cdk::s3::Bucket>("Sources", {.versioned = true});
  auto& p = stack.add<codepipeline::Pipeline>("Pipeline");
  p.add_stage({.stage_name = "Source"}).add_action(actions::S3SourceAction{
      .action_name = "S3", .bucket = bucket, .bucket_key = "engine/source.zip", .output = source,
      .trigger = actions::S3Trigger::Events});
  p.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{.action_name = "Approve"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Source", {Match::object_like({
      {"Configuration", Match::object_like({{"PollForSourceChanges", false}})}})}));
  t.has_resource_properties("AWS::S3::Bucket", Match::object_like({{"NotificationConfiguration", Match::object_equals({
      {"EventBridgeConfiguration", Match::object_equals({{"EventBridgeEnabled", true}})}})}}));
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({
      {"EventPattern", Match::object_equals({
          {"source", Match::array_equals({"aws.s3"})}, {"detail-type", Match::array_equals({"Object Created"})},
          {"detail", Match::object_equals({
              {"bucket", Match::object_equals({{"name", Match::array_equals({ref("SourcesBE4D2488")})}})},
              {"object", Match::object_equals({{"key", Match::array_equals({"engine/source.zip"})}})}})}})},
      {"Targets", Match::array_equals({Match::object_equals({
          {"Arn", arn("codepipeline", "", {ref("PipelineC660917D")})}, {"Id", "Target0"},
          {"RoleArn", get_att("PipelineEventsRole46BEEA7C", "Arn")}})})}}));
  t.resource_count_is("AWS::CloudTrail::Trail", 0);
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ActionsTest, EcrSourceDescribesImagesAndARuleStartsThePipelineOnAPush) {
  auto& repo = stack.add<cdk::ecr::Repository>("Repo");
  auto& p = stack.add<codepipeline::Pipeline>("Pipeline");
  p.add_stage({.stage_name = "Source"}).add_action(actions::EcrSourceAction{
      .action_name = "Image", .repository = repo, .image_tag = "release", .output = source});
  p.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{.action_name = "Approve"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Source", {Match::object_like({
      {"ActionTypeId", action_type("Source", "ECR")},
      {"Configuration", Match::object_equals({{"RepositoryName", ref("Repo02AC86CF")}, {"ImageTag", "release"}})}})}));
  t.has_resource_properties("AWS::Events::Rule", Match::object_like({
      {"EventPattern", Match::object_equals({
          {"source", Match::array_equals({"aws.ecr"})}, {"detail-type", Match::array_equals({"ECR Image Action"})},
          {"detail", Match::object_equals({{"action-type", Match::array_equals({"PUSH"})}, {"result", Match::array_equals({"SUCCESS"})},
                                           {"repository-name", Match::array_equals({ref("Repo02AC86CF")})},
                                           {"image-tag", Match::array_equals({"release"})}})}})},
      {"Targets", Match::array_equals({Match::object_equals({
          {"Arn", arn("codepipeline", "", {ref("PipelineC660917D")})}, {"Id", "Target0"},
          {"RoleArn", get_att("PipelineEventsRole46BEEA7C", "Arn")}})})}}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineEventsRole46BEEA7C", Match::array_equals({
      allow({"codepipeline:StartPipelineExecution"}, arn("codepipeline", "", {ref("PipelineC660917D")}))})));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineSourceImageCodePipelineActionRoleC604EACF", Match::array_with({
      allow({"ecr:DescribeImages"}, get_att("Repo02AC86CF", "Arn"))})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ActionsTest, EcsDeployUpdatesOnlyItsServiceAndPassesOnlyItsTaskRolesOnlyToEcsTasks) {
  auto& vpc = stack.add<cdk::testing::TestVpc>("Vpc");
  auto& cluster = stack.add<cdk::ecs::Cluster>("Cluster", {.vpc = vpc});
  auto& task = stack.add<cdk::ecs::FargateTaskDefinition>("Task");
  task.add_container("web", {.image = cdk::ecs::ContainerImage::from_registry("nginx")});
  auto& service = stack.add<cdk::ecs::FargateService>("Web", {.cluster = cluster, .task_definition = task});
  auto& p = pipeline();
  p.add_stage({.stage_name = "Deploy"}).add_action(actions::EcsDeployAction{
      .action_name = "Web", .service = service, .input = source, .file_name = "images.json", .deployment_timeout_minutes = 20});
  ASSERT_EQ(task.execution_role(), nullptr);  // an image from a public registry, no logs
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Deploy", {Match::object_like({
      {"ActionTypeId", action_type("Deploy", "ECS")},
      {"Configuration", Match::object_equals({{"ClusterName", ref("ClusterEB0386A7")}, {"ServiceName", get_att("WebServiceDF29B54C", "Name")},
                                              {"FileName", "images.json"}, {"DeploymentTimeout", "20"}})}})}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineDeployWebCodePipelineActionRole38F397FF", Match::array_with({
      allow({"ecs:DescribeServices", "ecs:UpdateService"}, ref("WebServiceDF29B54C")),
      allow({"ecs:DescribeTaskDefinition", "ecs:DescribeTasks", "ecs:ListTasks", "ecs:RegisterTaskDefinition",
             "ecs:TagResource"}, "*"),
      Match::object_equals({{"Effect", "Allow"}, {"Action", "iam:PassRole"},
                            {"Resource", get_att(t.logical_id(task.task_role().cfn_role()), "Arn")},
                            {"Condition", Match::object_equals({{"StringEquals", Match::object_equals({
                                {"iam:PassedToService", "ecs-tasks.amazonaws.com"}})}})}})})));
  cdk::testing::keep_for_lint(stack);
  expect_error([&] {
    p.stages().back()->add_action(actions::EcsDeployAction{.action_name = "Slow", .service = service, .input = source,
                                                           .deployment_timeout_minutes = 61});
  }, "Stack/Pipeline/Deploy/Slow", "deployment_timeout_minutes 61 is outside CodePipeline's range 1-60");
}

TEST_F(ActionsTest, ManualApprovalNotifiesATopicItsRoleMayPublishTo) {
  auto& topic = stack.add<cdk::sns::Topic>("Releases");
  auto& p = pipeline();
  p.add_stage({.stage_name = "Approve"}).add_action(actions::ManualApprovalAction{
      .action_name = "Approve", .notification_topic = topic, .additional_information = "check staging",
      .external_entity_link = "https://staging.example.com"});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Approve", {Match::object_equals({
      {"ActionTypeId", action_type("Approval", "Manual")},
      {"Configuration", Match::object_equals({{"NotificationArn", ref("ReleasesE6BA3EBF")}, {"CustomData", "check staging"},
                                              {"ExternalEntityLink", "https://staging.example.com"}})},
      {"Name", "Approve"}, {"RoleArn", Match::any_value()}, {"RunOrder", 1}})}));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineApproveCodePipelineActionRole6E3F114D", Match::array_equals({
      allow({"sns:Publish"}, ref("ReleasesE6BA3EBF"))})));
  cdk::testing::keep_for_lint(stack);
}

TEST_F(ActionsTest, CloudFormationActionsDeployWithADeploymentRoleAndScopedStackRights) {
  auto& p = pipeline();
  p.add_stage({.stage_name = "Deploy"})
      .add_action(actions::CloudFormationCreateReplaceChangeSetAction{
          .action_name = "Prepare", .stack_name = "engine-prod", .change_set_name = "release",
          .template_path = source.at_path("Engine.template.json"), .admin_permissions = true,
          .parameter_overrides = {{"ImageTag", "v1"}}, .run_order = 1})
      .add_action(actions::CloudFormationExecuteChangeSetAction{
          .action_name = "Execute", .stack_name = "engine-prod", .change_set_name = "release", .output = built,
          .output_file_name = "outputs.json", .run_order = 2})
      .add_action(actions::CloudFormationCreateUpdateStackAction{
          .action_name = "Tools", .stack_name = "tools", .template_path = source.at_path("Tools.template.json"),
          .capabilities = {actions::CfnCapability::Iam, actions::CfnCapability::AutoExpand}, .replace_on_failure = true,
          .run_order = 3});
  auto t = Template::from_stack(stack);
  const auto stack_arn = [](const char* name) { return arn("cloudformation", std::string("stack/") + name + "/*"); };
  t.has_resource_properties("AWS::CodePipeline::Pipeline", stage("Deploy", {
      Match::object_like({{"ActionTypeId", action_type("Deploy", "CloudFormation")},
                          {"Configuration", Match::object_equals({
                              {"ActionMode", "CHANGE_SET_REPLACE"}, {"StackName", "engine-prod"}, {"ChangeSetName", "release"},
                              {"TemplatePath", "Source::Engine.template.json"},
                              {"RoleArn", get_att("PipelineDeployPrepareRole6FDB7813", "Arn")},
                              {"Capabilities", "CAPABILITY_NAMED_IAM"}, {"ParameterOverrides", R"({"ImageTag":"v1"})"}})},
                          {"InputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Source"}})})}, {"RunOrder", 1}}),
      Match::object_like({{"Configuration", Match::object_equals({
                              {"ActionMode", "CHANGE_SET_EXECUTE"}, {"StackName", "engine-prod"}, {"ChangeSetName", "release"},
                              {"OutputFileName", "outputs.json"}})},
                          {"OutputArtifacts", Match::array_equals({Match::object_equals({{"Name", "Built"}})})}, {"RunOrder", 2}}),
      Match::object_like({{"Configuration", Match::object_like({
                              {"ActionMode", "REPLACE_ON_FAILURE"}, {"StackName", "tools"},
                              {"Capabilities", "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND"}})}, {"RunOrder", 3}})}));
  t.has_resource_properties("AWS::IAM::Role", Match::object_like({{"AssumeRolePolicyDocument", Match::object_like({
      {"Statement", Match::array_equals({Match::object_like({
          {"Principal", Match::object_equals({{"Service", "cloudformation.amazonaws.com"}})}})})}})}}));
  const auto change_set = Match::object_equals({{"StringEqualsIfExists", Match::object_equals({{"cloudformation:ChangeSetName", "release"}})}});
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineDeployPrepareCodePipelineActionRole72753F24", Match::array_equals({
      Match::object_like({{"Action", Match::array_equals({"s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion"})}}),
      allow({"iam:PassRole"}, get_att("PipelineDeployPrepareRole6FDB7813", "Arn")),
      Match::object_equals({{"Effect", "Allow"}, {"Action", Match::array_equals({"cloudformation:CreateChangeSet", "cloudformation:DeleteChangeSet",
                                                                                "cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks"})},
                            {"Resource", stack_arn("engine-prod")}, {"Condition", change_set}})})));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineDeployExecuteCodePipelineActionRoleB70EDCD9", Match::array_with({
      Match::object_equals({{"Effect", "Allow"}, {"Action", Match::array_equals({"cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks",
                                                                                "cloudformation:ExecuteChangeSet"})},
                            {"Resource", stack_arn("engine-prod")}, {"Condition", change_set}})})));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineDeployToolsCodePipelineActionRoleAC81D883", Match::array_with({
      allow({"cloudformation:CreateStack", "cloudformation:DeleteStack", "cloudformation:DescribeStackEvents",
             "cloudformation:DescribeStackResource", "cloudformation:DescribeStackResources", "cloudformation:DescribeStacks",
             "cloudformation:GetStackPolicy", "cloudformation:GetTemplate", "cloudformation:GetTemplateSummary",
             "cloudformation:SetStackPolicy", "cloudformation:UpdateStack", "cloudformation:ValidateTemplate"},
            stack_arn("tools"))})));
  t.has_resource_properties("AWS::IAM::Policy", policy_of("PipelineDeployPrepareRole6FDB7813", Match::array_with({
      allow({"*"}, "*")})));
  cdk::testing::keep_for_lint(stack);
  auto& deploy = *p.stages().back();
  expect_error([&] {
    deploy.add_action(actions::CloudFormationExecuteChangeSetAction{.action_name = "Bad", .stack_name = "1bad", .change_set_name = "x"});
  }, "Stack/Pipeline/Deploy/Bad", "stack name \"1bad\"");
  expect_error([&] {
    deploy.add_action(actions::CloudFormationCreateUpdateStackAction{.action_name = "NoTemplate", .stack_name = "s"});
  }, "Stack/Pipeline/Deploy/NoTemplate", "the action has no template_path");
}

}  // namespace
